import { and, asc, desc, eq, inArray, lt, max, sql } from 'drizzle-orm';
import type { WorkOrderStatus } from '../../../contracts/work.js';
import type { Db } from '../../db/client.js';
import { user } from '../auth/auth.tables.js';
import { membership } from '../networks/networks.tables.js';
import { workOrder, workOrderEvent } from './work.tables.js';

/* Data access of work orders and their history: Drizzle only, the database or transaction first. */

export type OrderRow = typeof workOrder.$inferSelect;
export type OrderEventRow = typeof workOrderEvent.$inferSelect;

const open: WorkOrderStatus[] = ['new', 'accepted', 'in_progress'];

export type OrderFilter = {
  status?: WorkOrderStatus;
  fieldId?: string;
  assigneeId?: string;
  decisionId?: string;
  overdueBefore?: string;
  openOnly?: boolean;
  fieldIds?: string[];
};

export async function ordersOf(db: Db, networkId: string, q: OrderFilter) {
  return db
    .select({ o: workOrder, assigneeName: user.name })
    .from(workOrder)
    .innerJoin(user, eq(user.id, workOrder.assigneeId))
    .where(
      and(
        eq(workOrder.networkId, networkId),
        q.status ? eq(workOrder.status, q.status) : undefined,
        q.fieldId ? eq(workOrder.fieldId, q.fieldId) : undefined,
        q.fieldIds ? inArray(workOrder.fieldId, q.fieldIds) : undefined,
        q.assigneeId ? eq(workOrder.assigneeId, q.assigneeId) : undefined,
        q.decisionId ? eq(workOrder.decisionId, q.decisionId) : undefined,
        q.openOnly || q.overdueBefore ? inArray(workOrder.status, open) : undefined,
        q.overdueBefore ? lt(workOrder.dueOn, q.overdueBefore) : undefined,
      ),
    )
    .orderBy(desc(workOrder.year), desc(workOrder.seq));
}

export async function orderById(db: Db, networkId: string, orderId: string, lock = false) {
  const query = db
    .select({ o: workOrder, assigneeName: user.name })
    .from(workOrder)
    .innerJoin(user, eq(user.id, workOrder.assigneeId))
    .where(and(eq(workOrder.id, orderId), eq(workOrder.networkId, networkId)));
  const [row] = lock ? await query.for('update', { of: workOrder }) : await query;
  return row;
}

export async function eventsOf(db: Db, orderId: string): Promise<OrderEventRow[]> {
  return db
    .select()
    .from(workOrderEvent)
    .where(eq(workOrderEvent.orderId, orderId))
    .orderBy(asc(workOrderEvent.createdAt), asc(workOrderEvent.id));
}

/** The states of all orders of a decision (the register status follows them). */
export async function statusesOfDecision(tx: Db, decisionId: string): Promise<WorkOrderStatus[]> {
  const rows = await tx
    .select({ s: workOrder.status })
    .from(workOrder)
    .where(eq(workOrder.decisionId, decisionId));
  return rows.map((r) => r.s);
}

/**
 * Serialises order numbering per network until the transaction ends; returns the highest sequence
 * number of the year so far (0 before the first order).
 */
export async function lockNumbering(tx: Db, networkId: string, year: number): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`work_order:${networkId}`}))`);
  const [row] = await tx
    .select({ n: max(workOrder.seq) })
    .from(workOrder)
    .where(and(eq(workOrder.networkId, networkId), eq(workOrder.year, year)));
  return row?.n ?? 0;
}

export async function insertOrder(tx: Db, values: typeof workOrder.$inferInsert): Promise<OrderRow> {
  const [row] = await tx.insert(workOrder).values(values).returning();
  return row!;
}

/** Saves only when the order still has `version`; answers the new row, or undefined when stale. */
export async function updateOrder(
  tx: Db,
  orderId: string,
  version: number,
  set: Partial<typeof workOrder.$inferInsert>,
): Promise<OrderRow | undefined> {
  const [row] = await tx
    .update(workOrder)
    .set({ ...set, version: sql`${workOrder.version} + 1`, updatedAt: new Date() })
    .where(and(eq(workOrder.id, orderId), eq(workOrder.version, version)))
    .returning();
  return row;
}

export async function insertEvent(tx: Db, values: typeof workOrderEvent.$inferInsert): Promise<void> {
  await tx.insert(workOrderEvent).values(values);
}

/** The office staff a work order can be assigned to: members with the office or admin role. */
export async function officeStaff(db: Db, networkId: string, userId?: string) {
  return db
    .select({ userId: user.id, name: user.name, email: user.email })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(
      and(
        eq(membership.networkId, networkId),
        inArray(membership.role, ['office', 'admin']),
        userId ? eq(membership.userId, userId) : undefined,
      ),
    )
    .orderBy(asc(user.name));
}
