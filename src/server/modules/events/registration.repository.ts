import { and, asc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { network } from '../networks/networks.tables.js';
import { eventInvitee, eventSession, registration, registrationChoice } from './events.tables.js';

/* Queries of the registration part: registrations, their session choices, the places of an event. */

export type RegistrationRecord = typeof registration.$inferSelect;
export type ChoiceRecord = typeof registrationChoice.$inferSelect;
export type SessionRecord = typeof eventSession.$inferSelect;

export async function networkName(db: Db, networkId: string) {
  const [row] = await db.select({ name: network.name }).from(network).where(eq(network.id, networkId));
  return row?.name ?? '';
}

export const sessionsOf = (db: Db, eventId: string) =>
  db
    .select()
    .from(eventSession)
    .where(eq(eventSession.eventId, eventId))
    .orderBy(asc(eventSession.startsAt), asc(eventSession.position), asc(eventSession.title));

/** Locks the sessions of an event in a fixed order (by id), after the event row: no deadlock. */
export async function lockSessions(tx: Db, eventId: string) {
  await tx
    .select({ id: eventSession.id })
    .from(eventSession)
    .where(eq(eventSession.eventId, eventId))
    .orderBy(asc(eventSession.id))
    .for('no key update');
}

export const registrationsOf = (db: Db, eventId: string) =>
  db
    .select()
    .from(registration)
    .where(eq(registration.eventId, eventId))
    .orderBy(asc(registration.lastName), asc(registration.firstName), asc(registration.createdAt));

/** The choices of an event's registrations, with the registration's own status. */
export const choicesOf = (db: Db, eventId: string) =>
  db
    .select({ choice: registrationChoice, registrationStatus: registration.status })
    .from(registrationChoice)
    .innerJoin(registration, eq(registration.id, registrationChoice.registrationId))
    .where(eq(registration.eventId, eventId))
    .orderBy(asc(registrationChoice.priority));

export async function registrationById(db: Db, networkId: string, id: string) {
  const [row] = await db
    .select()
    .from(registration)
    .where(and(eq(registration.networkId, networkId), eq(registration.id, id)));
  return row;
}

/** A live registration of the same e-mail for this event (case-insensitive). */
export async function liveRegistrationByEmail(db: Db, eventId: string, email: string) {
  const [row] = await db
    .select({ id: registration.id })
    .from(registration)
    .where(
      and(
        eq(registration.eventId, eventId),
        ne(registration.status, 'cancelled'),
        sql`lower(${registration.email}) = lower(${email})`,
      ),
    )
    .limit(1);
  return row;
}

export async function insertRegistration(tx: Db, values: typeof registration.$inferInsert) {
  const [row] = await tx.insert(registration).values(values).returning();
  return row!;
}

/** The insert of a registration, for `writeTogether`. */
export const registrationInsert = (tx: Db, values: PgInsertValue<typeof registration>) =>
  tx.insert(registration).values(values);

/** The insert of a registration's choices (at least one), for `writeTogether`. */
export const choicesInsert = (tx: Db, values: Array<typeof registrationChoice.$inferInsert>) =>
  tx.insert(registrationChoice).values(values);

export async function insertChoices(tx: Db, values: Array<typeof registrationChoice.$inferInsert>) {
  if (values.length === 0) return;
  await tx.insert(registrationChoice).values(values);
}

export async function deleteChoices(tx: Db, registrationId: string, sessionIds: string[]) {
  if (sessionIds.length === 0) return;
  await tx
    .delete(registrationChoice)
    .where(
      and(
        eq(registrationChoice.registrationId, registrationId),
        inArray(registrationChoice.sessionId, sessionIds),
      ),
    );
}

export const choicesOfRegistration = (db: Db, registrationId: string) =>
  db
    .select()
    .from(registrationChoice)
    .where(eq(registrationChoice.registrationId, registrationId))
    .orderBy(asc(registrationChoice.priority));

export async function updateRegistration(
  tx: Db,
  id: string,
  set: Partial<typeof registration.$inferInsert>,
  now: Date,
) {
  await tx
    .update(registration)
    .set({ ...set, updatedAt: now, version: sql`${registration.version} + 1` })
    .where(eq(registration.id, id));
}

export async function updateChoice(tx: Db, id: string, set: Partial<typeof registrationChoice.$inferInsert>) {
  await tx.update(registrationChoice).set(set).where(eq(registrationChoice.id, id));
}

export async function updateChoicesOf(
  tx: Db,
  registrationId: string,
  set: Partial<typeof registrationChoice.$inferInsert>,
) {
  await tx.update(registrationChoice).set(set).where(eq(registrationChoice.registrationId, registrationId));
}

export async function inviteeById(db: Db, id: string) {
  const [row] = await db.select().from(eventInvitee).where(eq(eventInvitee.id, id));
  return row;
}

export async function linkInvitee(tx: Db, inviteeId: string, registrationId: string) {
  await tx.update(eventInvitee).set({ registrationId }).where(eq(eventInvitee.id, inviteeId));
}

/** Events with an offer that has run out (for the job). */
export async function eventsWithExpiredOffers(db: Db, now: Date) {
  const a = await db
    .selectDistinct({ eventId: registration.eventId, networkId: registration.networkId })
    .from(registration)
    .where(and(eq(registration.status, 'offered'), lte(registration.offerExpiresAt, now)));
  const b = await db
    .selectDistinct({ eventId: registration.eventId, networkId: registration.networkId })
    .from(registrationChoice)
    .innerJoin(registration, eq(registration.id, registrationChoice.registrationId))
    .where(
      and(
        eq(registrationChoice.status, 'offered'),
        or(lte(registrationChoice.offerExpiresAt, now), isNull(registrationChoice.offerExpiresAt)),
      ),
    );
  const seen = new Map<string, string>();
  for (const r of [...a, ...b]) seen.set(r.eventId, r.networkId);
  return [...seen].map(([eventId, networkId]) => ({ eventId, networkId }));
}

export type Tally = { taken: number; waiting: number; expired: number };
const emptyTally = (): Tally => ({ taken: 0, waiting: 0, expired: 0 });

/** Places of an event in numbers (cheap: one grouped query), offers run out by `now` counted apart. */
export async function eventTally(db: Db, eventId: string, now: Date): Promise<Tally> {
  const rows = await db
    .select({
      status: registration.status,
      n: sql<number>`count(*)::int`,
      expired: sql<number>`(count(*) filter (where ${lte(registration.offerExpiresAt, now)}))::int`,
    })
    .from(registration)
    .where(eq(registration.eventId, eventId))
    .groupBy(registration.status);
  const t = emptyTally();
  for (const r of rows) {
    if (r.status === 'confirmed' || r.status === 'offered') t.taken += r.n;
    if (r.status === 'waiting') t.waiting += r.n;
    if (r.status === 'offered') t.expired += r.expired;
  }
  return t;
}

/**
 * Places per session in numbers: only choices of registrations with a confirmed place at the event
 * count, and a choice is on the waiting list once it has a waiting moment.
 */
export async function sessionTallies(db: Db, eventId: string, now: Date): Promise<Map<string, Tally>> {
  const rows = await db
    .select({
      sessionId: registrationChoice.sessionId,
      status: registrationChoice.status,
      n: sql<number>`count(*)::int`,
      expired: sql<number>`(count(*) filter (where ${lte(registrationChoice.offerExpiresAt, now)}))::int`,
      queued: sql<number>`(count(*) filter (where ${registrationChoice.waitingSince} is not null))::int`,
    })
    .from(registrationChoice)
    .innerJoin(registration, eq(registration.id, registrationChoice.registrationId))
    .where(and(eq(registration.eventId, eventId), eq(registration.status, 'confirmed')))
    .groupBy(registrationChoice.sessionId, registrationChoice.status);
  const out = new Map<string, Tally>();
  for (const r of rows) {
    const t = out.get(r.sessionId) ?? emptyTally();
    if (r.status === 'confirmed' || r.status === 'offered') t.taken += r.n;
    if (r.status === 'waiting') t.waiting += r.queued;
    if (r.status === 'offered') t.expired += r.expired;
    out.set(r.sessionId, t);
  }
  return out;
}

/** How many wait before this one on the event's waiting list. */
export async function waitingAhead(db: Db, eventId: string, since: Date, id: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registration)
    .where(
      and(
        eq(registration.eventId, eventId),
        eq(registration.status, 'waiting'),
        or(
          sql`${registration.waitingSince} < ${since.toISOString()}::timestamptz`,
          and(
            sql`${registration.waitingSince} = ${since.toISOString()}::timestamptz`,
            sql`${registration.id} < ${id}::uuid`,
          ),
        ),
      ),
    );
  return row!.n;
}

/** How many wait before this choice on its session's waiting list. */
export async function choiceWaitingAhead(db: Db, sessionId: string, since: Date, id: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrationChoice)
    .innerJoin(registration, eq(registration.id, registrationChoice.registrationId))
    .where(
      and(
        eq(registrationChoice.sessionId, sessionId),
        eq(registration.status, 'confirmed'),
        eq(registrationChoice.status, 'waiting'),
        or(
          sql`${registrationChoice.waitingSince} < ${since.toISOString()}::timestamptz`,
          and(
            sql`${registrationChoice.waitingSince} = ${since.toISOString()}::timestamptz`,
            sql`${registrationChoice.id} < ${id}::uuid`,
          ),
        ),
      ),
    );
  return row!.n;
}

export type OthersPlaces = {
  event: Tally;
  sessions: Map<string, Tally>;
  /** Another live registration with the same e-mail. */
  duplicate: boolean;
  /** A new registration's moment on a waiting list: after everybody already on one. */
  at: Date;
};

/**
 * The places of an event as the others hold them, in one statement: the tallies of the event and its
 * sessions and whether `email` is registered already. With `mine` (a registration written but not
 * committed in this transaction, read right after the event's lock was taken, so that the statement
 * sees everything committed before) it leaves that one out and gives its waiting rows their moment:
 * one millisecond after the event's latest, so that the waiting lists keep the order of the locks and
 * a new one's position is the count of those waiting + 1.
 */
export async function placesOfOthers(
  db: Db,
  eventId: string,
  email: string,
  now: Date,
  mine?: string,
): Promise<OthersPlaces> {
  const t = now.toISOString();
  type Row = {
    session_id: string | null;
    status: string;
    n: number;
    expired: number;
    queued: number;
    same_email: number;
    at: Date | string;
  };
  const notMine = (col: string) => (mine ? sql`AND ${sql.raw(col)} <> ${mine}` : sql``);
  const setMoment = mine
    ? sql`, mine_reg AS (
        UPDATE registration SET waiting_since = (SELECT at FROM moment)
        WHERE id = ${mine} AND status = 'waiting' RETURNING id
      ), mine_choices AS (
        UPDATE registration_choice SET waiting_since = (SELECT at FROM moment)
        WHERE registration_id = ${mine} AND waiting_since IS NOT NULL RETURNING id
      )`
    : sql``;
  const result = await db.execute<Row>(sql`
    WITH others AS (
      SELECT status, offer_expires_at, waiting_since, email FROM registration
      WHERE event_id = ${eventId} ${notMine('id')}
    ), other_choices AS (
      SELECT c.session_id, c.status, c.offer_expires_at, c.waiting_since
      FROM registration_choice c JOIN registration r ON r.id = c.registration_id
      WHERE r.event_id = ${eventId} AND r.status = 'confirmed' ${notMine('r.id')}
    ), moment AS (
      SELECT greatest(
        ${t}::timestamptz,
        (SELECT max(waiting_since) FROM others) + interval '1 millisecond',
        (SELECT max(waiting_since) FROM other_choices) + interval '1 millisecond'
      ) AS at
    )${setMoment}
    SELECT NULL::uuid AS session_id, status, count(*)::int AS n,
      (count(*) FILTER (WHERE offer_expires_at <= ${t}::timestamptz))::int AS expired,
      (count(*) FILTER (WHERE waiting_since IS NOT NULL))::int AS queued,
      (count(*) FILTER (WHERE lower(email) = lower(${email})))::int AS same_email,
      (SELECT at FROM moment) AS at
    FROM others GROUP BY status
    UNION ALL
    SELECT session_id, status, count(*)::int,
      (count(*) FILTER (WHERE offer_expires_at <= ${t}::timestamptz))::int,
      (count(*) FILTER (WHERE waiting_since IS NOT NULL))::int, 0, (SELECT at FROM moment)
    FROM other_choices GROUP BY session_id, status
    UNION ALL
    SELECT NULL, 'moment', 0, 0, 0, 0, (SELECT at FROM moment)`);
  const { rows } = result as unknown as { rows: Row[] };
  const out: OthersPlaces = { event: emptyTally(), sessions: new Map(), duplicate: false, at: now };
  for (const r of rows) {
    out.at = new Date(r.at);
    if (r.status === 'moment') continue;
    const t = r.session_id === null ? out.event : (out.sessions.get(r.session_id) ?? emptyTally());
    if (r.session_id !== null) out.sessions.set(r.session_id, t);
    if (r.status === 'confirmed' || r.status === 'offered') t.taken += r.n;
    if (r.status === 'offered') t.expired += r.expired;
    // On the event's list everybody waiting has a moment; on a session's, only choices that are queued.
    if (r.status === 'waiting') t.waiting += r.session_id === null ? r.n : r.queued;
    if (r.session_id === null && r.status !== 'cancelled' && r.same_email > 0) out.duplicate = true;
  }
  return out;
}

/** Sets a choice of a registration by its session (the registration's own transaction). */
export async function updateChoiceOf(
  tx: Db,
  registrationId: string,
  sessionId: string,
  set: Partial<typeof registrationChoice.$inferInsert>,
) {
  await tx
    .update(registrationChoice)
    .set(set)
    .where(
      and(eq(registrationChoice.registrationId, registrationId), eq(registrationChoice.sessionId, sessionId)),
    );
}
