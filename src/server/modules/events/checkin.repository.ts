import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  event,
  eventInvitee,
  eventSession,
  registration,
  registrationChoice,
  resource,
} from './events.tables.js';

/* Queries of the day of an event: registrations at the door, session attendance, retention. */

export type RegistrationRow = typeof registration.$inferSelect;
export type ChoiceRow = typeof registrationChoice.$inferSelect;

/** The programme with the room names, in time order. */
export function sessionsOf(db: Db, networkId: string, eventId: string) {
  return db
    .select({
      id: eventSession.id,
      title: eventSession.title,
      kind: eventSession.kind,
      startsAt: eventSession.startsAt,
      endsAt: eventSession.endsAt,
      capacity: eventSession.capacity,
      place: eventSession.place,
      roomName: resource.name,
    })
    .from(eventSession)
    .leftJoin(resource, eq(resource.id, eventSession.roomId))
    .where(and(eq(eventSession.networkId, networkId), eq(eventSession.eventId, eventId)))
    .orderBy(asc(eventSession.startsAt), asc(eventSession.position));
}

export type SessionRow = Awaited<ReturnType<typeof sessionsOf>>[number];

/** Every registration of the event (cancelled ones included). */
export function registrationsOf(db: Db, networkId: string, eventId: string) {
  return db
    .select()
    .from(registration)
    .where(and(eq(registration.networkId, networkId), eq(registration.eventId, eventId)));
}

/** The session choices of the event's registrations. */
export function choicesOf(db: Db, networkId: string, eventId: string) {
  return db
    .select({ choice: registrationChoice })
    .from(registrationChoice)
    .innerJoin(registration, eq(registration.id, registrationChoice.registrationId))
    .where(and(eq(registrationChoice.networkId, networkId), eq(registration.eventId, eventId)))
    .then((rows) => rows.map((r) => r.choice));
}

export async function registrationRow(
  db: Db,
  networkId: string,
  registrationId: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(registration)
    .where(and(eq(registration.networkId, networkId), eq(registration.id, registrationId)));
  return row;
}

/**
 * Checks a confirmed registration in, only if it is not yet: of two simultaneous check-ins exactly one
 * changes the row (the other gets none back and reports "already").
 */
export async function markCheckedIn(tx: Db, registrationId: string, at: Date, by: string | null) {
  const [row] = await tx
    .update(registration)
    .set({
      checkedInAt: at,
      checkedInBy: by,
      version: sql`${registration.version} + 1`,
      updatedAt: at,
    })
    .where(
      and(
        eq(registration.id, registrationId),
        isNull(registration.checkedInAt),
        eq(registration.status, 'confirmed'),
      ),
    )
    .returning();
  return row;
}

export async function unmarkCheckedIn(tx: Db, registrationId: string, at: Date) {
  const [row] = await tx
    .update(registration)
    .set({ checkedInAt: null, checkedInBy: null, version: sql`${registration.version} + 1`, updatedAt: at })
    .where(eq(registration.id, registrationId))
    .returning();
  return row;
}

export async function insertWalkIn(
  tx: Db,
  values: {
    networkId: string;
    eventId: string;
    firstName: string;
    lastName: string;
    institution: string;
    function: string;
    at: Date;
    by: string | null;
  },
) {
  const { at, by, ...rest } = values;
  const [row] = await tx
    .insert(registration)
    .values({
      ...rest,
      email: '',
      status: 'confirmed',
      walkIn: true,
      source: 'walk_in',
      checkedInAt: at,
      checkedInBy: by,
    })
    .returning();
  return row!;
}

/** Confirmed registrations of the event (walk-ins included), for the capacity warning. */
export async function confirmedCount(tx: Db, eventId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registration)
    .where(and(eq(registration.eventId, eventId), eq(registration.status, 'confirmed')));
  return Number(row?.n ?? 0);
}

/**
 * Attendance of these registrations in a session. A person taking part in a session they had not chosen
 * (a walk-in choosing at the door, everybody in the plenary) gets a confirmed choice of priority 0.
 */
export async function setAttendance(
  tx: Db,
  networkId: string,
  sessionId: string,
  registrationIds: string[],
  attendedAt: Date | null,
) {
  if (attendedAt) {
    await tx
      .insert(registrationChoice)
      .values(
        registrationIds.map((registrationId) => ({
          networkId,
          registrationId,
          sessionId,
          priority: 0,
          status: 'confirmed' as const,
          attendedAt,
        })),
      )
      .onConflictDoUpdate({
        target: [registrationChoice.registrationId, registrationChoice.sessionId],
        set: { attendedAt },
        setWhere: isNull(registrationChoice.attendedAt),
      });
  } else {
    await tx
      .update(registrationChoice)
      .set({ attendedAt: null })
      .where(
        and(
          eq(registrationChoice.sessionId, sessionId),
          inArray(registrationChoice.registrationId, registrationIds),
        ),
      );
  }
}

/** Anonymises registrations: names, e-mail, institution, function and needs blanked, person link cut. */
export async function blankRegistrations(tx: Db, ids: string[], name: string, at: Date) {
  if (ids.length === 0) return;
  await tx
    .update(registration)
    .set({
      firstName: '',
      lastName: name,
      email: '',
      institution: '',
      function: '',
      dietary: null,
      accessibility: null,
      needsConsentAt: null,
      personId: null,
      anonymisedAt: at,
      version: sql`${registration.version} + 1`,
      updatedAt: at,
    })
    .where(inArray(registration.id, ids));
}

export function inviteesOfEvent(tx: Db, networkId: string, eventId: string) {
  return tx
    .select({ id: eventInvitee.id })
    .from(eventInvitee)
    .where(and(eq(eventInvitee.networkId, networkId), eq(eventInvitee.eventId, eventId)));
}

/** Invitees lose name, e-mail and person; the row stays for the mailing's counts (e-mail: its own id). */
export async function blankInvitees(tx: Db, ids: string[], name: string) {
  if (ids.length === 0) return;
  await tx
    .update(eventInvitee)
    .set({ name, email: sql`${eventInvitee.id}::text`, personId: null })
    .where(inArray(eventInvitee.id, ids));
}

/** A person's registrations and invitations in a network (erasure). */
export async function personEventRows(tx: Db, networkId: string, personId: string) {
  const regs = await tx
    .select({ id: registration.id })
    .from(registration)
    .where(and(eq(registration.networkId, networkId), eq(registration.personId, personId)));
  const invs = await tx
    .select({ id: eventInvitee.id, registrationId: eventInvitee.registrationId })
    .from(eventInvitee)
    .where(and(eq(eventInvitee.networkId, networkId), eq(eventInvitee.personId, personId)));
  return { registrationIds: regs.map((r) => r.id), invitees: invs };
}

/** Events not yet anonymised that ended before the moment (all networks, or one). */
export function endedEvents(db: Db, before: Date, networkId?: string) {
  return db
    .select({ id: event.id, networkId: event.networkId, endsAt: event.endsAt })
    .from(event)
    .where(
      and(
        isNull(event.anonymisedAt),
        lte(event.endsAt, before),
        ...(networkId ? [eq(event.networkId, networkId)] : []),
      ),
    );
}

export async function markEventAnonymised(tx: Db, eventId: string, at: Date) {
  await tx
    .update(event)
    .set({ anonymisedAt: at, version: sql`${event.version} + 1`, updatedAt: at })
    .where(eq(event.id, eventId));
}
