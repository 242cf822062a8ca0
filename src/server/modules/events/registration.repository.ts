import { and, asc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
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
    .for('update');
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
