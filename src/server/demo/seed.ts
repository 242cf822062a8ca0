import { eq } from 'drizzle-orm';
import type { Role } from '../../contracts/common.js';
import type { Db } from '../db/client.js';
import * as t from '../db/schema.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { createAccount } from '../modules/networks/networks.service.js';

export const DEMO_PASSWORD = 'Demo-Passwort-2026';
export const HSK_NAME = 'Regionales Bildungsnetzwerk Hochsauerlandkreis';

/** One account per role; invented people, plainly marked as examples. */
export const DEMO_ACCOUNTS: Array<{ role: Role; name: string; email: string }> = [
  { role: 'admin', name: 'Beispiel Administration', email: 'admin@demo.bildungsnetz.example' },
  { role: 'office', name: 'Beispiel Teamleitung (Bildungsbüro)', email: 'buero@demo.bildungsnetz.example' },
  {
    role: 'committee',
    name: 'Beispiel Mitglied Lenkungskreis',
    email: 'lenkungskreis@demo.bildungsnetz.example',
  },
  { role: 'guest', name: 'Beispiel Gast (Agentur für Arbeit)', email: 'gast@demo.bildungsnetz.example' },
  {
    role: 'partner',
    name: 'Beispiel Netzwerkpartner (Berufskolleg)',
    email: 'partner@demo.bildungsnetz.example',
  },
];

export const HSK_MUNICIPALITIES: Array<[string, string]> = [
  ['05958004', 'Arnsberg'],
  ['05958008', 'Bestwig'],
  ['05958012', 'Brilon'],
  ['05958016', 'Eslohe (Sauerland)'],
  ['05958020', 'Hallenberg'],
  ['05958024', 'Marsberg'],
  ['05958028', 'Medebach'],
  ['05958032', 'Meschede'],
  ['05958036', 'Olsberg'],
  ['05958040', 'Schmallenberg'],
  ['05958044', 'Sundern (Sauerland)'],
  ['05958048', 'Winterberg'],
];

// The bodies as the original description of the network puts them.
export const BODIES = [
  {
    kind: 'office' as const,
    name: 'Regionales Bildungsbüro',
    description:
      'Die operative Einheit des Regionalen Bildungsnetzwerks in der Kreisverwaltung: Dienstleistungsstelle, Organisationsplattform, Vermittlungs-, Beratungs- und Koordinierungsinstanz. Es erstellt Konzepte, Vorlagen, Handreichungen und Dokumentationen, koordiniert Projekte, bereitet Veranstaltungen vor und nach, spricht Multiplikatorinnen und Multiplikatoren an, recherchiert in den Handlungsfeldern und sorgt für Evaluation und Qualitätsentwicklung.',
  },
  {
    kind: 'steering_committee' as const,
    name: 'Lenkungskreis',
    description:
      'Der strategische Kern der staatlich-kommunalen Zusammenarbeit. Vertretungen von Land und Kommune sowie ausgewählte Bildungsakteure vereinbaren Ziele und Arbeitsplanungen in den festgelegten Handlungsfeldern und erteilen dem Bildungsbüro Arbeitsaufträge. Entscheidungen fallen im Konsens; Gäste beraten anlass- und themenbezogen.',
  },
  {
    kind: 'conference' as const,
    name: 'Regionale Bildungskonferenz',
    description:
      'Die in der Regel jährliche Konferenz der Bildungsregion. Der Lenkungskreis verantwortet die Inhalte, das Bildungsbüro die Organisation. Sie wird dokumentiert und ausgewertet; ihre Empfehlungen gehen an den Lenkungskreis.',
  },
];

// The office team of the original description; the names are left open, the numbers are the seed's.
export const HSK_TEAM = [
  { function: 'Bildungsbüro HSK – Teamleitung', phone: '02931 / 94-4126' },
  { function: 'Bildungsbüro HSK – Verwaltung', phone: '02931 / 94-4148' },
  { function: 'Bildungsbüro HSK – Verwaltung', phone: '02931 / 94-4121' },
  { function: 'Bildungsbüro – pädagogische Mitarbeiterin', phone: '02931 / 94-4122' },
];

/** Loads the HSK demo network once; a second call finds it and changes nothing. */
export async function seedDemo(db: Db): Promise<{ created: boolean; networkId: string }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(t.network).where(eq(t.network.name, HSK_NAME));
    if (existing) return { created: false, networkId: existing.id };
    const [hsk] = await tx.insert(t.network).values({ name: HSK_NAME, regionKey: '05958' }).returning();
    const [other] = await tx
      .insert(t.network)
      .values({ name: 'Beispiel-Bildungsnetzwerk Musterkreis', regionKey: '05999' })
      .returning();
    const accounts = [];
    for (const a of DEMO_ACCOUNTS) {
      const [found] = await tx.select().from(t.user).where(eq(t.user.email, a.email));
      const u = found ?? (await createAccount(tx, { name: a.name, email: a.email, password: DEMO_PASSWORD }));
      await tx.insert(t.membership).values({ networkId: hsk!.id, userId: u.id, role: a.role });
      accounts.push(u);
    }
    const admin = accounts[0]!;
    await tx.insert(t.platformAdmin).values({ userId: admin.id }).onConflictDoNothing();
    // The administrator also belongs to a second network, to show the switch between networks.
    await tx.insert(t.membership).values({ networkId: other!.id, userId: admin.id, role: 'admin' });
    for (const n of [hsk!, other!]) {
      await tx.insert(t.networkBody).values(BODIES.map((b) => ({ ...b, networkId: n.id })));
    }
    await tx
      .insert(t.municipality)
      .values(HSK_MUNICIPALITIES.map(([regionKey, name]) => ({ networkId: hsk!.id, regionKey, name })));
    await tx.insert(t.teamContact).values(
      HSK_TEAM.map((m, i) => ({
        networkId: hsk!.id,
        position: i + 1,
        function: m.function,
        phone: m.phone,
      })),
    );
    for (const n of [hsk!, other!]) {
      await recordAudit(
        tx,
        { userId: null, name: 'Demodaten', networkId: n.id },
        {
          action: 'create',
          entityType: 'network',
          entityId: n.id,
          summary: `Demonetzwerk „${n.name}“ geladen`,
          after: { name: n.name, regionKey: n.regionKey },
        },
      );
    }
    return { created: true, networkId: hsk!.id };
  });
}
