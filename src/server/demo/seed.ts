import { eq } from 'drizzle-orm';
import type { Role } from '../../contracts/common.js';
import type { Db } from '../db/client.js';
import * as t from '../db/schema.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { seedResponsibilities } from '../modules/contract/contract.service.js';
import { createAccount } from '../modules/networks/networks.service.js';
import { BODIES } from '../modules/structure/structure.defaults.js';

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

// The office team of the original description with the seed's numbers; the names are invented examples.
export const HSK_TEAM = [
  {
    function: 'Bildungsbüro HSK – Teamleitung',
    name: 'Beispiel Teamleitung',
    phone: '02931 / 94-4126',
    email: 'teamleitung@demo.bildungsnetz.example',
  },
  {
    function: 'Bildungsbüro HSK – Verwaltung',
    name: 'Jonas Beispiel',
    phone: '02931 / 94-4148',
    email: 'verwaltung@demo.bildungsnetz.example',
  },
  {
    function: 'Bildungsbüro HSK – Verwaltung',
    name: 'Sabine Muster',
    phone: '02931 / 94-4121',
    email: 'verwaltung2@demo.bildungsnetz.example',
  },
  {
    function: 'Bildungsbüro – pädagogische Mitarbeiterin',
    name: 'Lea Exempel',
    phone: '02931 / 94-4122',
    email: 'paedagogik@demo.bildungsnetz.example',
  },
];

/** The HSK's public site: published, with the details its imprint and "Kontakt" print (examples). */
const HSK_SITE = {
  published: true,
  description:
    'Im Regionalen Bildungsnetzwerk arbeiten das Land Nordrhein-Westfalen und der Hochsauerlandkreis mit Schulen, Kitas, Hochschulen, Wirtschaft und Jugendhilfe zusammen, damit Kinder und Jugendliche gut durch Schule, Ausbildung und Übergänge kommen. Das Regionale Bildungsbüro koordiniert, berät und vernetzt.',
  provider: 'Hochsauerlandkreis – Regionales Bildungsbüro',
  street: 'Steinstraße 27',
  postalCode: '59872',
  city: 'Meschede',
  phone: '0291 / 94-0',
  representative: 'Der Landrat des Hochsauerlandkreises (Beispiel)',
  responsible: 'Leitung des Regionalen Bildungsbüros (Beispiel), Steinstraße 27, 59872 Meschede',
  dataProtectionOfficer:
    'Behördliche Datenschutzbeauftragte des Hochsauerlandkreises, datenschutz@demo.bildungsnetz.example',
};

/** Loads the HSK demo network once; a second call finds it and changes nothing. */
export async function seedDemo(db: Db): Promise<{ created: boolean; networkId: string }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(t.network).where(eq(t.network.name, HSK_NAME));
    if (existing) return { created: false, networkId: existing.id };
    const [hsk] = await tx
      .insert(t.network)
      .values({
        name: HSK_NAME,
        regionKey: '05958',
        slug: 'hochsauerlandkreis',
        contactEmail: 'bildungsbuero@demo.bildungsnetz.example',
      })
      .returning();
    const [other] = await tx
      .insert(t.network)
      .values({ name: 'Beispiel-Bildungsnetzwerk Musterkreis', regionKey: '05999', slug: 'musterkreis' })
      .returning();
    const accounts = [];
    for (const a of DEMO_ACCOUNTS) {
      const [found] = await tx.select().from(t.user).where(eq(t.user.email, a.email));
      const u = found ?? (await createAccount(tx, { name: a.name, email: a.email, password: DEMO_PASSWORD }));
      // HSK is where everyone worked last, so the administrator lands there and not in the second one.
      await tx
        .insert(t.membership)
        .values({ networkId: hsk!.id, userId: u.id, role: a.role, lastOpenedAt: new Date() });
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
    await tx
      .insert(t.teamContact)
      .values(HSK_TEAM.map((m, i) => ({ networkId: hsk!.id, position: i + 1, ...m })));
    await tx.insert(t.publicSite).values({ networkId: hsk!.id, ...HSK_SITE });
    await seedContract(tx, hsk!.id, admin.id);
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

/**
 * An example contract (the real HSK contract text is not reproduced): an original version in force
 * since 2012 with six fields of action, and a first amendment in force since 1 August 2024 that adds
 * two fields and ends one.
 */
async function seedContract(tx: Db, networkId: string, adminId: string) {
  const [c] = await tx
    .insert(t.contract)
    .values({
      networkId,
      title: 'Kooperationsvertrag über das Regionale Bildungsnetzwerk Hochsauerlandkreis (Beispieldaten)',
      landPartyName: 'Land Nordrhein-Westfalen, vertreten durch die Bezirksregierung Arnsberg',
      municipalityPartyName: 'Hochsauerlandkreis als Schulträger, vertreten durch den Landrat',
    })
    .returning();
  await tx.insert(t.contractSignatory).values([
    {
      networkId,
      contractId: c!.id,
      party: 'land',
      name: 'Beispiel Schulaufsicht',
      function: 'Bezirksregierung Arnsberg, Abteilung Schule',
    },
    {
      networkId,
      contractId: c!.id,
      party: 'municipality',
      name: 'Beispiel Landrat',
      function: 'Landrat des Hochsauerlandkreises',
    },
  ]);
  const [v1, v2] = await tx
    .insert(t.contractVersion)
    .values([
      {
        networkId,
        contractId: c!.id,
        number: 1,
        kind: 'original' as const,
        title: 'Kooperationsvertrag',
        summary: 'Gründung des Regionalen Bildungsnetzwerks mit sechs gemeinsamen Handlungsfeldern.',
        effectiveFrom: '2012-01-01',
        status: 'in_force' as const,
        createdBy: adminId,
        inForceAt: new Date('2011-12-05T10:00:00Z'),
      },
      {
        networkId,
        contractId: c!.id,
        number: 2,
        kind: 'amendment' as const,
        title: '1. Änderungsvereinbarung',
        summary:
          'Nimmt MINT/zdi und Bildung für nachhaltige Entwicklung auf; Gewalt- und Krisenprävention geht an den Arbeitskreis der Kreispolizeibehörde zurück.',
        effectiveFrom: '2024-08-01',
        status: 'in_force' as const,
        createdBy: adminId,
        inForceAt: new Date('2024-06-20T10:00:00Z'),
      },
    ])
    .returning();
  await tx.insert(t.contractSection).values([
    {
      networkId,
      versionId: v1!.id,
      position: 1,
      heading: '§ 1 Gegenstand',
      body: 'Land und Kreis entwickeln gemeinsam ein Regionales Bildungsnetzwerk nach § 78a SchulG NRW.',
    },
    {
      networkId,
      versionId: v1!.id,
      position: 2,
      heading: '§ 2 Handlungsfelder',
      body: 'Gemeinsam entschieden und gehandelt wird nur in den in Anlage 1 genannten Handlungsfeldern.',
    },
    {
      networkId,
      versionId: v1!.id,
      position: 3,
      heading: '§ 3 Gremien',
      body: 'Regionales Bildungsbüro, Lenkungskreis und Regionale Bildungskonferenz.',
    },
    {
      networkId,
      versionId: v2!.id,
      position: 1,
      heading: 'Artikel 1',
      body: 'Anlage 1 wird um die Handlungsfelder MINT/zdi und Bildung für nachhaltige Entwicklung ergänzt; das Handlungsfeld Gewalt- und Krisenprävention entfällt.',
    },
  ]);
  for (const v of [v1!, v2!]) {
    const signed = v.number === 1 ? ['2011-11-21', '2011-12-05'] : ['2024-06-10', '2024-06-20'];
    await tx.insert(t.contractConsent).values([
      {
        networkId,
        versionId: v.id,
        party: 'land',
        signedBy: 'Bezirksregierung Arnsberg (Schulaufsicht)',
        signedOn: signed[0]!,
        recordedBy: adminId,
      },
      {
        networkId,
        versionId: v.id,
        party: 'municipality',
        signedBy: 'Landrat des Hochsauerlandkreises',
        signedOn: signed[1]!,
        recordedBy: adminId,
      },
    ]);
  }
  const field = (
    name: string,
    previousOwner: 'land' | 'school_operator' | 'municipality' | 'other',
    introducedBy: string,
    description: string,
    previousOwnerName: string | null = null,
  ) => ({
    networkId,
    name,
    previousOwner,
    previousOwnerName,
    introducedBy,
    description,
    goals: '',
  });
  const fields = await tx
    .insert(t.fieldOfAction)
    .values([
      field(
        'Übergang Kita – Grundschule',
        'municipality',
        v1!.id,
        'Bildungsdokumentation, Kooperation von Kitas und Grundschulen.',
      ),
      field(
        'Übergang Grundschule – weiterführende Schule',
        'land',
        v1!.id,
        'Beratung und Informationsabende zum Übergang.',
      ),
      field(
        'Übergang Schule – Beruf (KAoA)',
        'land',
        v1!.id,
        'Kein Abschluss ohne Anschluss: Berufsorientierung ab Klasse 8.',
      ),
      field('Inklusion', 'land', v1!.id, 'Gemeinsames Lernen und Unterstützungsangebote.'),
      field(
        'Digitale Bildung und Medienbildung',
        'school_operator',
        v1!.id,
        'Medienentwicklungsplanung und Medienkompetenz, gemeinsam mit dem Medienzentrum.',
      ),
      field(
        'Gewalt- und Krisenprävention',
        'other',
        v1!.id,
        'Netzwerk der Krisenteams an Schulen.',
        'Arbeitskreis der Kreispolizeibehörde',
      ),
      field(
        'MINT / zdi',
        'other',
        v2!.id,
        'Naturwissenschaftlich-technische Bildung mit dem zdi-Zentrum.',
        'zdi-Zentrum HSK',
      ),
      field(
        'Bildung für nachhaltige Entwicklung',
        'school_operator',
        v2!.id,
        'BNE an Schulen und außerschulischen Lernorten.',
      ),
    ])
    .returning();
  const ended = fields.find((f) => f.name === 'Gewalt- und Krisenprävention')!;
  await tx.update(t.fieldOfAction).set({ endedBy: v2!.id }).where(eq(t.fieldOfAction.id, ended.id));
  await seedResponsibilities(tx, networkId);
}
