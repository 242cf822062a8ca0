import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';
import { person } from '../contacts/contacts.tables.js';
import { fieldOfAction } from '../contract/contract.tables.js';
import { storedFile } from '../files/files.tables.js';
import { createdAt, networkRef } from '../networks/networks.tables.js';

/**
 * A membership of the steering committee (OParl Membership of a Person in the Organization). Never
 * deleted: a membership ends by its term, so the history stays answerable.
 */
export const committeeMember = pgTable(
  'committee_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    name: text('name').notNull(),
    email: text('email'),
    side: text('side', { enum: ['land', 'municipality', 'other', 'office'] }).notNull(),
    function: text('function').notNull().default(''),
    institution: text('institution').notNull().default(''),
    voting: boolean('voting').notNull(),
    termFrom: date('term_from', { mode: 'string' }).notNull(),
    termTo: date('term_to', { mode: 'string' }),
    // A deputy (Stellvertretung) is a member of its own, standing in for the principal named here.
    deputyOf: uuid('deputy_of'),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    // The member's record in the address book (one person, however many terms).
    personId: uuid('person_id').references(() => person.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('committee_member_network_idx').on(t.networkId),
    index('committee_member_person_idx').on(t.personId),
    // Start: which memberships are the signed-in person's own.
    index('committee_member_user_idx').on(t.networkId, t.userId),
  ],
);

/** A meeting of the steering committee (OParl Meeting). Times are instants, shown in Europe/Berlin. */
export const meeting = pgTable(
  'meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    onlineUrl: text('online_url'),
    status: text('status', {
      enum: ['planned', 'invited', 'held', 'minutes_drafted', 'minutes_approved', 'cancelled'],
    })
      .notNull()
      .default('planned'),
    cancelReason: text('cancel_reason'),
    // iCalendar: the UID stays, SEQUENCE counts the updates sent.
    icalUid: text('ical_uid').notNull().unique(),
    icalSequence: integer('ical_sequence').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('meeting_network_starts_idx').on(t.networkId, t.startsAt)],
);

/** An agenda item (OParl AgendaItem); its number (TOP) follows from the position. */
export const agendaItem = pgTable(
  'agenda_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['information', 'discussion', 'decision'] }).notNull(),
    decisionType: text('decision_type', {
      enum: ['goal', 'work_plan', 'work_order', 'recommendation', 'contract_amendment', 'procedural'],
    }),
    public: boolean('public').notNull().default(false),
    fieldId: uuid('field_id').references(() => fieldOfAction.id),
    proposal: text('proposal').notNull().default(''),
    presenter: text('presenter').notNull().default(''),
    durationMinutes: integer('duration_minutes'),
    status: text('status', { enum: ['open', 'decided', 'deferred', 'withdrawn', 'moved'] })
      .notNull()
      .default('open'),
    // When an item is moved to a later meeting, the new item points back to where it came from.
    movedFrom: uuid('moved_from'),
    // A procedural item approving the minutes of an earlier meeting.
    approvesMinutesOf: uuid('approves_minutes_of'),
    createdAt: createdAt(),
  },
  (t) => [index('agenda_item_meeting_idx').on(t.meetingId, t.position)],
);

/** A paper (Vorlage) of an agenda item; each upload of a new file is a version. */
export const paper = pgTable(
  'paper',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItem.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('paper_network_item_idx').on(t.networkId, t.itemId)],
);

export const paperVersion = pgTable(
  'paper_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    paperId: uuid('paper_id')
      .notNull()
      .references(() => paper.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('paper_version_idx').on(t.paperId, t.version)],
);

/** A guest (advisory) invited to a meeting, or to a single agenda item. */
export const guest = pgTable(
  'guest',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => agendaItem.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    topic: text('topic').notNull().default(''),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    // The guest's record in the address book.
    personId: uuid('person_id').references(() => person.id),
    present: boolean('present'),
    createdAt: createdAt(),
  },
  (t) => [
    index('guest_meeting_idx').on(t.meetingId),
    index('guest_network_idx').on(t.networkId),
    index('guest_person_idx').on(t.personId),
  ],
);

export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMember.id),
    status: text('status', { enum: ['present', 'represented', 'excused', 'absent'] }).notNull(),
    deputyId: uuid('deputy_id').references(() => committeeMember.id),
    // The member's own answer to the invitation, before the meeting.
    reply: text('reply', { enum: ['attending', 'deputy', 'excused'] }),
  },
  (t) => [uniqueIndex('attendance_member_idx').on(t.meetingId, t.memberId)],
);

/** One round of deciding an item's proposal; a blocked round is kept, the next one is reworked. */
export const decisionRound = pgTable(
  'decision_round',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItem.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    proposal: text('proposal').notNull(),
    outcome: text('outcome', { enum: ['taken', 'blocked'] }).notNull(),
    reason: text('reason'),
    // What became of a blocked proposal: reworked in the room, deferred, or withdrawn.
    resolution: text('resolution', { enum: ['reworked', 'deferred', 'withdrawn'] }),
    recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('decision_round_idx').on(t.itemId, t.round)],
);

export const position = pgTable(
  'position',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => decisionRound.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMember.id),
    // Set when a deputy stated the position for the member.
    castBy: uuid('cast_by').references(() => committeeMember.id),
    stance: text('stance', { enum: ['consent', 'stand_aside', 'objection'] }).notNull(),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('position_member_idx').on(t.roundId, t.memberId)],
);

/**
 * Advice on an item, given in a round: by a guest, a member without a vote, or office staff. Recorded
 * and shown, never counted. The speaker's name is kept as said in the room.
 */
export const advice = pgTable('advice', {
  id: uuid('id').primaryKey().defaultRandom(),
  networkId: networkRef(),
  itemId: uuid('item_id')
    .notNull()
    .references(() => agendaItem.id, { onDelete: 'cascade' }),
  roundId: uuid('round_id').references(() => decisionRound.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['guest', 'member', 'office'] })
    .notNull()
    .default('guest'),
  guestId: uuid('guest_id').references(() => guest.id),
  memberId: uuid('member_id').references(() => committeeMember.id),
  userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
  speakerName: text('speaker_name').notNull().default(''),
  text: text('text').notNull(),
  createdAt: createdAt(),
});

/** The decision register (Beschlusssammlung): numbered per network and year, e.g. LK-2026-07. */
export const decision = pgTable(
  'decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    itemId: uuid('item_id').references(() => agendaItem.id),
    roundId: uuid('round_id').references(() => decisionRound.id),
    type: text('type', {
      enum: ['goal', 'work_plan', 'work_order', 'recommendation', 'contract_amendment', 'procedural'],
    }).notNull(),
    fieldId: uuid('field_id').references(() => fieldOfAction.id),
    // The contract version the scope guard found in force on the decision's day.
    contractVersionId: uuid('contract_version_id'),
    title: text('title').notNull(),
    text: text('text').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'done'] })
      .notNull()
      .default('open'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('decision_number_idx').on(t.networkId, t.year, t.seq),
    index('decision_network_idx').on(t.networkId, t.decidedOn),
  ],
);

/**
 * Who was invited to a meeting and how they answered: members, deputies and guests, each with a
 * personal reply link. Persons without an e-mail address are kept too, for delivery by hand.
 */
export const meetingRecipient = pgTable(
  'meeting_recipient',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => committeeMember.id),
    guestId: uuid('guest_id').references(() => guest.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    sentSequence: integer('sent_sequence'),
    reply: text('reply', { enum: ['attending', 'deputy', 'excused'] }),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    // How the answer came: through the personal link, or by phone/paper and recorded by the office.
    replyChannel: text('reply_channel', { enum: ['link', 'phone', 'paper'] }),
    replyRecordedBy: text('reply_recorded_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_recipient_meeting_idx').on(t.meetingId),
    // Start: the invitations a member has not answered yet.
    index('meeting_recipient_member_idx').on(t.networkId, t.memberId),
  ],
);

/** Minutes (Niederschrift), versioned: every save is a new version; approved versions are frozen. */
export const minutesVersion = pgTable(
  'minutes_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'circulated', 'approved'] }).notNull(),
    body: text('body').notNull(),
    // The structured minutes (general parts, one section per agenda item, what was recorded);
    // null for versions written as one text before the structured editor existed.
    content: jsonb('content'),
    // Why a version after approval exists (a correction).
    reason: text('reason'),
    approvedByDecisionId: uuid('approved_by_decision_id').references(() => decision.id),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('minutes_version_idx').on(t.meetingId, t.version)],
);

/**
 * A member's request to correct circulated minutes (Korrekturwunsch), optionally on one agenda item;
 * the office takes it over into a new version or declines it, with a note either way.
 */
export const minutesRequest = pgTable(
  'minutes_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    // The circulated version the member read.
    version: integer('version').notNull(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMember.id),
    itemId: uuid('item_id').references(() => agendaItem.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    status: text('status', { enum: ['open', 'accepted', 'declined'] })
      .notNull()
      .default('open'),
    note: text('note'),
    decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('minutes_request_meeting_idx').on(t.meetingId),
    index('minutes_request_network_idx').on(t.networkId),
  ],
);

/** A written procedure (Umlaufverfahren) between meetings: silence is not consent. */
export const writtenProcedure = pgTable(
  'written_procedure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    title: text('title').notNull(),
    proposal: text('proposal').notNull(),
    decisionType: text('decision_type', {
      enum: ['goal', 'work_plan', 'work_order', 'recommendation', 'contract_amendment', 'procedural'],
    }).notNull(),
    fieldId: uuid('field_id').references(() => fieldOfAction.id),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'taken', 'not_taken'] })
      .notNull()
      .default('open'),
    outcomeReason: text('outcome_reason'),
    decisionId: uuid('decision_id').references(() => decision.id),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('written_procedure_open_idx').on(t.status, t.deadline),
    index('written_procedure_network_idx').on(t.networkId, t.createdAt),
    // Start: the open procedures of a network, the next deadline first.
    index('written_procedure_network_open_idx').on(t.networkId, t.status, t.deadline),
  ],
);

export const procedureVote = pgTable(
  'procedure_vote',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => writtenProcedure.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMember.id),
    stance: text('stance', { enum: ['consent', 'stand_aside', 'objection'] }),
    reason: text('reason'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    // Only the member answers through their link; an answer by phone or on paper is recorded by the
    // office under its own name.
    channel: text('channel', { enum: ['link', 'phone', 'paper'] }),
    recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('procedure_vote_member_idx').on(t.procedureId, t.memberId),
    // Start: a member's own votes across the network's procedures.
    index('procedure_vote_network_member_idx').on(t.networkId, t.memberId),
  ],
);

/**
 * A member's private note on an agenda item, written while preparing: only its author reads it, so it
 * is keyed by the invitation (the recipient), which both the personal link and the signed-in member reach.
 */
export const itemNote = pgTable(
  'item_note',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItem.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => meetingRecipient.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('item_note_recipient_item_idx').on(t.recipientId, t.itemId)],
);

/**
 * A question on an agenda item before the meeting (Rückfrage): asked by a member or guest, read by the
 * office and the other members, answered by the office.
 */
export const itemQuestion = pgTable(
  'item_question',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItem.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id').references(() => meetingRecipient.id, { onDelete: 'set null' }),
    askedByName: text('asked_by_name').notNull(),
    text: text('text').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredBy: text('answered_by').references(() => user.id, { onDelete: 'set null' }),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('item_question_meeting_idx').on(t.meetingId),
    index('item_question_open_idx').on(t.networkId, t.answeredAt),
  ],
);
