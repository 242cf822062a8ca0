import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';
import { network } from '../networks/networks.tables.js';

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
