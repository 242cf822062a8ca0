import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';

/** A Regional Education Network: the tenant every domain row belongs to. */
export const network = pgTable(
  'network',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // Official regional key (Amtlicher Regionalschlüssel) of the county or city, e.g. 05958.
    regionKey: text('region_key').notNull(),
    requireSecondFactor: boolean('require_second_factor').notNull().default(false),
    // Address of the public network page: /netzwerk/<slug>.
    slug: text('slug').unique(),
    // Where the public's feedback goes (accessibility statement, contact form).
    contactEmail: text('contact_email'),
    // The logo on the letterhead of minutes: a PNG or JPEG among the network's files (checked by the
    // service; no foreign key, as stored_file already refers to network).
    logoFileId: uuid('logo_file_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('network_region_key_format', sql`${t.regionKey} ~ '^[0-9]{2,12}$'`)],
);

export const membership = pgTable(
  'membership',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'office', 'committee', 'guest', 'partner'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // When the person last opened a page of this network: after sign-in they land in the latest one.
    lastOpenedAt: timestamp('last_opened_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.userId] }), index('membership_user_idx').on(t.userId)],
);

/**
 * An invitation to an account in a network. Its link is a personal_link (purpose account_invitation):
 * minted when the mail leaves or when the administration shows it, stored only as a hash.
 */
export const invitation = pgTable(
  'invitation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'office', 'committee', 'guest', 'partner'] }).notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'revoked'] })
      .notNull()
      .default('pending'),
    invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    index('invitation_network_idx').on(t.networkId),
    uniqueIndex('invitation_pending_email_idx')
      .on(t.networkId, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Operators of the installation: may create further networks. The first administrator is one. */
export const platformAdmin = pgTable('platform_admin', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/*
 * The columns every module's domain tables share: the tenant (deleted with its network), when a row was
 * made and last changed, and who did it (kept when the account goes).
 */
export const networkRef = () =>
  uuid('network_id')
    .notNull()
    .references(() => network.id, { onDelete: 'cascade' });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const userRef = (name: string) => text(name).references(() => user.id, { onDelete: 'set null' });
