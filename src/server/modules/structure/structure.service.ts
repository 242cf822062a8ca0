import { and, asc, eq } from 'drizzle-orm';
import type { NetworkStructure } from '../../../contracts/structure.js';
import type { Db } from '../../db/client.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { BODIES } from './structure.defaults.js';
import { municipality, networkBody, teamContact } from './structure.tables.js';

const bodyOrder = { office: 0, steering_committee: 1, conference: 2 } as const;

/** The network's bodies, municipalities and office team: readable by every member. */
export async function getStructure(deps: Deps, actor: NetworkActor): Promise<NetworkStructure> {
  return structureOf(deps.db, actor.networkId);
}

/** The structure as the public page shows it: nothing in it is confidential. */
export async function structureOf(db: Db, networkId: string): Promise<NetworkStructure> {
  const deps = { db };
  const actor = { networkId };
  const [bodies, municipalities, team] = await Promise.all([
    deps.db.select().from(networkBody).where(eq(networkBody.networkId, actor.networkId)),
    deps.db
      .select()
      .from(municipality)
      .where(eq(municipality.networkId, actor.networkId))
      .orderBy(asc(municipality.regionKey)),
    deps.db
      .select()
      .from(teamContact)
      .where(eq(teamContact.networkId, actor.networkId))
      .orderBy(asc(teamContact.position)),
  ]);
  return {
    bodies: bodies
      .sort((a, b) => bodyOrder[a.kind] - bodyOrder[b.kind])
      .map((b) => ({ kind: b.kind, name: b.name, description: b.description })),
    municipalities: municipalities.map((m) => ({ regionKey: m.regionKey, name: m.name })),
    team: team.map((t) => ({ function: t.function, name: t.name, phone: t.phone, email: t.email })),
  };
}

/** The network's municipalities with their ids (the address book files institutions under them). */
export async function municipalitiesOf(db: Db, networkId: string) {
  return db
    .select({ id: municipality.id, regionKey: municipality.regionKey, name: municipality.name })
    .from(municipality)
    .where(eq(municipality.networkId, networkId))
    .orderBy(asc(municipality.name));
}

type TeamMember = { function: string; name: string | null; phone: string | null; email: string | null };

/** Replaces the office team shown on the public page (order as given). */
export async function replaceTeam(
  deps: Deps,
  actor: NetworkActor,
  team: TeamMember[],
): Promise<NetworkStructure> {
  authorize(actor.role, 'public.manage');
  await deps.db.transaction(async (tx) => {
    const before = await tx
      .select()
      .from(teamContact)
      .where(eq(teamContact.networkId, actor.networkId))
      .orderBy(asc(teamContact.position));
    await tx.delete(teamContact).where(eq(teamContact.networkId, actor.networkId));
    if (team.length > 0) {
      await tx
        .insert(teamContact)
        .values(team.map((m, i) => ({ ...m, networkId: actor.networkId, position: i + 1 })));
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'team',
      entityId: actor.networkId,
      summary: 'Team des Bildungsbüros geändert',
      before: before.map((m) => ({ function: m.function, name: m.name, phone: m.phone, email: m.email })),
      after: team,
    });
  });
  return getStructure(deps, actor);
}

export async function updateBody(
  deps: Deps,
  actor: NetworkActor,
  kind: 'office' | 'steering_committee' | 'conference',
  input: { name: string; description: string },
): Promise<NetworkStructure> {
  authorize(actor.role, 'public.manage');
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(networkBody)
      .where(and(eq(networkBody.networkId, actor.networkId), eq(networkBody.kind, kind)));
    if (before) {
      await tx.update(networkBody).set(input).where(eq(networkBody.id, before.id));
    } else {
      await tx.insert(networkBody).values({ ...input, kind, networkId: actor.networkId });
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: before ? 'update' : 'create',
      entityType: 'network_body',
      entityId: kind,
      summary: `Beschreibung „${input.name}“ geändert`,
      before: before ? { name: before.name, description: before.description } : undefined,
      after: input,
    });
  });
  return getStructure(deps, actor);
}

/** The three bodies with their standard descriptions, for a new network. */
export async function seedBodies(tx: Db, networkId: string): Promise<void> {
  await tx
    .insert(networkBody)
    .values(BODIES.map((b) => ({ ...b, networkId })))
    .onConflictDoNothing();
}
