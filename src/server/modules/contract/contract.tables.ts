import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';
import { storedFile } from '../files/files.tables.js';
import { network } from '../networks/networks.tables.js';

export const partyKinds = ['land', 'municipality'] as const;
export const ownerKinds = ['land', 'school_operator', 'municipality', 'other'] as const;

/** The cooperation contract (Kooperationsvertrag) of a network with its two parties. */
export const contract = pgTable(
  'contract',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    // e.g. "Land Nordrhein-Westfalen, vertreten durch die Bezirksregierung Arnsberg"
    landPartyName: text('land_party_name').notNull(),
    // e.g. "Hochsauerlandkreis als Schulträger"
    municipalityPartyName: text('municipality_party_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contract_network_idx').on(t.networkId)],
);

/** Who signs for a party (e.g. the Regierungspräsident for the Land, the Landrat for the county). */
export const contractSignatory = pgTable(
  'contract_signatory',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contract.id, { onDelete: 'cascade' }),
    party: text('party', { enum: partyKinds }).notNull(),
    name: text('name').notNull(),
    function: text('function').notNull(),
  },
  (t) => [index('contract_signatory_contract_idx').on(t.contractId)],
);

/**
 * A version (Fassung) of the contract: the original or an amendment (Änderungsvereinbarung). A draft
 * takes effect only when both parties' consent is recorded; then it is frozen. Never overwritten.
 */
export const contractVersion = pgTable(
  'contract_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contract.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kind: text('kind', { enum: ['original', 'amendment'] }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['draft', 'in_force', 'withdrawn'] })
      .notNull()
      .default('draft'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    inForceAt: timestamp('in_force_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('contract_version_number_idx').on(t.contractId, t.number)],
);

export const contractSection = pgTable(
  'contract_section',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => contractVersion.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    heading: text('heading').notNull(),
    body: text('body').notNull(),
  },
  (t) => [uniqueIndex('contract_section_position_idx').on(t.versionId, t.position)],
);

export const contractAttachment = pgTable(
  'contract_attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => contractVersion.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id),
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contract_attachment_file_idx').on(t.versionId, t.fileId)],
);

/** A party's recorded consent to a version: who signed for which party, and when. One per party. */
export const contractConsent = pgTable(
  'contract_consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => contractVersion.id, { onDelete: 'cascade' }),
    party: text('party', { enum: partyKinds }).notNull(),
    signedBy: text('signed_by').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contract_consent_party_idx').on(t.versionId, t.party)],
);

/**
 * A field of action (Handlungsfeld). Joint from the date the version that introduced it took effect
 * until a later version in force ends it; before and after, it stays with its previous owner.
 */
export const fieldOfAction = pgTable(
  'field_of_action',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    goals: text('goals').notNull().default(''),
    previousOwner: text('previous_owner', { enum: ownerKinds }).notNull(),
    previousOwnerName: text('previous_owner_name'),
    introducedBy: uuid('introduced_by')
      .notNull()
      .references(() => contractVersion.id),
    endedBy: uuid('ended_by').references(() => contractVersion.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Names are unique among live fields only (a withdrawn draft's field may be proposed again): the
  // service checks that.
  (t) => [
    index('field_of_action_network_idx').on(t.networkId),
    check('field_of_action_end_differs', sql`${t.endedBy} IS NULL OR ${t.endedBy} <> ${t.introducedBy}`),
  ],
);

/**
 * Responsibility catalogue: who owns a matter that is not joint business (inner-school → Land,
 * outer-school → school operator, youth services → county/municipality, other → named).
 */
export const responsibility = pgTable(
  'responsibility',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    matter: text('matter').notNull(),
    category: text('category', { enum: ['inner_school', 'outer_school', 'youth', 'other'] }).notNull(),
    owner: text('owner', { enum: ownerKinds }).notNull(),
    ownerName: text('owner_name'),
    // A matter that falls under a field of action is joint whenever that field is.
    fieldId: uuid('field_id').references(() => fieldOfAction.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('responsibility_matter_idx').on(t.networkId, sql`lower(${t.matter})`)],
);
