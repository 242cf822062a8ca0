import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type {
  FeedbackInput,
  LegalDetails,
  PageKind,
  PublicNetwork,
  PublicNetworkListItem,
  PublicPage,
} from '../../../contracts/publicsite.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { user } from '../auth/auth.tables.js';
import { listFieldsOfNetwork } from '../contract/contract.service.js';
import { upcomingPublicEvents } from '../events/events.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { membership, network } from '../networks/networks.tables.js';
import { decisionSummaries } from '../steering/steering.service.js';
import { structureOf } from '../structure/structure.service.js';
import { publishedWorkPlans } from '../work/work.service.js';
import { defaultPage, pageTitle } from './publicsite.defaults.js';
import { publicDecision, publicPage, publicSite } from './publicsite.tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A published network by its public address; the id works too, for networks that have no address yet.
 * An unpublished network is "not found" for the public, exactly like one that does not exist.
 */
export async function networkBySlug(deps: Deps, slug: string) {
  const [row] = await deps.db
    .select({ n: network, site: publicSite })
    .from(network)
    .innerJoin(publicSite, eq(publicSite.networkId, network.id))
    .where(and(eq(publicSite.published, true), networkOfSlug(slug)));
  if (!row) throw notFound('Das Bildungsnetzwerk');
  return row;
}

/** The condition on `network` of a public address's slug (or the network's id). */
const networkOfSlug = (slug: string) =>
  UUID.test(slug) ? or(eq(network.slug, slug), eq(network.id, slug)) : eq(network.slug, slug.toLowerCase());

/** The condition on `network` that it is published under a public address's slug (or its id). */
export const publishedNetworkOfSlug = (slug: string) =>
  and(
    networkOfSlug(slug),
    sql`${network.id} IN (SELECT ${publicSite.networkId} FROM ${publicSite} WHERE ${publicSite.published})`,
  );

export async function listPublicNetworks(deps: Deps): Promise<PublicNetworkListItem[]> {
  const rows = await deps.db
    .select({ n: network, site: publicSite })
    .from(network)
    .innerJoin(publicSite, eq(publicSite.networkId, network.id))
    .where(eq(publicSite.published, true))
    .orderBy(asc(network.name));
  return rows.map(({ n, site }) => ({
    name: n.name,
    slug: n.slug ?? n.id,
    regionKey: n.regionKey,
    city: site.city,
    description: site.description,
  }));
}

/** The id of a published network by its public address (other modules' public pages use it). */
export const publishedNetworkId = async (deps: Deps, slug: string): Promise<string> =>
  (await networkBySlug(deps, slug)).n.id;

export async function getPublicNetwork(deps: Deps, slug: string): Promise<PublicNetwork> {
  const { n, site } = await networkBySlug(deps, slug);
  const [structure, fields, decisions, published, workPlans, upcomingEvents] = await Promise.all([
    structureOf(deps.db, n.id),
    listFieldsOfNetwork(deps.db, n.id, berlinDay(deps.now())),
    decisionSummaries(deps.db, n.id),
    deps.db
      .select({ id: publicDecision.decisionId })
      .from(publicDecision)
      .where(eq(publicDecision.networkId, n.id)),
    publishedWorkPlans(deps.db, n.id),
    upcomingPublicEvents(deps.db, n.id, deps.now()),
  ]);
  const shown = new Set(published.map((p) => p.id));
  return {
    name: n.name,
    slug: n.slug ?? n.id,
    regionKey: n.regionKey,
    description: site.description,
    bodies: structure.bodies,
    fields: fields
      .filter((f) => f.joint)
      .map((f) => ({
        name: f.name,
        description: f.description,
        goals: f.goals,
        jointSince: f.introducedBy.effectiveFrom,
      })),
    team: structure.team,
    municipalities: structure.municipalities,
    upcomingEvents,
    contactEmail: n.contactEmail,
    contact: {
      provider: site.provider,
      street: site.street,
      postalCode: site.postalCode,
      city: site.city,
      phone: site.phone,
    },
    workPlans,
    decisions: decisions
      .filter((d) => shown.has(d.id))
      .map(({ number, decidedOn, title, text }) => ({ number, decidedOn, title, text })),
  };
}

const legalOf = (site: typeof publicSite.$inferSelect, contactEmail: string | null): LegalDetails => ({
  provider: site.provider,
  street: site.street,
  postalCode: site.postalCode,
  city: site.city,
  phone: site.phone,
  email: contactEmail,
  representative: site.representative,
  responsible: site.responsible,
  dataProtectionOfficer: site.dataProtectionOfficer,
});

export async function getPublicPage(deps: Deps, slug: string, kind: PageKind): Promise<PublicPage> {
  const { n, site } = await networkBySlug(deps, slug);
  const [page] = await deps.db
    .select()
    .from(publicPage)
    .where(and(eq(publicPage.networkId, n.id), eq(publicPage.kind, kind)));
  return {
    kind,
    title: pageTitle[kind],
    body: page?.body ?? defaultPage(kind, n.name),
    updatedAt: page?.updatedAt.toISOString() ?? null,
    networkName: n.name,
    legal: legalOf(site, n.contactEmail),
  };
}

/**
 * Feedback from the public (e.g. on accessibility, as BITV NRW requires): a mail to the network's
 * contact address, or else to its office and administration, through the outbox.
 */
export async function submitFeedback(deps: Deps, slug: string, input: FeedbackInput): Promise<void> {
  const { n } = await networkBySlug(deps, slug);
  // A filled hidden field means a robot: accept silently, send nothing.
  if (input.website) return;
  await deps.db.transaction(async (tx) => {
    const recipients = n.contactEmail
      ? [{ email: n.contactEmail, name: 'Regionales Bildungsbüro' }]
      : await tx
          .select({ email: user.email, name: user.name })
          .from(membership)
          .innerJoin(user, eq(user.id, membership.userId))
          .where(and(eq(membership.networkId, n.id), inArray(membership.role, ['office', 'admin'])));
    if (recipients.length === 0) {
      throw new DomainError(
        'publicsite.no_recipient',
        'Die Nachricht kann derzeit nicht zugestellt werden.',
        'conflict',
      );
    }
    const text = [
      `Über die öffentliche Seite des ${n.name} ist eine Rückmeldung eingegangen.`,
      '',
      `Seite: ${input.page || '(nicht angegeben)'}`,
      `Name: ${input.name || '(nicht angegeben)'}`,
      `E-Mail: ${input.email || '(nicht angegeben)'}`,
      '',
      input.message ?? '',
    ].join('\n');
    for (const r of recipients) {
      await enqueueMail(tx, {
        networkId: n.id,
        to: r.email,
        toName: r.name,
        subject: `Rückmeldung über die öffentliche Seite${input.page?.includes('barrierefreiheit') ? ' (Barrierefreiheit)' : ''}`,
        text,
      });
    }
  });
}

export async function getEditablePage(deps: Deps, actor: NetworkActor, kind: PageKind) {
  authorize(actor.role, 'public.manage');
  const [n] = await deps.db.select().from(network).where(eq(network.id, actor.networkId));
  const [page] = await deps.db
    .select()
    .from(publicPage)
    .where(and(eq(publicPage.networkId, actor.networkId), eq(publicPage.kind, kind)));
  return {
    kind,
    title: pageTitle[kind],
    body: page?.body ?? defaultPage(kind, n!.name),
    isDefault: !page,
  };
}

export async function savePage(deps: Deps, actor: NetworkActor, kind: PageKind, body: string) {
  authorize(actor.role, 'public.manage');
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(publicPage)
      .where(and(eq(publicPage.networkId, actor.networkId), eq(publicPage.kind, kind)));
    if (before) {
      await tx
        .update(publicPage)
        .set({ body, updatedAt: deps.now(), updatedBy: actor.userId })
        .where(eq(publicPage.id, before.id));
    } else {
      await tx.insert(publicPage).values({ networkId: actor.networkId, kind, body, updatedBy: actor.userId });
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: before ? 'update' : 'create',
      entityType: 'public_page',
      entityId: kind,
      summary: `${pageTitle[kind]} geändert`,
      before: before ? { body: before.body } : undefined,
      after: { body },
    });
  });
  return getEditablePage(deps, actor, kind);
}

export async function getPublicProfile(deps: Deps, actor: NetworkActor) {
  authorize(actor.role, 'public.manage');
  const [n] = await deps.db.select().from(network).where(eq(network.id, actor.networkId));
  return { slug: n!.slug, contactEmail: n!.contactEmail };
}

export async function updatePublicProfile(
  deps: Deps,
  actor: NetworkActor,
  input: { slug: string; contactEmail: string | null },
) {
  authorize(actor.role, 'public.manage');
  await deps.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: network.id }).from(network).where(eq(network.slug, input.slug));
    if (taken && taken.id !== actor.networkId) {
      throw new DomainError(
        'publicsite.slug_taken',
        `Die Adresse „${input.slug}“ ist bereits vergeben.`,
        'conflict',
      );
    }
    const [before] = await tx.select().from(network).where(eq(network.id, actor.networkId)).for('update');
    await tx
      .update(network)
      .set({ slug: input.slug, contactEmail: input.contactEmail, updatedAt: deps.now() })
      .where(eq(network.id, actor.networkId));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'network',
      entityId: actor.networkId,
      summary: 'Adresse und Kontakt der öffentlichen Seite geändert',
      before: { slug: before!.slug, contactEmail: before!.contactEmail },
      after: input,
    });
  });
  return getPublicProfile(deps, actor);
}
