import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { committeeMember } from './steering.tables.js';

/* Data access of the committee's members and deputies: Drizzle only, the database or transaction first. */

export type MemberRow = typeof committeeMember.$inferSelect;
export type MemberValues = Pick<
  MemberRow,
  'name' | 'email' | 'side' | 'function' | 'institution' | 'voting' | 'termFrom' | 'termTo' | 'deputyOf'
>;

/**
 * A person's committee membership as a condition: linked to the account, or recognised by the e-mail
 * address the office entered (the calendar link, Start and the meeting page all use this).
 */
export const ownMember = (userId: string, email: string) =>
  or(eq(committeeMember.userId, userId), sql`lower(${committeeMember.email}) = lower(${email})`);

/** The person's membership in the network; with `day`, only one whose term covers that day. */
export async function ownMembership(
  db: Db,
  networkId: string,
  person: { userId: string; email: string },
  day?: string,
): Promise<MemberRow | null> {
  const [member] = await db
    .select()
    .from(committeeMember)
    .where(
      and(
        eq(committeeMember.networkId, networkId),
        ownMember(person.userId, person.email),
        day ? lte(committeeMember.termFrom, day) : undefined,
        day ? or(isNull(committeeMember.termTo), gte(committeeMember.termTo, day)) : undefined,
      ),
    )
    .limit(1);
  return member ?? null;
}

/** Every member and deputy the network ever had, by side and name. */
export async function membersOf(db: Db, networkId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(committeeMember)
    .where(eq(committeeMember.networkId, networkId))
    .orderBy(asc(committeeMember.side), asc(committeeMember.name));
}

export async function memberById(
  db: Db,
  networkId: string,
  memberId: string,
  lock = false,
): Promise<MemberRow | undefined> {
  const q = db
    .select()
    .from(committeeMember)
    .where(and(eq(committeeMember.id, memberId), eq(committeeMember.networkId, networkId)));
  const [m] = lock ? await q.for('update') : await q;
  return m;
}

export async function insertMember(tx: Db, networkId: string, values: MemberValues): Promise<MemberRow> {
  const [m] = await tx
    .insert(committeeMember)
    .values({ ...values, networkId })
    .returning();
  return m!;
}

export async function updateMemberRow(tx: Db, memberId: string, values: MemberValues): Promise<MemberRow> {
  const [m] = await tx
    .update(committeeMember)
    .set(values)
    .where(eq(committeeMember.id, memberId))
    .returning();
  return m!;
}

/** Links a member to their person of the address book. */
export async function setMemberPerson(tx: Db, memberId: string, personId: string): Promise<MemberRow> {
  const [m] = await tx
    .update(committeeMember)
    .set({ personId })
    .where(eq(committeeMember.id, memberId))
    .returning();
  return m!;
}

/** A person's memberships in the committee (the person page shows them). */
export async function membershipsOfPerson(db: Db, networkId: string, personId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(committeeMember)
    .where(and(eq(committeeMember.networkId, networkId), eq(committeeMember.personId, personId)))
    .orderBy(asc(committeeMember.termFrom));
}
