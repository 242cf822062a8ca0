import type { Db } from '../../db/client.js';
import * as repo from './person-records.repository.js';

/*
 * What the steering committee holds about a person of the address book, for the contacts module: the
 * access export, erasure (refused for members; guests anonymised) and merging duplicates.
 */

/** The person's committee memberships (erasure is refused while there is one). */
export const committeeMembershipsOf = repo.membershipsOfPerson;

/** The person's guest invitations to meetings. */
export const guestInvitationsOf = repo.invitationsOfPerson;

/**
 * Erasure: the person's guest rows and their invitations' recipient rows keep existing (a meeting
 * still had its guests, counts stay true) but lose name and address. Returns what they held, so the
 * caller can take the same strings out of mails and audit entries.
 */
export async function anonymiseGuestsOf(tx: Db, networkId: string, personId: string, erasedName: string) {
  const guests = await repo.guestRowsOfPerson(tx, networkId, personId);
  const guestIds = guests.map((g) => g.id);
  if (guestIds.length === 0)
    return { guestIds, recipientIds: [] as string[], names: [] as string[], emails: [] as string[] };
  const recipients = await repo.recipientsOfGuests(tx, guestIds);
  await repo.renameGuests(tx, guestIds, erasedName);
  const all = [...guests, ...recipients];
  return {
    guestIds,
    recipientIds: recipients.map((r) => r.id),
    names: all.map((r) => r.name),
    emails: all.flatMap((r) => (r.email ? [r.email] : [])),
  };
}

/**
 * Merging people in the address book: committee memberships and guest invitations of the merged records
 * point at the record that is kept (inside the merge's transaction).
 */
export async function movePersonReferences(tx: Db, networkId: string, fromIds: string[], toId: string) {
  if (fromIds.length === 0) return { memberships: 0, invitations: 0 };
  return repo.repointPeople(tx, networkId, fromIds, toId);
}
