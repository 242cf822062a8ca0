import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';
import { network } from '../networks/networks.tables.js';

export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha512: text('sha512').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    // public: anyone, also without an account; members: admin, office, committee; office: admin, office.
    visibility: text('visibility', { enum: ['public', 'members', 'office'] }).notNull(),
    uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Files are never hard-deleted by a user: "nothing lost, ever". Deleted files leave the lists.
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('stored_file_network_idx').on(t.networkId)],
);
