import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { user } from '../auth/auth.tables.js';
import { membership } from '../networks/networks.tables.js';
import { openStatuses } from './orders.rules.js';
import {
  goal,
  project,
  projectTask,
  workOrder,
  workPlan,
  workPlanVersion,
  workReminder,
} from './work.tables.js';

/** A person's open work orders in a network (the assignee's). */
export function openOrdersOf(db: Db, networkId: string, userId: string) {
  return db
    .select({
      id: workOrder.id,
      number: workOrder.number,
      title: workOrder.title,
      dueOn: workOrder.dueOn,
      reportDueOn: workOrder.reportDueOn,
      status: workOrder.status,
      progress: workOrder.progress,
      fieldId: workOrder.fieldId,
      projectId: workOrder.projectId,
      projectTitle: project.title,
    })
    .from(workOrder)
    .leftJoin(project, eq(project.id, workOrder.projectId))
    .where(
      and(
        eq(workOrder.networkId, networkId),
        eq(workOrder.assigneeId, userId),
        inArray(workOrder.status, [...openStatuses]),
      ),
    )
    .orderBy(asc(workOrder.dueOn));
}

/** A person's open tasks in a network, with their project (whose field of action they share). */
export function openTasksOf(db: Db, networkId: string, userId: string) {
  return db
    .select({
      id: projectTask.id,
      title: projectTask.title,
      dueOn: projectTask.dueOn,
      progress: projectTask.progress,
      projectId: projectTask.projectId,
      projectTitle: project.title,
      fieldId: project.fieldId,
    })
    .from(projectTask)
    .innerJoin(project, eq(project.id, projectTask.projectId))
    .where(
      and(
        eq(projectTask.networkId, networkId),
        eq(projectTask.assigneeId, userId),
        eq(projectTask.status, 'open'),
        eq(project.status, 'active'),
      ),
    )
    .orderBy(asc(projectTask.dueOn));
}

/** Active projects a person leads that have a report due day (for the calendar feed). */
export function projectReportsOf(db: Db, networkId: string, userId: string) {
  return db
    .select({ id: project.id, title: project.title, reportDueOn: project.reportDueOn })
    .from(project)
    .where(
      and(
        eq(project.networkId, networkId),
        eq(project.leadId, userId),
        eq(project.status, 'active'),
        isNotNull(project.reportDueOn),
      ),
    );
}

/** Whether the person still works in the office of the network (role office or admin). */
export async function officeRoleOf(db: Db, networkId: string, userId: string) {
  const [row] = await db
    .select({ role: membership.role, name: user.name, email: user.email })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(
      and(
        eq(membership.networkId, networkId),
        eq(membership.userId, userId),
        inArray(membership.role, ['admin', 'office']),
      ),
    );
  return row;
}

/**
 * Everything a reminder may list, across all networks: open orders and open tasks due on or before
 * `until`, of people who still work in the office of that network.
 */
export async function reminderCandidates(db: Db, until: string) {
  const office = (networkId: AnyPgColumn, userId: AnyPgColumn) =>
    and(
      eq(membership.networkId, networkId),
      eq(membership.userId, userId),
      inArray(membership.role, ['admin', 'office']),
    );
  const [orders, tasks] = await Promise.all([
    db
      .select({
        networkId: workOrder.networkId,
        userId: user.id,
        name: user.name,
        email: user.email,
        label: sql<string>`${workOrder.number} || ' ' || ${workOrder.title}`,
        dueOn: workOrder.dueOn,
      })
      .from(workOrder)
      .innerJoin(user, eq(user.id, workOrder.assigneeId))
      .innerJoin(membership, office(workOrder.networkId, workOrder.assigneeId))
      .where(and(inArray(workOrder.status, [...openStatuses]), lte(workOrder.dueOn, until))),
    db
      .select({
        networkId: projectTask.networkId,
        userId: user.id,
        name: user.name,
        email: user.email,
        label: sql<string>`'Aufgabe ' || ${projectTask.title} || ' (' || ${project.title} || ')'`,
        dueOn: sql<string>`${projectTask.dueOn}`,
      })
      .from(projectTask)
      .innerJoin(project, eq(project.id, projectTask.projectId))
      .innerJoin(user, eq(user.id, projectTask.assigneeId))
      .innerJoin(membership, office(projectTask.networkId, user.id))
      .where(
        and(eq(projectTask.status, 'open'), eq(project.status, 'active'), lte(projectTask.dueOn, until)),
      ),
  ]);
  return [...orders, ...tasks];
}

/**
 * Claims the day's reminder for one person: the unique row (network, person, day) is inserted first,
 * so a second run (or a second app instance) finds it taken and sends nothing. True when claimed here.
 */
export async function claimReminder(
  tx: Db,
  row: { networkId: string; userId: string; day: string; items: number },
): Promise<boolean> {
  const claimed = await tx
    .insert(workReminder)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: workReminder.id });
  return claimed.length > 0;
}

/** The goals a year's programme lists: those whose horizon reaches the year, by field. */
export function goalsForYear(db: Db, networkId: string, year: number) {
  return db
    .select()
    .from(goal)
    .where(and(eq(goal.networkId, networkId), sql`${goal.horizonYear} >= ${year}`))
    .orderBy(asc(goal.fieldId), asc(goal.createdAt));
}

/** The year's work plans with their agreed version (null while only drafts exist). */
export function plansForYear(db: Db, networkId: string, year: number) {
  return db
    .select({ plan: workPlan, agreed: workPlanVersion })
    .from(workPlan)
    .leftJoin(workPlanVersion, eq(workPlanVersion.id, workPlan.agreedVersionId))
    .where(and(eq(workPlan.networkId, networkId), eq(workPlan.year, year)))
    .orderBy(asc(workPlan.fieldId));
}

/** The orders of a year, and older ones still open, with the assignee's name. */
export function ordersForYear(db: Db, networkId: string, year: number) {
  return db
    .select({
      number: workOrder.number,
      title: workOrder.title,
      fieldId: workOrder.fieldId,
      status: workOrder.status,
      progress: workOrder.progress,
      dueOn: workOrder.dueOn,
      assignee: user.name,
      returnReason: workOrder.returnReason,
    })
    .from(workOrder)
    .leftJoin(user, eq(user.id, workOrder.assigneeId))
    .where(
      and(
        eq(workOrder.networkId, networkId),
        or(
          eq(workOrder.year, year),
          and(sql`${workOrder.year} < ${year}`, inArray(workOrder.status, [...openStatuses])),
        ),
      ),
    )
    .orderBy(asc(workOrder.year), asc(workOrder.seq));
}
