import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { committeeMember, guest } from './steering.tables.js';

/**
 * Merging people in the address book: committee memberships and guest invitations of the merged records
 * point at the record that is kept (inside the merge's transaction).
 */
export async function movePersonReferences(tx: Db, networkId: string, fromIds: string[], toId: string) {
  if (fromIds.length === 0) return { memberships: 0, invitations: 0 };
  const members = await tx
    .update(committeeMember)
    .set({ personId: toId })
    .where(and(eq(committeeMember.networkId, networkId), inArray(committeeMember.personId, fromIds)))
    .returning({ id: committeeMember.id });
  const guests = await tx
    .update(guest)
    .set({ personId: toId })
    .where(and(eq(guest.networkId, networkId), inArray(guest.personId, fromIds)))
    .returning({ id: guest.id });
  return { memberships: members.length, invitations: guests.length };
}
