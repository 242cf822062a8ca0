import { and, asc, eq, inArray, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { guardValue } from '../../db/statements.js';
import { network } from '../networks/networks.tables.js';
import { event, eventInvitee, eventSession, registration, registrationChoice } from './events.tables.js';

/* Queries of the registration part: registrations, their session choices, the places of an event. */

export type RegistrationRecord = typeof registration.$inferSelect;
export type ChoiceRecord = typeof registrationChoice.$inferSelect;
export type SessionRecord = typeof eventSession.$inferSelect;

/** A public event of a published network (`published`: the condition on `network`), with the network's name. */
export async function publicEventRow(db: Db, published: SQL | undefined, eventId: string) {
  const [row] = await db
    .select({ ev: event, networkName: network.name })
    .from(event)
    .innerJoin(network, eq(network.id, event.networkId))
    .where(and(eq(event.id, eventId), eq(event.public, true), published));
  return row;
}

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

/** The insert of a registration, for `writeAfter`. */
export const registrationInsert = (tx: Db, values: PgInsertValue<typeof registration>) =>
  tx.insert(registration).values(values);

/** The insert of a registration's choices (at least one), for `writeAfter`. */
export const choicesInsert = (tx: Db, values: Array<PgInsertValue<typeof registrationChoice>>) =>
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

/** The update that links an invitee to its registration, for `writeAfter`. */
export const linkInviteeUpdate = (tx: Db, inviteeId: string, registrationId: string) =>
  tx.update(eventInvitee).set({ registrationId }).where(eq(eventInvitee.id, inviteeId));

export async function linkInvitee(tx: Db, inviteeId: string, registrationId: string) {
  await linkInviteeUpdate(tx, inviteeId, registrationId);
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
 * The places of an event as the others hold them, in one statement (the function
 * `registration_places` of migration 0027, which the lock-holding check reads too): the tallies of the
 * event and its sessions, whether `email` is registered already, and the moment a newcomer would get
 * on a waiting list. Read without a lock: the plan of a new registration, checked under the lock.
 */
export async function placesOfOthers(
  db: Db,
  eventId: string,
  email: string,
  now: Date,
): Promise<OthersPlaces> {
  type Row = {
    session_id: string | null;
    status: string;
    n: number;
    expired: number;
    queued: number;
    same_email: number;
    at: Date | string;
  };
  const result = await db.execute<Row>(
    sql`SELECT * FROM registration_places(${eventId}::uuid, NULL, ${email}, ${now.toISOString()}::timestamptz)`,
  );
  const { rows } = result as unknown as { rows: Row[] };
  const out: OthersPlaces = { event: emptyTally(), sessions: new Map(), duplicate: false, at: now };
  for (const r of rows) {
    out.at = new Date(r.at);
    if (r.status === 'moment') {
      out.duplicate = r.same_email > 0;
      continue;
    }
    const t = r.session_id === null ? out.event : (out.sessions.get(r.session_id) ?? emptyTally());
    if (r.session_id !== null) out.sessions.set(r.session_id, t);
    if (r.status === 'confirmed' || r.status === 'offered') t.taken += r.n;
    if (r.status === 'offered') t.expired += r.expired;
    // On the event's list everybody waiting has a moment; on a session's, only choices that are queued.
    if (r.status === 'waiting') t.waiting += r.session_id === null ? r.n : r.queued;
  }
  return out;
}

/** What the event's places look like to a new registration: the state of the event and of each session. */
export type PlaceStates = {
  event: 'free' | 'full';
  /** Per chosen session (none when the registration waits for the event: then they do not matter). */
  sessions: Array<{ id: string; state: 'free' | 'full' }>;
};

/**
 * The guard of a new registration's statement (`writeAfter`): locks the event, reads the places afresh
 * and raises `placesChanged` when they are no longer in `expected` (or `duplicateEmail`). Its row: the
 * waiting-list moment and the others' places per scope (`event` or a session's id).
 */
export const placeHold = (eventId: string, mine: string, email: string, now: Date, expected: PlaceStates) =>
  sql`SELECT at, places FROM registration_place_hold(${eventId}::uuid, ${mine}::uuid, ${email},
    ${now.toISOString()}::timestamptz, ${expected.event},
    ${`{${expected.sessions.map((s) => s.id).join(',')}}`}::uuid[],
    ${`{${expected.sessions.map((s) => s.state).join(',')}}`}::text[])`;

/** The guard's row, its places as tallies. */
export function heldPlaces(row: { places: Record<string, [number, number, number]> }) {
  const tally = (scope: string): Tally => {
    const [taken, waiting, expired] = row.places[scope] ?? [0, 0, 0];
    return { taken, waiting, expired };
  };
  return {
    event: tally('event'),
    sessions: new Map(
      Object.keys(row.places)
        .filter((k) => k !== 'event')
        .map((k) => [k, tally(k)]),
    ),
  };
}

/** The waiting-list moment the guard of `placeHold` decided, as a value of the statement's writes. */
export const heldMoment = guardValue('at');

/** The SQLSTATEs `registration_place_hold` raises. */
export const placesChanged = 'BN412';
export const duplicateEmail = 'BN409';
export const eventCancelled = 'BN410';

/**
 * The moment a place decided now gets on a waiting list: one millisecond after the event's latest (as
 * the guard of a new registration gives it), for the careful paths that hold the event's lock.
 */
export async function waitingMoment(tx: Db, eventId: string, now: Date): Promise<Date> {
  const result = await tx.execute<{ at: Date | string }>(
    sql`SELECT at FROM registration_places(${eventId}::uuid, NULL, '', ${now.toISOString()}::timestamptz, '{}'::uuid[])
      WHERE status = 'moment'`,
  );
  const [row] = (result as unknown as { rows: Array<{ at: Date | string }> }).rows;
  return row ? new Date(row.at) : now;
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
