import { and, desc, eq, inArray, isNull, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { progressReport, project, workOrder, workOrderEvent } from './work.tables.js';

/* Data access of progress reports and the orders and projects they report on; always by network. */

export type ReportRow = typeof progressReport.$inferSelect;
export type OrderRow = typeof workOrder.$inferSelect;
export type ProjectRow = typeof project.$inferSelect;

export async function orderById(db: Db, networkId: string, id: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(workOrder)
    .where(and(eq(workOrder.networkId, networkId), eq(workOrder.id, id)));
  return row;
}

export async function projectById(db: Db, networkId: string, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db
    .select()
    .from(project)
    .where(and(eq(project.networkId, networkId), eq(project.id, id)));
  return row;
}

/** The reports on one order or project, newest first. */
export async function reportsOf(
  db: Db,
  networkId: string,
  subject: { orderId?: string; projectId?: string },
) {
  return db
    .select()
    .from(progressReport)
    .where(
      and(
        eq(progressReport.networkId, networkId),
        subject.orderId
          ? eq(progressReport.orderId, subject.orderId)
          : eq(progressReport.projectId, subject.projectId!),
      ),
    )
    .orderBy(desc(progressReport.createdAt));
}

export async function reportById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(progressReport)
    .where(and(eq(progressReport.networkId, networkId), eq(progressReport.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertReport(tx: Db, values: typeof progressReport.$inferInsert): Promise<ReportRow> {
  const [row] = await tx.insert(progressReport).values(values).returning();
  return row!;
}

export async function updateReport(
  tx: Db,
  id: string,
  values: Partial<typeof progressReport.$inferInsert>,
): Promise<ReportRow> {
  const [row] = await tx.update(progressReport).set(values).where(eq(progressReport.id, id)).returning();
  return row!;
}

/**
 * Orders that may be due for a report: reportable, returned, or new in an ended field (`endedFieldIds`,
 * from the orders part's `endedFieldsOf`).
 */
export async function candidateOrders(db: Db, networkId: string, endedFieldIds: string[]) {
  return db
    .select()
    .from(workOrder)
    .where(
      and(
        eq(workOrder.networkId, networkId),
        or(
          inArray(workOrder.status, ['accepted', 'in_progress', 'done', 'returned']),
          ...(endedFieldIds.length
            ? [and(eq(workOrder.status, 'new'), inArray(workOrder.fieldId, endedFieldIds))]
            : []),
        ),
      ),
    )
    .orderBy(workOrder.number);
}

export async function activeProjects(db: Db, networkId: string) {
  return db
    .select()
    .from(project)
    .where(and(eq(project.networkId, networkId), eq(project.status, 'active')))
    .orderBy(project.title);
}

/** When each order last changed state: its newest history entry. */
export async function lastOrderEvents(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return new Map<string, Date>();
  const rows = await db
    .select({ orderId: workOrderEvent.orderId, at: max(workOrderEvent.createdAt) })
    .from(workOrderEvent)
    .where(inArray(workOrderEvent.orderId, orderIds))
    .groupBy(workOrderEvent.orderId);
  return new Map(rows.filter((r) => r.at).map((r) => [r.orderId, new Date(r.at!)]));
}

/** Every report of the network's orders and projects named (for the latest taken and latest draft). */
export async function reportsOfSubjects(db: Db, networkId: string, orderIds: string[], projectIds: string[]) {
  const by = [
    ...(orderIds.length ? [inArray(progressReport.orderId, orderIds)] : []),
    ...(projectIds.length ? [inArray(progressReport.projectId, projectIds)] : []),
  ];
  if (by.length === 0) return [];
  return db
    .select()
    .from(progressReport)
    .where(and(eq(progressReport.networkId, networkId), or(...by)))
    .orderBy(desc(progressReport.createdAt));
}

/** The reports linked to these agenda items (a meeting's) and not frozen yet, locked. */
export async function unfrozenReportsOfItems(tx: Db, networkId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return tx
    .select()
    .from(progressReport)
    .where(
      and(
        eq(progressReport.networkId, networkId),
        inArray(progressReport.agendaItemId, itemIds),
        isNull(progressReport.frozenAt),
      ),
    )
    .orderBy(progressReport.createdAt)
    .for('update');
}

/** The reports taken in these agenda items, with what they are about, for the minutes. */
export async function reportsOfItems(db: Db, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return (
    db
      .select({
        report: progressReport,
        orderNumber: workOrder.number,
        orderTitle: workOrder.title,
        orderStatus: workOrder.status,
        projectTitle: project.title,
        projectStatus: project.status,
      })
      .from(progressReport)
      .leftJoin(workOrder, eq(workOrder.id, progressReport.orderId))
      .leftJoin(project, eq(project.id, progressReport.projectId))
      .where(inArray(progressReport.agendaItemId, itemIds))
      // Orders by number first, then projects by title: the order the agenda text and minutes list them.
      .orderBy(sql`${workOrder.number} asc nulls last`, project.title)
  );
}
