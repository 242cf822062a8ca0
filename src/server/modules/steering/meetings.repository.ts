import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { columnsOf, rowOf, runPrepared } from '../../db/prepared.js';
import type { PageRequest } from '../../lib/keyset.js';
import { user } from '../auth/auth.tables.js';
import { attendance, guest, meeting, meetingRecipient, minutesVersion } from './steering.tables.js';

/*
 * Data access of meetings and the people around them (guests, attendance, recipients of invitations):
 * Drizzle only, the database or transaction first; who may see what is decided by the services.
 */

export type MeetingRow = typeof meeting.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;

export async function meetingById(
  db: Db,
  networkId: string,
  meetingId: string,
  lock = false,
): Promise<MeetingRow | undefined> {
  const q = db
    .select()
    .from(meeting)
    .where(and(eq(meeting.id, meetingId), eq(meeting.networkId, networkId)));
  const [m] = lock ? await q.for('update') : await q;
  return m;
}

/** The network's meetings, newest first; only those in `ids` when given (a guest's). */
/** Newest first; with `page`, the meetings after the one with id `after` (keyset, stable order). */
export async function meetingsOf(
  db: Db,
  networkId: string,
  ids: string[] | null,
  page?: PageRequest,
): Promise<MeetingRow[]> {
  const q = db
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.networkId, networkId),
        ids ? inArray(meeting.id, ids) : undefined,
        page?.after
          ? sql`(${meeting.startsAt}, ${meeting.id}) < (SELECT starts_at, id FROM meeting WHERE id = ${page.after} AND network_id = ${networkId})`
          : undefined,
      ),
    )
    .orderBy(desc(meeting.startsAt), desc(meeting.id));
  return page ? q.limit(page.rows) : q;
}

// The list the UI opens most, as a named prepared statement (db/prepared.ts): the same rows and
// order as `meetingsOf` without `ids`.
const MEETING_PAGE = {
  name: 'bn_meeting_page',
  types: ['uuid', 'int', 'uuid'],
  text: `SELECT ${columnsOf(meeting, 'm')} FROM meeting m
WHERE m.network_id = $1
  AND ($3::uuid IS NULL OR (m.starts_at, m.id) < (SELECT starts_at, id FROM meeting WHERE id = $3 AND network_id = $1))
ORDER BY m.starts_at DESC, m.id DESC
LIMIT $2`,
} as const;

/** A page of all the network's meetings, newest first (keyset after the meeting `after`). */
export async function meetingPage(
  database: Database,
  networkId: string,
  page: PageRequest,
): Promise<MeetingRow[]> {
  const rows = await runPrepared<Record<string, unknown>>(database, MEETING_PAGE, [
    networkId,
    page.rows,
    page.after ?? null,
  ]);
  return rows.map((r) => rowOf(meeting, r));
}

/** Times may be SQL expressions (berlinInstant): the database converts Berlin wall-clock time. */
export async function insertMeeting(tx: Db, values: typeof meeting.$inferInsert): Promise<MeetingRow> {
  const [m] = await tx.insert(meeting).values(values).returning();
  return m!;
}

export async function updateMeetingRow(
  tx: Db,
  meetingId: string,
  values: Partial<typeof meeting.$inferInsert>,
): Promise<MeetingRow> {
  const [m] = await tx.update(meeting).set(values).where(eq(meeting.id, meetingId)).returning();
  return m!;
}

// ---- guests ------------------------------------------------------------------------------------

/** The guest rows that invite this account to meetings of the network. */
export async function guestInvitationsOf(db: Db, networkId: string, userId: string, email: string) {
  return db
    .select()
    .from(guest)
    .where(
      and(
        eq(guest.networkId, networkId),
        // Linked at invitation time, or invited by the address before the account existed.
        or(eq(guest.userId, userId), sql`lower(${guest.email}) = lower(${email})`),
      ),
    );
}

/** The meetings a person of the address book was invited to as a guest, newest first. */
export async function guestInvitationsOfPerson(db: Db, networkId: string, personId: string) {
  return db
    .select({
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      startsAt: meeting.startsAt,
      topic: guest.topic,
    })
    .from(guest)
    .innerJoin(meeting, eq(meeting.id, guest.meetingId))
    .where(and(eq(guest.networkId, networkId), eq(guest.personId, personId)))
    .orderBy(desc(meeting.startsAt));
}

export async function guestsOf(db: Db, meetingId: string) {
  return db.select().from(guest).where(eq(guest.meetingId, meetingId)).orderBy(asc(guest.createdAt));
}

export async function insertGuest(tx: Db, values: typeof guest.$inferInsert) {
  const [g] = await tx.insert(guest).values(values).returning();
  return g!;
}

/** The account with this address, if any (addresses compare case-insensitively). */
export async function accountIdByEmail(db: Db, email: string): Promise<string | null> {
  const [account] = await db
    .select({ id: user.id })
    .from(user)
    .where(sql`lower(${user.email}) = lower(${email})`);
  return account?.id ?? null;
}

// ---- attendance and recipients ---------------------------------------------------------------------

export async function attendanceOf(db: Db, meetingId: string): Promise<AttendanceRow[]> {
  return db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
}

/** Records or replaces one member's attendance in a meeting. */
export async function upsertAttendance(
  tx: Db,
  values: Pick<AttendanceRow, 'networkId' | 'meetingId' | 'memberId' | 'status' | 'deputyId'>,
): Promise<void> {
  await tx
    .insert(attendance)
    .values(values)
    .onConflictDoUpdate({
      target: [attendance.meetingId, attendance.memberId],
      set: { status: values.status, deputyId: values.deputyId },
    });
}

export async function recipientsOf(db: Db, meetingId: string) {
  return db
    .select()
    .from(meetingRecipient)
    .where(eq(meetingRecipient.meetingId, meetingId))
    .orderBy(asc(meetingRecipient.name));
}

// ---- minutes --------------------------------------------------------------------------------------

export type MinutesStatus = (typeof minutesVersion.$inferSelect)['status'];

/** The latest minutes version's state of each of these meetings (meetings without minutes are absent). */
export async function latestMinutesStatus(db: Db, meetingIds: string[]): Promise<Map<string, MinutesStatus>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([minutesVersion.meetingId], {
      meetingId: minutesVersion.meetingId,
      status: minutesVersion.status,
    })
    .from(minutesVersion)
    .where(inArray(minutesVersion.meetingId, meetingIds))
    .orderBy(minutesVersion.meetingId, desc(minutesVersion.version));
  return new Map(rows.map((r) => [r.meetingId, r.status]));
}
