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
