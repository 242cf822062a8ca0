import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type AccessibilityFeature,
  eventStatuses,
  eventTypes,
  placeStatuses,
  recommendationStatuses,
  resourceKinds,
  sessionKinds,
  speakerStatuses,
  type TargetGroup,
} from '../../../contracts/events.js';
import { distributionList, person } from '../contacts/contacts.tables.js';
import { fieldOfAction } from '../contract/contract.tables.js';
import { storedFile } from '../files/files.tables.js';
import { outboxMail } from '../mail/mail.tables.js';
import { createdAt, networkRef, updatedAt, userRef } from '../networks/networks.tables.js';
import { agendaItem, decision } from '../steering/steering.tables.js';

/*
 * Veranstaltungen: network meetings, staff meetings, specialist days, workshops and the yearly
 * Bildungskonferenz. An event has a planning checklist, bookings of rooms and media, a programme of
 * sessions with speakers, invitations, registrations with waiting lists, check-in, documentation and
 * recommendations. Surveys (Evaluation) live in the surveys module and may point at an event.
 */

const version = () => integer('version').notNull().default(1);
const at = (name: string) => timestamp(name, { withTimezone: true });

/** An event. Times are instants (timestamptz), shown in Europe/Berlin. */
export const event = pgTable(
  'event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    type: text('type', { enum: eventTypes }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: at('starts_at').notNull(),
    // Several days: the end is on a later day.
    endsAt: at('ends_at').notNull(),
    venue: text('venue').notNull().default(''),
    venueAddress: text('venue_address').notNull().default(''),
    targetGroups: jsonb('target_groups').$type<TargetGroup[]>().notNull().default([]),
    // The office member organising it, and a free-text organiser as the public reads it.
    organizerId: userRef('organizer_id'),
    organizer: text('organizer').notNull().default(''),
    // Public events appear on the network page, its calendar feed and have a public registration page;
    // internal ones are seen by the office and the committee only.
    public: boolean('public').notNull().default(false),
    status: text('status', { enum: eventStatuses }).notNull().default('planned'),
    // Places for the whole event (null: no limit) and the last moment to register.
    capacity: integer('capacity'),
    registrationDeadline: at('registration_deadline'),
    // How long a freed place offered to the next on the waiting list stays valid.
    offerHours: integer('offer_hours').notNull().default(48),
    // The committee decision that approved the programme (the conference records it).
    approvedByDecisionId: uuid('approved_by_decision_id').references(() => decision.id),
    // Documentation of the whole event; published on the public page when the event is public.
    documentation: text('documentation').notNull().default(''),
    documentationPublishedAt: at('documentation_published_at'),
    // GDPR: personal data of registrations is anonymised after the retention period; counts stay.
    anonymisedAt: at('anonymised_at'),
    // Demo records are invented and say so.
    example: boolean('example').notNull().default(false),
    cancelledAt: at('cancelled_at'),
    version: version(),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('event_network_idx').on(t.networkId, t.startsAt)],
);

/** The fields of action an event belongs to. */
export const eventField = pgTable(
  'event_field',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    fieldId: uuid('field_id')
      .notNull()
      .references(() => fieldOfAction.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.fieldId] })],
);

/**
 * The office's own checklist template per event type (when a network has none for a type, the built-in
 * defaults of checklist.rules.ts apply). `offsetDays` counts from the event's first day (negative:
 * before) or, with anchor 'end', from its last day.
 */
export const checklistTemplateStep = pgTable(
  'checklist_template_step',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    eventType: text('event_type', { enum: eventTypes }).notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    offsetDays: integer('offset_days').notNull(),
    anchor: text('anchor', { enum: ['start', 'end'] })
      .notNull()
      .default('start'),
    createdAt: createdAt(),
  },
  (t) => [index('checklist_template_network_idx').on(t.networkId, t.eventType, t.position)],
);

/** A preparation or follow-up step of one event, with its due day and assignee. */
export const eventTask = pgTable(
  'event_task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    assigneeId: userRef('assignee_id'),
    doneAt: at('done_at'),
    doneBy: userRef('done_by'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_task_event_idx').on(t.eventId, t.position),
    index('event_task_due_idx').on(t.networkId, t.dueOn),
  ],
);

/** A room or a piece of media the office books (Räume & Technik). */
export const resource = pgTable(
  'resource',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    kind: text('kind', { enum: resourceKinds }).notNull(),
    name: text('name').notNull(),
    // Where it is (building, address) or where a device is kept.
    location: text('location').notNull().default(''),
    capacity: integer('capacity'),
    accessibility: jsonb('accessibility').$type<AccessibilityFeature[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    archivedAt: at('archived_at'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('resource_network_idx').on(t.networkId, t.kind)],
);

/** A session of an event's programme: plenary, workshop, forum or break, in a time slot. */
export const eventSession = pgTable(
  'event_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: sessionKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    // The room booked for it (a resource), or a free-text place.
    roomId: uuid('room_id').references(() => resource.id),
    place: text('place').notNull().default(''),
    // Places in the session (null: as many as the event has).
    capacity: integer('capacity'),
    fieldId: uuid('field_id').references(() => fieldOfAction.id),
    // Results of the session (documentation).
    documentation: text('documentation').notNull().default(''),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('event_session_event_idx').on(t.eventId, t.startsAt)],
);

/** A booking of a resource for an event (and optionally one session), for a time span. */
export const resourceBooking = pgTable(
  'resource_booking',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resource.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => eventSession.id, { onDelete: 'cascade' }),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    note: text('note').notNull().default(''),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('resource_booking_resource_idx').on(t.resourceId, t.startsAt)],
);

/** A speaker or facilitator of a session, from the address book, with the coordination status. */
export const sessionSpeaker = pgTable(
  'session_speaker',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => eventSession.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    role: text('role', { enum: ['speaker', 'facilitator'] })
      .notNull()
      .default('speaker'),
    status: text('status', { enum: speakerStatuses }).notNull().default('asked'),
    note: text('note').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('session_speaker_unique_idx').on(t.sessionId, t.personId)],
);

/** A mailing of invitations to an event: to a distribution list and/or chosen people. */
export const eventMailing = pgTable(
  'event_mailing',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['invitation', 'reminder', 'evaluation', 'message'] }).notNull(),
    listId: uuid('list_id').references(() => distributionList.id),
    subject: text('subject').notNull(),
    body: text('body').notNull().default(''),
    // queued → sending → sent; a mailing stopped half-way is picked up again and never sends twice.
    status: text('status', { enum: ['queued', 'sending', 'sent'] })
      .notNull()
      .default('queued'),
    // Who was left out when the mailing was made, by reason (already_invited, no_email, …).
    skipped: jsonb('skipped').$type<Record<string, number>>().notNull().default({}),
    // Mails written into the outbox so far (a reminder has no invitee rows of its own).
    sentCount: integer('sent_count').notNull().default(0),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('event_mailing_event_idx').on(t.eventId)],
);

/**
 * One invited person of an event: at most one row per event and person, so an invitation never goes
 * twice to the same person. `registrationId` is set when they register.
 */
export const eventInvitee = pgTable(
  'event_invitee',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => person.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    mailingId: uuid('mailing_id').references(() => eventMailing.id),
    mailId: uuid('mail_id').references(() => outboxMail.id, { onDelete: 'set null' }),
    invitedAt: at('invited_at'),
    remindedAt: at('reminded_at'),
    registrationId: uuid('registration_id'),
    declinedAt: at('declined_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('event_invitee_email_idx').on(t.eventId, t.email),
    index('event_invitee_person_idx').on(t.personId),
  ],
);

/**
 * A registration (Anmeldung) for an event. Personal data (names, e-mail, needs) is anonymised after the
 * retention period; the row and its status stay for the counts. Dietary and accessibility needs are
 * kept only with explicit consent (`needsConsentAt`).
 */
export const registration = pgTable(
  'registration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => person.id, { onDelete: 'set null' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    institution: text('institution').notNull().default(''),
    function: text('function').notNull().default(''),
    dietary: text('dietary'),
    accessibility: text('accessibility'),
    needsConsentAt: at('needs_consent_at'),
    photoConsent: boolean('photo_consent').notNull().default(false),
    // The place for the event itself.
    status: text('status', { enum: placeStatuses }).notNull(),
    // Order on the event's waiting list: the moment the person joined it.
    waitingSince: at('waiting_since'),
    offerExpiresAt: at('offer_expires_at'),
    walkIn: boolean('walk_in').notNull().default(false),
    checkedInAt: at('checked_in_at'),
    checkedInBy: userRef('checked_in_by'),
    source: text('source', { enum: ['public', 'invitation', 'office', 'walk_in'] }).notNull(),
    cancelledAt: at('cancelled_at'),
    anonymisedAt: at('anonymised_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('registration_event_idx').on(t.eventId, t.status),
    index('registration_person_idx').on(t.personId),
    // For the decision of a new registration's places under the event's lock (migration 0027): the
    // latest waiting moment and the same e-mail, each found without reading the event's registrations.
    index('registration_event_waiting_idx').on(t.eventId, t.waitingSince),
    index('registration_event_email_idx').on(t.eventId, sql`lower(${t.email})`),
  ],
);

/** A session chosen by a registration, by priority (1 = first choice), with its own place status. */
export const registrationChoice = pgTable(
  'registration_choice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registration.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => eventSession.id, { onDelete: 'cascade' }),
    priority: integer('priority').notNull(),
    status: text('status', { enum: placeStatuses }).notNull(),
    waitingSince: at('waiting_since'),
    offerExpiresAt: at('offer_expires_at'),
    attendedAt: at('attended_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('registration_choice_unique_idx').on(t.registrationId, t.sessionId),
    index('registration_choice_session_idx').on(t.sessionId, t.status),
    index('registration_choice_session_waiting_idx').on(t.sessionId, t.waitingSince),
  ],
);

/** A file or photo of an event's documentation (per session or for the whole event). */
export const eventDocumentFile = pgTable(
  'event_document_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => eventSession.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    kind: text('kind', { enum: ['file', 'photo'] }).notNull(),
    caption: text('caption').notNull().default(''),
    // A photo showing people is published only when those shown consented (the office confirms it).
    photoConsent: boolean('photo_consent').notNull().default(false),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('event_document_file_event_idx').on(t.eventId)],
);

/**
 * A recommendation (Empfehlung) of the conference or one of its sessions; agreed by the office and the
 * committee's content leads, then handed to the steering committee as an agenda item proposal.
 */
export const recommendation = pgTable(
  'recommendation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => eventSession.id, { onDelete: 'set null' }),
    fieldId: uuid('field_id').references(() => fieldOfAction.id),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    status: text('status', { enum: recommendationStatuses }).notNull().default('draft'),
    agreedAt: at('agreed_at'),
    agreedBy: userRef('agreed_by'),
    handedAt: at('handed_at'),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItem.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
    version: version(),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('recommendation_event_idx').on(t.eventId, t.position)],
);
