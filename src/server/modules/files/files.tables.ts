import {
  bigint,
  customType,
  index,
  integer,
  pgSchema,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';
import { network } from '../networks/networks.tables.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

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

/**
 * File contents when the installation runs on PostgreSQL (files.storage.ts, databaseStorage): every
 * app instance reads the same bytes. In a schema of its own so that backups (which copy schema public
 * row by row) take the contents through the storage, once, like files in a directory, and a backup
 * restores into either kind of storage. Empty on the embedded database, whose files live in
 * DATA_DIR/files.
 */
export const fileStore = pgSchema('file_store');

export const fileChunk = fileStore.table(
  'file_chunk',
  {
    storageKey: text('storage_key').notNull(),
    idx: integer('idx').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storageKey, t.idx] })],
);
