import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';
import { network } from '../networks/networks.tables.js';
import { decision } from '../steering/steering.tables.js';

/** Public pages the office edits: imprint, privacy notice, accessibility statement (BITV NRW). */
export const publicPage = pgTable(
  'public_page',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['imprint', 'privacy', 'accessibility'] }).notNull(),
    body: text('body').notNull(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('public_page_kind_idx').on(t.networkId, t.kind)],
);

/**
 * What the public site says about its provider and whether it is shown at all. The provider fields fill
 * the imprint (§ 5 DDG, § 18 Abs. 2 MStV), the privacy notice and the "Kontakt" of the network page.
 * No row, or `published` false: the public gets 404 for the network and its pages.
 */
export const publicSite = pgTable('public_site', {
  networkId: uuid('network_id')
    .primaryKey()
    .references(() => network.id, { onDelete: 'cascade' }),
  published: boolean('published').notNull().default(false),
  description: text('description').notNull().default(''),
  provider: text('provider').notNull().default(''),
  street: text('street').notNull().default(''),
  postalCode: text('postal_code').notNull().default(''),
  city: text('city').notNull().default(''),
  phone: text('phone').notNull().default(''),
  representative: text('representative').notNull().default(''),
  responsible: text('responsible').notNull().default(''),
  dataProtectionOfficer: text('data_protection_officer').notNull().default(''),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Decisions the office marked for the public page (the committee asked for them to be published). */
export const publicDecision = pgTable('public_decision', {
  decisionId: uuid('decision_id')
    .primaryKey()
    .references(() => decision.id, { onDelete: 'cascade' }),
  networkId: uuid('network_id')
    .notNull()
    .references(() => network.id, { onDelete: 'cascade' }),
  markedBy: text('marked_by').references(() => user.id, { onDelete: 'set null' }),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
});
