import { asc, eq } from 'drizzle-orm';
import type { NetworkStructure } from '../../../contracts/structure.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { municipality, networkBody, teamContact } from './structure.tables.js';

const bodyOrder = { office: 0, steering_committee: 1, conference: 2 } as const;

/** The network's bodies, municipalities and office team: readable by every member. */
export async function getStructure(deps: Deps, actor: NetworkActor): Promise<NetworkStructure> {
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
