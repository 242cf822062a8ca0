import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { network } from '../networks/networks.tables.js';

/** The three bodies of a network (§ 78a SchulG NRW): office, steering committee, conference. */
export const networkBody = pgTable(
  'network_body',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['office', 'steering_committee', 'conference'] }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
  },
  (t) => [uniqueIndex('network_body_kind_idx').on(t.networkId, t.kind)],
);

/** Municipalities of the region by official key (8 digits for a municipality, e.g. 05958032 Meschede). */
export const municipality = pgTable(
  'municipality',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    regionKey: text('region_key').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('municipality_key_idx').on(t.networkId, t.regionKey)],
);

/** The office team as the public and partners reach it: function, name, phone. */
export const teamContact = pgTable(
  'team_contact',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    function: text('function').notNull(),
    name: text('name'),
    phone: text('phone'),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('team_contact_network_idx').on(t.networkId)],
);
