import { eq } from 'drizzle-orm';
import type { PublicSite } from '../../../contracts/publicsite.js';
import type { Db } from '../../db/client.js';
import { DomainError } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { network } from '../networks/networks.tables.js';
import { decisionSummaries } from '../steering/steering.service.js';
import { replaceTeam, structureOf, updateBody } from '../structure/structure.service.js';
import { publicDecision, publicSite } from './publicsite.tables.js';

type SiteInput = {
  published: boolean;
  slug: string;
  description: string;
  contactEmail: string | null;
  provider: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  representative: string;
  responsible: string;
  dataProtectionOfficer: string;
  team: Array<{ function: string; name: string | null; phone: string | null; email: string | null }>;
  bodies: Array<{ kind: 'office' | 'steering_committee' | 'conference'; name: string; description: string }>;
  publicDecisionIds: string[];
};

const detailKeys = [
  'description',
  'provider',
  'street',
  'postalCode',
  'city',
  'phone',
  'representative',
  'responsible',
  'dataProtectionOfficer',
] as const;

/**
 * What an imprint must name (§ 5 DDG, § 18 Abs. 2 MStV): the site is not published without it, so the
 * public never reads an imprint with gaps.
 */
const required: Array<[keyof SiteInput, string]> = [
  ['description', 'kurze Beschreibung'],
  ['provider', 'Anbieter'],
  ['street', 'Straße und Hausnummer'],
  ['postalCode', 'Postleitzahl'],
  ['city', 'Ort'],
  ['representative', 'vertretungsberechtigt'],
  ['responsible', 'Verantwortlich nach § 18 Abs. 2 MStV'],
];

async function siteOf(db: Db, networkId: string) {
  const [row] = await db.select().from(publicSite).where(eq(publicSite.networkId, networkId));
  return row;
}

/** The network page as the office edits it, with the register to choose the published decisions from. */
export async function getPublicSite(deps: Deps, actor: NetworkActor): Promise<PublicSite> {
  authorize(actor.role, 'public.manage');
  const db = deps.db;
  const [[n], site, structure, decisions, marked] = await Promise.all([
    db.select().from(network).where(eq(network.id, actor.networkId)),
    siteOf(db, actor.networkId),
    structureOf(db, actor.networkId),
    decisionSummaries(db, actor.networkId),
    db
      .select({ id: publicDecision.decisionId })
      .from(publicDecision)
      .where(eq(publicDecision.networkId, actor.networkId)),
  ]);
  const shown = new Set(marked.map((m) => m.id));
  return {
    networkName: n!.name,
    published: site?.published ?? false,
    slug: n!.slug,
    contactEmail: n!.contactEmail,
    ...Object.fromEntries(detailKeys.map((k) => [k, site?.[k] ?? ''])),
    team: structure.team,
    bodies: structure.bodies,
    decisions: decisions.map((d) => ({
      id: d.id,
      number: d.number,
      decidedOn: d.decidedOn,
      title: d.title,
      public: shown.has(d.id),
    })),
  } as PublicSite;
}

/**
 * Saves the whole network page in one transaction: address, details, team, bodies, published decisions
 * and the publish switch. Each part that changed leaves its own audit entry.
 */
export async function savePublicSite(deps: Deps, actor: NetworkActor, input: SiteInput): Promise<PublicSite> {
  authorize(actor.role, 'public.manage');
  if (input.published) {
    const missing = required.filter(([k]) => !String(input[k] ?? '').trim()).map(([, label]) => label);
    if (missing.length > 0) {
      throw new DomainError(
        'publicsite.details_missing',
        `Zum Veröffentlichen fehlen noch: ${missing.join(', ')}. Bitte ergänzen Sie diese Angaben oder speichern Sie ohne Veröffentlichung.`,
        'rule',
        { missing },
      );
    }
  }
  await deps.db.transaction(async (tx) => {
    const d = { ...deps, db: tx };
    const before = await getPublicSite(d, actor);
    const audit = auditActorOf(actor);
    const [taken] = await tx.select({ id: network.id }).from(network).where(eq(network.slug, input.slug));
    if (taken && taken.id !== actor.networkId) {
      throw new DomainError(
        'publicsite.slug_taken',
        `Die Adresse „${input.slug}“ ist bereits vergeben. Bitte wählen Sie eine andere.`,
        'conflict',
      );
    }
    const known = new Set(before.decisions.map((x) => x.id));
    const unknown = input.publicDecisionIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainError(
        'publicsite.unknown_decision',
        'Ein gewählter Beschluss gehört nicht zu diesem Bildungsnetzwerk. Bitte laden Sie die Seite neu.',
        'invalid',
      );
    }

    if (input.slug !== before.slug || input.contactEmail !== before.contactEmail) {
      await tx
        .update(network)
        .set({ slug: input.slug, contactEmail: input.contactEmail, updatedAt: deps.now() })
        .where(eq(network.id, actor.networkId));
      await recordAudit(tx, audit, {
        action: 'update',
        entityType: 'network',
        entityId: actor.networkId,
        summary: 'Adresse und Kontakt der öffentlichen Seite geändert',
        before: { slug: before.slug, contactEmail: before.contactEmail },
        after: { slug: input.slug, contactEmail: input.contactEmail },
      });
    }

    const details = Object.fromEntries(detailKeys.map((k) => [k, input[k]])) as Record<
      (typeof detailKeys)[number],
      string
    >;
    const detailsBefore = Object.fromEntries(detailKeys.map((k) => [k, before[k]]));
    if (input.published !== before.published || detailKeys.some((k) => details[k] !== detailsBefore[k])) {
      await tx
        .insert(publicSite)
        .values({
          networkId: actor.networkId,
          published: input.published,
          ...details,
          updatedBy: actor.userId,
        })
        .onConflictDoUpdate({
          target: publicSite.networkId,
          set: { published: input.published, ...details, updatedBy: actor.userId, updatedAt: deps.now() },
        });
      await recordAudit(tx, audit, {
        action: 'update',
        entityType: 'public_site',
        entityId: actor.networkId,
        summary:
          input.published === before.published
            ? 'Angaben der öffentlichen Seite geändert'
            : input.published
              ? 'Öffentliche Seite veröffentlicht'
              : 'Öffentliche Seite zurückgezogen',
        before: { published: before.published, ...detailsBefore },
        after: { published: input.published, ...details },
      });
    }

    if (JSON.stringify(input.team) !== JSON.stringify(before.team)) await replaceTeam(d, actor, input.team);
    for (const b of input.bodies) {
      const old = before.bodies.find((x) => x.kind === b.kind);
      if (!old || old.name !== b.name || old.description !== b.description) {
        await updateBody(d, actor, b.kind, { name: b.name, description: b.description });
      }
    }

    const wanted = new Set(input.publicDecisionIds);
    for (const dec of before.decisions) {
      if (dec.public === wanted.has(dec.id)) continue;
      if (wanted.has(dec.id)) {
        await tx
          .insert(publicDecision)
          .values({ decisionId: dec.id, networkId: actor.networkId, markedBy: actor.userId });
      } else {
        await tx.delete(publicDecision).where(eq(publicDecision.decisionId, dec.id));
      }
      await recordAudit(tx, audit, {
        action: 'update',
        entityType: 'decision',
        entityId: dec.id,
        summary: wanted.has(dec.id)
          ? `Beschluss ${dec.number} auf der öffentlichen Seite veröffentlicht`
          : `Beschluss ${dec.number} von der öffentlichen Seite genommen`,
        before: { public: dec.public },
        after: { public: wanted.has(dec.id) },
      });
    }
  });
  return getPublicSite(deps, actor);
}
