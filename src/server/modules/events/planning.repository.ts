import { and, asc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { EventStatus, EventType } from '../../../contracts/events.js';
import type { Db } from '../../db/client.js';
import { user } from '../auth/auth.tables.js';
import { membership } from '../networks/networks.tables.js';
import { checklistTemplateStep, event, eventField, eventTask, registration } from './events.tables.js';

/* Queries of the planning part: events, their fields, checklist steps and templates. */

export type EventInsert = typeof event.$inferInsert;
export type TaskRow = typeof eventTask.$inferSelect;

export async function eventsOf(
  db: Db,
  networkId: string,
  f: { year?: number; type?: EventType; status?: EventStatus; publicOnly?: boolean },
) {
  return db
    .select()
    .from(event)
    .where(
      and(
        eq(event.networkId, networkId),
        f.year
          ? sql`extract(year from ${event.startsAt} at time zone 'Europe/Berlin') = ${f.year}`
          : undefined,
        f.type ? eq(event.type, f.type) : undefined,
        f.status ? eq(event.status, f.status) : undefined,
        f.publicOnly ? eq(event.public, true) : undefined,
      ),
    )
    .orderBy(asc(event.startsAt));
}

/** Per event: registrations taking a place (confirmed, offered) and those waiting. */
export async function placeCounts(db: Db, networkId: string, eventIds: string[]) {
  if (eventIds.length === 0) return new Map<string, { registered: number; waiting: number }>();
  const rows = await db
    .select({
      eventId: registration.eventId,
      registered:
        sql<number>`count(*) filter (where ${registration.status} in ('confirmed','offered'))`.mapWith(
          Number,
        ),
      waiting: sql<number>`count(*) filter (where ${registration.status} = 'waiting')`.mapWith(Number),
    })
    .from(registration)
    .where(and(eq(registration.networkId, networkId), inArray(registration.eventId, eventIds)))
    .groupBy(registration.eventId);
  return new Map(rows.map((r) => [r.eventId, { registered: r.registered, waiting: r.waiting }]));
}

export async function tasksOfEvents(db: Db, networkId: string, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({ t: eventTask, assigneeName: user.name })
    .from(eventTask)
    .leftJoin(user, eq(user.id, eventTask.assigneeId))
    .where(and(eq(eventTask.networkId, networkId), inArray(eventTask.eventId, eventIds)))
    .orderBy(asc(eventTask.dueOn), asc(eventTask.position));
}

export async function taskById(db: Db, networkId: string, eventId: string, taskId: string, lock = false) {
  const q = db
    .select()
    .from(eventTask)
    .where(and(eq(eventTask.networkId, networkId), eq(eventTask.eventId, eventId), eq(eventTask.id, taskId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertEvent(db: Db, values: EventInsert) {
  const [row] = await db.insert(event).values(values).returning();
  return row!;
}

export async function updateEvent(db: Db, id: string, values: Partial<EventInsert>) {
  await db.update(event).set(values).where(eq(event.id, id));
}

export async function fieldIdsOf(db: Db, eventId: string) {
  const rows = await db
    .select({ id: eventField.fieldId })
    .from(eventField)
    .where(eq(eventField.eventId, eventId));
  return rows.map((r) => r.id);
}

export async function setFields(db: Db, eventId: string, fieldIds: string[]) {
  await db.delete(eventField).where(eq(eventField.eventId, eventId));
  if (fieldIds.length) await db.insert(eventField).values(fieldIds.map((fieldId) => ({ eventId, fieldId })));
}

export async function insertTasks(db: Db, values: (typeof eventTask.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(eventTask).values(values).returning();
}

export async function updateTask(db: Db, id: string, values: Partial<typeof eventTask.$inferInsert>) {
  await db.update(eventTask).set(values).where(eq(eventTask.id, id));
}

export async function deleteTask(db: Db, id: string) {
  await db.delete(eventTask).where(eq(eventTask.id, id));
}

export async function nextTaskPosition(db: Db, eventId: string) {
  const [r] = await db
    .select({ max: sql<number>`coalesce(max(${eventTask.position}), -1)`.mapWith(Number) })
    .from(eventTask)
    .where(eq(eventTask.eventId, eventId));
  return (r?.max ?? -1) + 1;
}

export async function templateSteps(db: Db, networkId: string, type: EventType) {
  return db
    .select()
    .from(checklistTemplateStep)
    .where(and(eq(checklistTemplateStep.networkId, networkId), eq(checklistTemplateStep.eventType, type)))
    .orderBy(asc(checklistTemplateStep.position));
}

export async function replaceTemplate(
  db: Db,
  networkId: string,
  type: EventType,
  steps: { title: string; offsetDays: number; anchor: 'start' | 'end' }[],
) {
  await db
    .delete(checklistTemplateStep)
    .where(and(eq(checklistTemplateStep.networkId, networkId), eq(checklistTemplateStep.eventType, type)));
  if (steps.length)
    await db
      .insert(checklistTemplateStep)
      .values(steps.map((s, position) => ({ networkId, eventType: type, position, ...s })));
}

/** The office staff (admin and office members) of a network: organisers and assignees. */
export async function officeStaff(db: Db, networkId: string) {
  return db
    .select({ id: user.id, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.networkId, networkId), inArray(membership.role, ['admin', 'office'])))
    .orderBy(asc(user.name));
}

/** Open steps of events not cancelled, due on or before `until`. */
export async function dueTasks(db: Db, networkId: string, until: string) {
  return db
    .select({ t: eventTask, eventTitle: event.title })
    .from(eventTask)
    .innerJoin(event, eq(event.id, eventTask.eventId))
    .where(
      and(
        eq(eventTask.networkId, networkId),
        isNull(eventTask.doneAt),
        isNull(event.cancelledAt),
        ne(event.status, 'documented'),
        lt(eventTask.dueOn, until),
      ),
    )
    .orderBy(asc(eventTask.dueOn), asc(eventTask.position))
    .limit(20);
}

/** An example event of the demo network by title (the demo finds its rows again). */
export async function exampleEventByTitle(db: Db, networkId: string, title: string) {
  const [row] = await db
    .select()
    .from(event)
    .where(and(eq(event.networkId, networkId), eq(event.title, title)));
  return row;
}
