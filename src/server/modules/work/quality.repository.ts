import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { goal, goalVersion, project, workOrder, workPlan, workPlanVersion } from './work.tables.js';

/* Data access of the quality cycle: a field's goals, measures and changes of course, by network. */

export async function goalsOfField(db: Db, networkId: string, fieldId: string) {
  return db
    .select()
    .from(goal)
    .where(and(eq(goal.networkId, networkId), eq(goal.fieldId, fieldId)))
    .orderBy(asc(goal.createdAt));
}

export async function goalsOfNetwork(db: Db, networkId: string) {
  return db.select().from(goal).where(eq(goal.networkId, networkId));
}

/** Every goal version after the first: a review that changed the goal, with its reason. */
export async function laterGoalVersions(db: Db, networkId: string, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return db
    .select()
    .from(goalVersion)
    .where(
      and(
        eq(goalVersion.networkId, networkId),
        inArray(goalVersion.goalId, goalIds),
        gt(goalVersion.version, 1),
      ),
    )
    .orderBy(asc(goalVersion.createdAt));
}

export async function supersededPlanVersions(db: Db, networkId: string, fieldId: string) {
  return db
    .select({ v: workPlanVersion, year: workPlan.year, planId: workPlan.id })
    .from(workPlanVersion)
    .innerJoin(workPlan, eq(workPlan.id, workPlanVersion.planId))
    .where(
      and(
        eq(workPlanVersion.networkId, networkId),
        eq(workPlan.fieldId, fieldId),
        eq(workPlanVersion.status, 'superseded'),
        isNotNull(workPlanVersion.decisionId),
      ),
    )
    .orderBy(asc(workPlanVersion.createdAt));
}

export async function ordersOf(db: Db, networkId: string, fieldId?: string) {
  return db
    .select()
    .from(workOrder)
    .where(and(eq(workOrder.networkId, networkId), fieldId ? eq(workOrder.fieldId, fieldId) : undefined))
    .orderBy(asc(workOrder.dueOn));
}

export async function projectsOf(db: Db, networkId: string, fieldId?: string) {
  return db
    .select()
    .from(project)
    .where(and(eq(project.networkId, networkId), fieldId ? eq(project.fieldId, fieldId) : undefined))
    .orderBy(asc(project.createdAt));
}
