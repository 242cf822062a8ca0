import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { committeeMember, guest, meeting, meetingRecipient } from './steering.tables.js';

/*
 * What the steering committee holds about a person of the address book: for the access export and
 * for erasure (privacy part of the contacts module).
 */

/** The person's committee memberships (erasure is refused while there is one). */
export async function committeeMembershipsOf(db: Db, networkId: string, personId: string) {
  return db
    .select({
      name: committeeMember.name,
      side: committeeMember.side,
      function: committeeMember.function,
      institution: committeeMember.institution,
      termFrom: committeeMember.termFrom,
      termTo: committeeMember.termTo,
    })
    .from(committeeMember)
    .where(and(eq(committeeMember.networkId, networkId), eq(committeeMember.personId, personId)));
}

/** The person's guest invitations to meetings. */
export async function guestInvitationsOf(db: Db, networkId: string, personId: string) {
  return db
    .select({
      id: guest.id,
      name: guest.name,
      email: guest.email,
      topic: guest.topic,
      present: guest.present,
      meetingTitle: meeting.title,
      startsAt: meeting.startsAt,
    })
    .from(guest)
    .innerJoin(meeting, eq(meeting.id, guest.meetingId))
    .where(and(eq(guest.networkId, networkId), eq(guest.personId, personId)));
}

/**
 * Erasure: the person's guest rows and their invitations' recipient rows keep existing (a meeting
 * still had its guests, counts stay true) but lose name and address. Returns what they held, so the
 * caller can take the same strings out of mails and audit entries.
 */
export async function anonymiseGuestsOf(tx: Db, networkId: string, personId: string, erasedName: string) {
  const guests = await tx
    .select({ id: guest.id, name: guest.name, email: guest.email })
    .from(guest)
    .where(and(eq(guest.networkId, networkId), eq(guest.personId, personId)));
  const guestIds = guests.map((g) => g.id);
  if (guestIds.length === 0)
    return { guestIds, recipientIds: [] as string[], names: [] as string[], emails: [] as string[] };
  const recipients = await tx
    .select({ id: meetingRecipient.id, name: meetingRecipient.name, email: meetingRecipient.email })
    .from(meetingRecipient)
    .where(inArray(meetingRecipient.guestId, guestIds));
  await tx
    .update(guest)
    .set({ name: erasedName, email: null, userId: null })
    .where(inArray(guest.id, guestIds));
  await tx
    .update(meetingRecipient)
    .set({ name: erasedName, email: null })
    .where(inArray(meetingRecipient.guestId, guestIds));
  const all = [...guests, ...recipients];
  return {
    guestIds,
    recipientIds: recipients.map((r) => r.id),
    names: all.map((r) => r.name),
    emails: all.flatMap((r) => (r.email ? [r.email] : [])),
  };
}
