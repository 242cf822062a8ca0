import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { user } from '../auth/auth.tables.js';
import { membership } from '../networks/networks.tables.js';
import {
  project,
  projectDocument,
  projectMilestone,
  projectPartner,
  projectTask,
  workOrder,
} from './work.tables.js';

/* Queries of projects and their parts; every one filtered by the network. */

export type ProjectRow = typeof project.$inferSelect;
export type TaskRow = typeof projectTask.$inferSelect;

export async function projectsOf(db: Db, networkId: string) {
  return db
    .select({ p: project, leadName: user.name })
    .from(project)
    .leftJoin(user, eq(user.id, project.leadId))
    .where(eq(project.networkId, networkId))
    .orderBy(asc(project.status), asc(project.title));
}

export async function projectById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select({ p: project, leadName: user.name })
    .from(project)
    .leftJoin(user, eq(user.id, project.leadId))
    .where(and(eq(project.networkId, networkId), eq(project.id, id)));
  const [row] = await (lock ? q.for('update', { of: project }) : q);
  return row;
}

export async function insertProject(db: Db, values: typeof project.$inferInsert) {
  const [row] = await db.insert(project).values(values).returning();
  return row!;
}

export async function updateProject(db: Db, id: string, set: Partial<typeof project.$inferInsert>) {
  const [row] = await db
    .update(project)
    .set({ ...set, version: sql`${project.version} + 1`, updatedAt: new Date() })
    .where(eq(project.id, id))
    .returning();
  return row!;
}

/** Tasks of the given projects, in their order, with assignee names and order numbers. */
export async function tasksOf(db: Db, networkId: string, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select({ t: projectTask, assigneeName: user.name, orderNumber: workOrder.number })
    .from(projectTask)
    .leftJoin(user, eq(user.id, projectTask.assigneeId))
    .leftJoin(workOrder, eq(workOrder.id, projectTask.orderId))
    .where(and(eq(projectTask.networkId, networkId), inArray(projectTask.projectId, projectIds)))
    .orderBy(asc(projectTask.position), asc(projectTask.createdAt));
}

export async function taskById(db: Db, networkId: string, projectId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(projectTask)
    .where(
      and(eq(projectTask.networkId, networkId), eq(projectTask.projectId, projectId), eq(projectTask.id, id)),
    );
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function insertTask(db: Db, values: typeof projectTask.$inferInsert) {
  const [pos] = await db
    .select({ n: sql<number>`coalesce(max(${projectTask.position}), 0) + 1` })
    .from(projectTask)
    .where(eq(projectTask.projectId, values.projectId));
  const [row] = await db
    .insert(projectTask)
    .values({ ...values, position: Number(pos?.n ?? 1) })
    .returning();
  return row!;
}

export async function updateTask(db: Db, id: string, set: Partial<typeof projectTask.$inferInsert>) {
  const [row] = await db
    .update(projectTask)
    .set({ ...set, version: sql`${projectTask.version} + 1`, updatedAt: new Date() })
    .where(eq(projectTask.id, id))
    .returning();
  return row!;
}

/** Work orders in the given projects. */
export async function ordersOf(db: Db, networkId: string, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select({
      id: workOrder.id,
      projectId: workOrder.projectId,
      number: workOrder.number,
      title: workOrder.title,
      status: workOrder.status,
      progress: workOrder.progress,
      weight: workOrder.weight,
      dueOn: workOrder.dueOn,
    })
    .from(workOrder)
    .where(and(eq(workOrder.networkId, networkId), inArray(workOrder.projectId, projectIds)))
    .orderBy(asc(workOrder.year), asc(workOrder.seq));
}

export async function orderById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(workOrder)
    .where(and(eq(workOrder.networkId, networkId), eq(workOrder.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function setOrderProject(db: Db, orderId: string, projectId: string | null, weight?: number) {
  await db
    .update(workOrder)
    .set({
      projectId,
      ...(weight === undefined ? {} : { weight }),
      version: sql`${workOrder.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(workOrder.id, orderId));
}

/** Orders that may join a project: in none yet, and not finished with (reported) or returned. */
export async function assignableOrders(db: Db, networkId: string) {
  return db
    .select({ id: workOrder.id, number: workOrder.number, title: workOrder.title })
    .from(workOrder)
    .where(
      and(
        eq(workOrder.networkId, networkId),
        isNull(workOrder.projectId),
        notInArray(workOrder.status, ['reported', 'returned']),
      ),
    )
    .orderBy(desc(workOrder.year), desc(workOrder.seq));
}

export async function milestonesOf(db: Db, networkId: string, projectId: string) {
  return db
    .select()
    .from(projectMilestone)
    .where(and(eq(projectMilestone.networkId, networkId), eq(projectMilestone.projectId, projectId)))
    .orderBy(asc(projectMilestone.dueOn), asc(projectMilestone.createdAt));
}

export async function partnersOf(db: Db, networkId: string, projectId: string) {
  return db
    .select()
    .from(projectPartner)
    .where(and(eq(projectPartner.networkId, networkId), eq(projectPartner.projectId, projectId)))
    .orderBy(asc(projectPartner.name));
}

export async function documentsOf(db: Db, networkId: string, projectId: string) {
  return db
    .select()
    .from(projectDocument)
    .where(and(eq(projectDocument.networkId, networkId), eq(projectDocument.projectId, projectId)))
    .orderBy(asc(projectDocument.createdAt));
}

export const partTables = {
  milestone: projectMilestone,
  partner: projectPartner,
  document: projectDocument,
} as const;
export type PartKind = keyof typeof partTables;

export async function insertMilestone(db: Db, values: typeof projectMilestone.$inferInsert) {
  const [row] = await db.insert(projectMilestone).values(values).returning();
  return row!;
}
export async function insertPartner(db: Db, values: typeof projectPartner.$inferInsert) {
  const [row] = await db.insert(projectPartner).values(values).returning();
  return row!;
}
export async function insertDocument(db: Db, values: typeof projectDocument.$inferInsert) {
  const [row] = await db.insert(projectDocument).values(values).returning();
  return row!;
}

export async function milestoneById(db: Db, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(projectMilestone)
    .where(and(eq(projectMilestone.projectId, projectId), eq(projectMilestone.id, id)));
  return row;
}

export async function setMilestoneReached(db: Db, id: string, reachedOn: string | null) {
  await db.update(projectMilestone).set({ reachedOn }).where(eq(projectMilestone.id, id));
}

/** Deletes one milestone, partner or document of the project; answers what it removed. */
export async function deletePart(db: Db, kind: PartKind, projectId: string, id: string) {
  const t = partTables[kind];
  const [row] = await db
    .delete(t)
    .where(and(eq(t.projectId, projectId), eq(t.id, id)))
    .returning();
  return row as { id: string; title?: string; name?: string } | undefined;
}

/** The person's role in the network, to check that a lead or assignee is office staff. */
export async function roleOf(db: Db, networkId: string, userId: string) {
  const [row] = await db
    .select({ role: membership.role, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.networkId, networkId), eq(membership.userId, userId)));
  return row;
}
