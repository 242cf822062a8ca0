import type { WorkOrderStatus } from '../../../contracts/work.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { followDecisionStatus } from '../steering/steering.service.js';
import * as repo from './orders.repository.js';
import { checkTransition, decisionStatusOf, orderStatusLabel } from './orders.rules.js';

/**
 * The one way a work order changes state, for every caller (the order's own page, the report taken
 * into a meeting): checks the transition, writes the order's history (work_order_event) and the audit
 * entry, and lets the decision's register status follow. Runs inside the caller's transaction.
 * Who may move it is the caller's check (orders.service: the assignee or the office).
 */
export async function changeOrderStatus(
  tx: Db,
  actor: NetworkActor,
  orderId: string,
  to: WorkOrderStatus,
  note: string,
): Promise<void> {
  const row = await repo.orderById(tx, actor.networkId, orderId, true);
  if (!row) throw notFound('Der Arbeitsauftrag');
  const o = row.o;
  checkTransition(o.status, to, note);
  const saved = await repo.updateOrder(tx, o.id, o.version, {
    status: to,
    ...(to === 'returned' ? { returnReason: note.trim() } : {}),
    ...(to === 'done' ? { progress: 100 } : {}),
  });
  if (!saved) {
    throw new DomainError('work.order_stale', 'Der Arbeitsauftrag wurde inzwischen geändert.', 'conflict');
  }
  await repo.insertEvent(tx, {
    networkId: actor.networkId,
    orderId: o.id,
    fromStatus: o.status,
    toStatus: to,
    progress: saved.progress,
    note: note.trim(),
    actorId: actor.userId,
    actorName: actor.name,
  });
  await recordAudit(tx, auditActorOf(actor), {
    action: 'update',
    entityType: 'work_order',
    entityId: o.id,
    summary: `Arbeitsauftrag ${o.number}: ${orderStatusLabel(o.status)} → ${orderStatusLabel(to)}${note.trim() ? ` (${note.trim()})` : ''}`,
    before: { status: o.status },
    after: { status: to, note: note.trim() },
  });
  await followDecisionStatus(
    tx,
    actor,
    o.decisionId,
    decisionStatusOf(await repo.statusesOfDecision(tx, o.decisionId)),
  );
}
