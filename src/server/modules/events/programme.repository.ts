import { and, asc, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { event, eventSession, resource, resourceBooking, sessionSpeaker } from './events.tables.js';

/* Data access of rooms, media, bookings, sessions and speakers: always filtered by network. */

export type ResourceRow = typeof resource.$inferSelect;
export type SessionRow = typeof eventSession.$inferSelect;
export type SpeakerRow = typeof sessionSpeaker.$inferSelect;
export type BookingRow = typeof resourceBooking.$inferSelect;

export async function resourcesOf(db: Db, networkId: string, archived: boolean) {
  return db
    .select()
    .from(resource)
    .where(and(eq(resource.networkId, networkId), archived ? undefined : isNull(resource.archivedAt)))
    .orderBy(asc(resource.kind), asc(resource.name));
}

/** One resource of the network, optionally locked: bookings of it are then made one after the other. */
export async function resourceById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(resource)
    .where(and(eq(resource.networkId, networkId), eq(resource.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function resourceByName(db: Db, networkId: string, name: string) {
  const [row] = await db
    .select()
    .from(resource)
    .where(and(eq(resource.networkId, networkId), eq(resource.name, name)));
  return row;
}

export async function insertResource(tx: Db, values: typeof resource.$inferInsert) {
  const [row] = await tx.insert(resource).values(values).returning();
  return row!;
}

export async function updateResource(tx: Db, id: string, values: Partial<typeof resource.$inferInsert>) {
  await tx.update(resource).set(values).where(eq(resource.id, id));
}

const bookingColumns = {
  id: resourceBooking.id,
  resourceId: resourceBooking.resourceId,
  eventId: resourceBooking.eventId,
  sessionId: resourceBooking.sessionId,
  startsAt: resourceBooking.startsAt,
  endsAt: resourceBooking.endsAt,
  note: resourceBooking.note,
  eventTitle: event.title,
  eventPublic: event.public,
  sessionTitle: eventSession.title,
};

/** Bookings of these resources ending after `from` (all, when no `from`), with event and session titles. */
export async function bookingsOfResources(db: Db, networkId: string, resourceIds: string[], from?: Date) {
  if (resourceIds.length === 0) return [];
  return db
    .select(bookingColumns)
    .from(resourceBooking)
    .innerJoin(event, eq(event.id, resourceBooking.eventId))
    .leftJoin(eventSession, eq(eventSession.id, resourceBooking.sessionId))
    .where(
      and(
        eq(resourceBooking.networkId, networkId),
        inArray(resourceBooking.resourceId, resourceIds),
        from ? gt(resourceBooking.endsAt, from) : undefined,
      ),
    )
    .orderBy(asc(resourceBooking.startsAt));
}

/** The bookings of one event with their resources. */
export async function bookingsOfEvent(db: Db, networkId: string, eventId: string) {
  return db
    .select({
      b: resourceBooking,
      resourceName: resource.name,
      resourceKind: resource.kind,
      capacity: resource.capacity,
      sessionTitle: eventSession.title,
    })
    .from(resourceBooking)
    .innerJoin(resource, eq(resource.id, resourceBooking.resourceId))
    .leftJoin(eventSession, eq(eventSession.id, resourceBooking.sessionId))
    .where(and(eq(resourceBooking.networkId, networkId), eq(resourceBooking.eventId, eventId)))
    .orderBy(asc(resourceBooking.startsAt), asc(resource.name));
}

export async function bookingById(db: Db, networkId: string, eventId: string, id: string) {
  const [row] = await db
    .select()
    .from(resourceBooking)
    .where(
      and(
        eq(resourceBooking.networkId, networkId),
        eq(resourceBooking.eventId, eventId),
        eq(resourceBooking.id, id),
      ),
    );
  return row;
}

export async function insertBooking(tx: Db, values: typeof resourceBooking.$inferInsert) {
  const [row] = await tx.insert(resourceBooking).values(values).returning();
  return row!;
}

export async function deleteBooking(tx: Db, id: string) {
  await tx.delete(resourceBooking).where(eq(resourceBooking.id, id));
}

/** The booking of a session's room (the one the session form made), if any. */
export async function roomBookingOfSession(db: Db, sessionId: string, resourceId: string) {
  const [row] = await db
    .select()
    .from(resourceBooking)
    .where(and(eq(resourceBooking.sessionId, sessionId), eq(resourceBooking.resourceId, resourceId)));
  return row;
}

/** The other bookings of a session (media booked for it) that follow the session's time. */
export async function otherBookingsOfSession(db: Db, sessionId: string, roomId: string | null) {
  return db
    .select()
    .from(resourceBooking)
    .where(
      and(
        eq(resourceBooking.sessionId, sessionId),
        roomId ? ne(resourceBooking.resourceId, roomId) : undefined,
      ),
    );
}

export async function moveBooking(tx: Db, id: string, span: { startsAt: Date; endsAt: Date }) {
  await tx.update(resourceBooking).set(span).where(eq(resourceBooking.id, id));
}

export async function sessionsOfEvent(db: Db, networkId: string, eventId: string) {
  return db
    .select({ s: eventSession, roomName: resource.name, roomCapacity: resource.capacity })
    .from(eventSession)
    .leftJoin(resource, eq(resource.id, eventSession.roomId))
    .where(and(eq(eventSession.networkId, networkId), eq(eventSession.eventId, eventId)))
    .orderBy(asc(eventSession.startsAt), asc(eventSession.position), asc(eventSession.title));
}

export async function sessionById(db: Db, networkId: string, eventId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(eventSession)
    .where(
      and(eq(eventSession.networkId, networkId), eq(eventSession.eventId, eventId), eq(eventSession.id, id)),
    );
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertSession(tx: Db, values: typeof eventSession.$inferInsert) {
  const [row] = await tx.insert(eventSession).values(values).returning();
  return row!;
}

export async function updateSession(tx: Db, id: string, values: Partial<typeof eventSession.$inferInsert>) {
  await tx.update(eventSession).set(values).where(eq(eventSession.id, id));
}

export async function deleteSession(tx: Db, id: string) {
  await tx.delete(eventSession).where(eq(eventSession.id, id));
}

export async function speakersOfSessions(db: Db, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .select()
    .from(sessionSpeaker)
    .where(inArray(sessionSpeaker.sessionId, sessionIds))
    .orderBy(asc(sessionSpeaker.createdAt));
}

export async function speakerById(db: Db, sessionId: string, id: string) {
  const [row] = await db
    .select()
    .from(sessionSpeaker)
    .where(and(eq(sessionSpeaker.sessionId, sessionId), eq(sessionSpeaker.id, id)));
  return row;
}

export async function speakerOfPerson(db: Db, sessionId: string, personId: string) {
  const [row] = await db
    .select()
    .from(sessionSpeaker)
    .where(and(eq(sessionSpeaker.sessionId, sessionId), eq(sessionSpeaker.personId, personId)));
  return row;
}

export async function insertSpeaker(tx: Db, values: typeof sessionSpeaker.$inferInsert) {
  const [row] = await tx.insert(sessionSpeaker).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateSpeaker(tx: Db, id: string, values: Partial<typeof sessionSpeaker.$inferInsert>) {
  await tx.update(sessionSpeaker).set(values).where(eq(sessionSpeaker.id, id));
}

export async function deleteSpeaker(tx: Db, id: string) {
  await tx.delete(sessionSpeaker).where(eq(sessionSpeaker.id, id));
}

/** A public event of the network (the public timetable shows no other). */
export async function publicEvent(db: Db, networkId: string, eventId: string) {
  const [row] = await db
    .select()
    .from(event)
    .where(and(eq(event.networkId, networkId), eq(event.id, eventId), eq(event.public, true)));
  return row;
}
