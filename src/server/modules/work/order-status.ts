import type { WorkOrderStatus } from '../../../contracts/work.js';
import type { Db } from '../../db/client.js';
import type { NetworkActor } from '../../lib/context.js';

/**
 * The one way a work order changes state, for every caller (the order's own page, the report taken
 * into a meeting): checks the transition, writes the order's history (work_order_event) and the audit
 * entry, and lets the decision's register status follow. Runs inside the caller's transaction.
 * (Filled in by the work orders part; the signature is what other parts call.)
 */
export async function changeOrderStatus(
  _tx: Db,
  _actor: NetworkActor,
  _orderId: string,
  _to: WorkOrderStatus,
  _note: string,
): Promise<void> {
  throw new Error('changeOrderStatus: not built yet');
}
