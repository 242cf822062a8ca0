import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { committeeMember } from './steering.tables.js';

/* Data access of the committee's members and deputies: Drizzle only, the database or transaction first. */

export type MemberRow = typeof committeeMember.$inferSelect;
export type MemberValues = Pick<
  MemberRow,
  'name' | 'email' | 'side' | 'function' | 'institution' | 'voting' | 'termFrom' | 'termTo' | 'deputyOf'
>;

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
