import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { committeeMember, guest, meeting, meetingRecipient } from './steering.tables.js';

/* What the steering committee holds about a person of the address book. Drizzle only. */

export async function membershipsOfPerson(db: Db, networkId: string, personId: string) {
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

export async function invitationsOfPerson(db: Db, networkId: string, personId: string) {
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

export async function guestRowsOfPerson(db: Db, networkId: string, personId: string) {
  return db
    .select({ id: guest.id, name: guest.name, email: guest.email })
    .from(guest)
    .where(and(eq(guest.networkId, networkId), eq(guest.personId, personId)));
}

export async function recipientsOfGuests(db: Db, guestIds: string[]) {
  return db
    .select({ id: meetingRecipient.id, name: meetingRecipient.name, email: meetingRecipient.email })
    .from(meetingRecipient)
    .where(inArray(meetingRecipient.guestId, guestIds));
}

/** Guest rows and their recipient rows lose name and address (the rows stay: counts stay true). */
export async function renameGuests(tx: Db, guestIds: string[], name: string) {
  await tx.update(guest).set({ name, email: null, userId: null }).where(inArray(guest.id, guestIds));
  await tx
    .update(meetingRecipient)
    .set({ name, email: null })
    .where(inArray(meetingRecipient.guestId, guestIds));
}

/** Memberships and invitations of merged records point at the record that is kept. */
export async function repointPeople(tx: Db, networkId: string, fromIds: string[], toId: string) {
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
