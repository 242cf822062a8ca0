import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
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
import type { ListFilter } from '../../../contracts/contacts.js';
import {
  consentChannels,
  consentPurposes,
  institutionTypes,
  type personSources,
} from '../../../contracts/contacts.js';
import { fieldOfAction } from '../contract/contract.tables.js';
import { createdAt, networkRef, updatedAt, userRef } from '../networks/networks.tables.js';
import { municipality } from '../structure/structure.tables.js';

/*
 * The network's address book (Netzwerk): institutions, people with their functions at institutions,
 * consents, distribution lists and imports. Committee members, guests and office staff are people of
 * this book too: their records point here (committee_member.person_id, guest.person_id, person.user_id).
 */

/** PostgreSQL's tsvector; drizzle has no column type of its own for it. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Search: `search_text` is the record's words folded by fold() (lower case, ä→ae, ß→ss, accents off),
 * written by the repository on every change; the vector is generated from it with the 'simple'
 * configuration, so prefix queries ("muel:*") find Müller, Mueller and MÜLLER as one types.
 */
const searchColumns = () => ({
  searchText: text('search_text').notNull().default(''),
  searchVector: tsvector('search_vector').generatedAlwaysAs(
    sql`to_tsvector('simple'::regconfig, search_text)`,
  ),
});

/** A source of a record: typed in, imported (file and row), a registration, or linked from elsewhere. */
export type RecordSource = {
  kind: (typeof personSources)[number];
  importId?: string;
  file?: string;
  row?: number;
};

/** A school, Kita, company, chamber … of the region. Never deleted while people point at it: archived. */
export const institution = pgTable(
  'institution',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    name: text('name').notNull(),
    type: text('type', { enum: institutionTypes }).notNull(),
    // Schools: the 6-digit NRW school number, the school type and the operator (a municipality of the
    // network, by its key).
    schoolNumber: text('school_number'),
    schoolType: text('school_type'),
    operatorId: uuid('operator_id').references(() => municipality.id),
    street: text('street').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    place: text('place').notNull().default(''),
    // The municipality of the network the institution is in (lists filter by it).
    municipalityId: uuid('municipality_id').references(() => municipality.id),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    notes: text('notes').notNull().default(''),
    source: jsonb('source').$type<RecordSource>().notNull().default({ kind: 'entered' }),
    // Demo records are invented and say so.
    example: boolean('example').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...searchColumns(),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('institution_network_idx').on(t.networkId),
    uniqueIndex('institution_school_number_idx')
      .on(t.networkId, t.schoolNumber)
      .where(sql`school_number is not null and archived_at is null`),
    index('institution_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * A person of the network: multiplier, institutional representative, committee member, guest or office
 * staff: one record each. Erasure anonymises the row (erased_at set, personal fields emptied) so counts
 * that refer to it stay true.
 */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    salutation: text('salutation', { enum: ['Frau', 'Herr', 'divers', 'none'] })
      .notNull()
      .default('none'),
    title: text('title').notNull().default(''),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes').notNull().default(''),
    multiplier: boolean('multiplier').notNull().default(false),
    multiplierTopics: jsonb('multiplier_topics').$type<string[]>().notNull().default([]),
    legalBasis: text('legal_basis', { enum: ['public_task', 'consent'] })
      .notNull()
      .default('public_task'),
    source: jsonb('source').$type<RecordSource>().notNull().default({ kind: 'entered' }),
    // The person's account, when they have one (office staff, members and guests who sign in).
    userId: userRef('user_id'),
    example: boolean('example').notNull().default(false),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    // Merged into another record (duplicates): this one is kept, emptied, pointing at the survivor.
    mergedInto: uuid('merged_into'),
    // Last time the person took part in something (registration, meeting, list mail): retention counts from it.
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...searchColumns(),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('person_network_idx').on(t.networkId),
    index('person_email_idx').on(t.networkId, t.email),
    index('person_user_idx').on(t.networkId, t.userId),
    index('person_search_idx').using('gin', t.searchVector),
  ],
);

/** A person works at an institution with a function (Schulleitung, StuBO, Geschäftsführung …). */
export const affiliation = pgTable(
  'affiliation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    function: text('function').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('affiliation_person_idx').on(t.personId),
    index('affiliation_institution_idx').on(t.institutionId),
  ],
);

/** The fields of action a person works in. */
export const personField = pgTable(
  'person_field',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    fieldId: uuid('field_id')
      .notNull()
      .references(() => fieldOfAction.id),
  },
  (t) => [primaryKey({ columns: [t.personId, t.fieldId] }), index('person_field_field_idx').on(t.fieldId)],
);

/**
 * A consent (Einwilligung) as given: what, when, how and the wording's version. Never overwritten: a
 * withdrawal fills withdrawn_at/-via of the row; giving it again is a new row.
 */
export const consent = pgTable(
  'consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: consentPurposes }).notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    givenVia: text('given_via', { enum: consentChannels }).notNull(),
    // The version of the consent text the person agreed to, e.g. "Verteiler 2026-01".
    textVersion: text('text_version').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnVia: text('withdrawn_via', { enum: consentChannels }),
    recordedBy: userRef('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('consent_person_idx').on(t.personId, t.purpose)],
);

/**
 * A distribution list (Verteiler): static (chosen people, distribution_list_member) or dynamic (a saved
 * filter, evaluated when used). A list that needs consent mails only people with a current 'mailing'
 * consent; the others (invitations of institutional representatives) rest on the public task.
 */
export const distributionList = pgTable(
  'distribution_list',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: ['static', 'dynamic'] }).notNull(),
    filter: jsonb('filter').$type<ListFilter>(),
    needsConsent: boolean('needs_consent').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('distribution_list_name_idx').on(t.networkId, t.name)],
);

export const distributionListMember = pgTable(
  'distribution_list_member',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => distributionList.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    addedBy: userRef('added_by'),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.personId] }),
    index('distribution_list_member_person_idx').on(t.personId),
  ],
);

/** An import of a spreadsheet: who, when, which file, what came of it (people's source points here). */
export const contactImport = pgTable(
  'contact_import',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    fileName: text('file_name').notNull(),
    // Counts and the rejected rows, as the preview showed them.
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('contact_import_network_idx').on(t.networkId)],
);
