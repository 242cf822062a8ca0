import { and, eq } from 'drizzle-orm';
import type { TraceKind, TraceRelation } from '../../../contracts/trace.js';
import type { Db } from '../../db/client.js';
import type { NetworkActor } from '../../lib/context.js';
import { traceLink } from './trace.tables.js';

export type TraceNodeRef = { kind: TraceKind; id: string };

/**
 * Records one step of the trace, inside the caller's transaction: `from` led to `to`. Idempotent (the
 * same step twice is one link). Every module that creates something from something else calls this.
 */
export async function addTraceLink(
  tx: Db,
  actor:
    | Pick<NetworkActor, 'networkId' | 'userId' | 'name'>
    | { networkId: string; userId: null; name: string },
  from: TraceNodeRef,
  to: TraceNodeRef,
  relation: TraceRelation,
  on?: Date,
): Promise<void> {
  await tx
    .insert(traceLink)
    .values({
      networkId: actor.networkId,
      fromKind: from.kind,
      fromId: from.id,
      toKind: to.kind,
      toId: to.id,
      relation,
      on: on ?? new Date(),
      actorId: actor.userId,
      actorName: actor.name,
    })
    .onConflictDoNothing();
}

/**
 * Takes one step of the trace back, inside the caller's transaction, when what it recorded is undone
 * (an order taken out of a project is no longer `part_of` it). Removing a missing link is a no-op.
 */
export async function removeTraceLink(
  tx: Db,
  networkId: string,
  from: TraceNodeRef,
  to: TraceNodeRef,
  relation: TraceRelation,
): Promise<void> {
  await tx
    .delete(traceLink)
    .where(
      and(...stepsFrom(networkId, from, relation), eq(traceLink.toKind, to.kind), eq(traceLink.toId, to.id)),
    );
}

/** Whether `from` has any step of this relation (e.g. a decision that ordered work). */
export async function hasTraceLinkFrom(
  db: Db,
  networkId: string,
  from: TraceNodeRef,
  relation: TraceRelation,
): Promise<boolean> {
  const [row] = await db
    .select({ id: traceLink.id })
    .from(traceLink)
    .where(and(...stepsFrom(networkId, from, relation)))
    .limit(1);
  return !!row;
}

/** The network's steps of one relation leaving `from`. */
const stepsFrom = (networkId: string, from: TraceNodeRef, relation: TraceRelation) => [
  eq(traceLink.networkId, networkId),
  eq(traceLink.fromKind, from.kind),
  eq(traceLink.fromId, from.id),
  eq(traceLink.relation, relation),
];
