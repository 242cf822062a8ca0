import { and, asc, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { user } from '../auth/auth.tables.js';
import { goal, goalVersion, workPlan, workPlanVersion } from './work.tables.js';

/* Data access of goals and work plans: Drizzle only, the database or transaction first. */

export type GoalRow = typeof goal.$inferSelect;
export type GoalVersionRow = typeof goalVersion.$inferSelect;
export type PlanRow = typeof workPlan.$inferSelect;
export type PlanVersionRow = typeof workPlanVersion.$inferSelect;

// ---- goals ---------------------------------------------------------------------------------------

export async function goalsOf(
  db: Db,
  networkId: string,
  q: { fieldId?: string; status?: GoalRow['status']; reviewBefore?: string },
): Promise<GoalRow[]> {
  return db
    .select()
    .from(goal)
    .where(
      and(
        eq(goal.networkId, networkId),
        q.fieldId ? eq(goal.fieldId, q.fieldId) : undefined,
        q.status ? eq(goal.status, q.status) : undefined,
        q.reviewBefore
          ? and(eq(goal.status, 'active'), isNotNull(goal.reviewOn), lt(goal.reviewOn, q.reviewBefore))
          : undefined,
      ),
    )
    .orderBy(asc(goal.horizonYear), asc(goal.createdAt));
}

export async function goalById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(goal)
    .where(and(eq(goal.id, id), eq(goal.networkId, networkId)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function insertGoal(tx: Db, values: typeof goal.$inferInsert): Promise<GoalRow> {
  const [row] = await tx.insert(goal).values(values).returning();
  return row!;
}

export async function updateGoal(tx: Db, id: string, values: Partial<typeof goal.$inferInsert>) {
  await tx.update(goal).set(values).where(eq(goal.id, id));
}

export async function insertGoalVersion(tx: Db, values: typeof goalVersion.$inferInsert) {
  await tx.insert(goalVersion).values(values);
}

export async function versionsOfGoal(db: Db, goalId: string) {
  return db
    .select({ v: goalVersion, changedByName: user.name })
    .from(goalVersion)
    .leftJoin(user, eq(user.id, goalVersion.changedBy))
    .where(eq(goalVersion.goalId, goalId))
    .orderBy(desc(goalVersion.version));
}

/** Decisions that set or changed a goal of the network (for the pickers' "used" flag). */
export async function decisionsUsedByGoals(db: Db, networkId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: goalVersion.decisionId })
    .from(goalVersion)
    .where(eq(goalVersion.networkId, networkId));
  return rows.map((r) => r.id);
}

// ---- work plans ----------------------------------------------------------------------------------

export async function plansOf(db: Db, networkId: string, q: { year?: number; fieldId?: string }) {
  return db
    .select()
    .from(workPlan)
    .where(
      and(
        eq(workPlan.networkId, networkId),
        q.year ? eq(workPlan.year, q.year) : undefined,
        q.fieldId ? eq(workPlan.fieldId, q.fieldId) : undefined,
      ),
    )
    .orderBy(desc(workPlan.year));
}

export async function planById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(workPlan)
    .where(and(eq(workPlan.id, id), eq(workPlan.networkId, networkId)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function planOfFieldYear(db: Db, networkId: string, fieldId: string, year: number) {
  const [row] = await db
    .select()
    .from(workPlan)
    .where(and(eq(workPlan.networkId, networkId), eq(workPlan.fieldId, fieldId), eq(workPlan.year, year)));
  return row;
}

/** Inserts the plan unless the field already has one for the year (then undefined). */
export async function insertPlan(tx: Db, values: typeof workPlan.$inferInsert): Promise<PlanRow | undefined> {
  const [row] = await tx.insert(workPlan).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updatePlan(tx: Db, id: string, values: Partial<typeof workPlan.$inferInsert>) {
  await tx.update(workPlan).set(values).where(eq(workPlan.id, id));
}

export async function insertPlanVersion(tx: Db, values: typeof workPlanVersion.$inferInsert) {
  const [row] = await tx.insert(workPlanVersion).values(values).returning();
  return row!;
}

export async function setPlanVersionStatus(
  tx: Db,
  id: string,
  status: PlanVersionRow['status'],
  decisionId?: string,
) {
  await tx
    .update(workPlanVersion)
    .set(decisionId ? { status, decisionId } : { status })
    .where(eq(workPlanVersion.id, id));
}

export async function versionsOfPlans(db: Db, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({ v: workPlanVersion, createdByName: user.name })
    .from(workPlanVersion)
    .leftJoin(user, eq(user.id, workPlanVersion.createdBy))
    .where(inArray(workPlanVersion.planId, planIds))
    .orderBy(desc(workPlanVersion.version));
}

/** The agreed versions of a network's published plans (the public page). */
export async function publishedPlans(db: Db, networkId: string) {
  return db
    .select({ p: workPlan, v: workPlanVersion })
    .from(workPlan)
    .innerJoin(workPlanVersion, eq(workPlanVersion.id, workPlan.agreedVersionId))
    .where(and(eq(workPlan.networkId, networkId), eq(workPlan.published, true)))
    .orderBy(desc(workPlan.year));
}

/** Decisions that agreed a plan version of the network. */
export async function decisionsUsedByPlans(db: Db, networkId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: workPlanVersion.decisionId })
    .from(workPlanVersion)
    .where(and(eq(workPlanVersion.networkId, networkId), isNotNull(workPlanVersion.decisionId)));
  return rows.map((r) => r.id!);
}
