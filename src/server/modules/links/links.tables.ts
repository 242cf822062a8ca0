import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';
import { person } from '../contacts/contacts.tables.js';
import { eventInvitee, registration } from '../events/events.tables.js';
import { invitation, network } from '../networks/networks.tables.js';
import { committeeMember, meetingRecipient, procedureVote } from '../steering/steering.tables.js';

/**
 * A personal link (meeting reply, written-procedure vote, calendar subscription, account invitation). Only the hash of its
 * token is stored, and the token is minted when the mail carrying it is delivered: the outbox holds a
 * placeholder, so neither the Postausgang nor a backup contains a usable link. Whether a link still
 * works follows from what it points at (meeting over, deadline passed, term ended) or its revocation.
 */
export const personalLink = pgTable(
  'personal_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    purpose: text('purpose', {
      enum: [
        'meeting_reply',
        'procedure_vote',
        'calendar',
        'account_invitation',
        'work_calendar',
        'consent_withdrawal',
        'event_invitation',
        'registration',
      ],
    }).notNull(),
    // Null until the mail carrying the link is delivered (or the owner creates it on their page).
    tokenHash: text('token_hash').unique(),
    recipientId: uuid('recipient_id').references(() => meetingRecipient.id, { onDelete: 'cascade' }),
    voteId: uuid('vote_id').references(() => procedureVote.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => committeeMember.id, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id').references(() => invitation.id, { onDelete: 'cascade' }),
    // A person's own link (the office desk's calendar feed of due dates).
    userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
    // A person's link in a mail sent from a distribution list ("keine weiteren E-Mails").
    personId: uuid('person_id').references(() => person.id, { onDelete: 'cascade' }),
    // An invitation to an event (register with the details prefilled) and a registration's own link
    // (change, cancel, accept an offered place, the check-in code).
    inviteeId: uuid('invitee_id').references(() => eventInvitee.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id').references(() => registration.id, { onDelete: 'cascade' }),
    // Links that follow from nothing else expire by date (consent withdrawal: a year after the mail).
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('personal_link_recipient_idx').on(t.recipientId),
    index('personal_link_vote_idx').on(t.voteId),
    index('personal_link_member_idx').on(t.memberId),
    index('personal_link_invitation_idx').on(t.invitationId),
    index('personal_link_user_idx').on(t.userId),
    index('personal_link_person_idx').on(t.personId),
    index('personal_link_invitee_idx').on(t.inviteeId),
    index('personal_link_registration_idx').on(t.registrationId),
  ],
);
