import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { retentionRecordTypes } from '../../../contracts/contacts-privacy.js';
import { networkRef, updatedAt, userRef } from '../networks/networks.tables.js';

/**
 * Retention periods per network and record type (months). A missing row means the default of
 * privacy.rules.ts applies.
 */
export const retentionRule = pgTable(
  'retention_rule',
  {
    networkId: networkRef(),
    recordType: text('record_type', { enum: retentionRecordTypes }).notNull(),
    months: integer('months').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.recordType] })],
);

/**
 * A record whose retention period has passed, offered to the archive by the clean-up job. It may be
 * deleted only after it was exported for the archive or the archive was explicitly declined. No
 * personal data here: the label is read from the record when shown.
 */
export const retentionCase = pgTable(
  'retention_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: networkRef(),
    recordType: text('record_type', { enum: retentionRecordTypes }).notNull(),
    recordId: uuid('record_id').notNull(),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull().defaultNow(),
    exportedAt: timestamp('exported_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    decidedBy: userRef('decided_by'),
    // Deleted (erased) or found no longer due: the case is closed and kept as evidence.
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // One open offer per record: two job runs (or two instances) never offer a record twice.
    uniqueIndex('retention_case_open_idx')
      .on(t.networkId, t.recordType, t.recordId)
      .where(sql`closed_at is null`),
    index('retention_case_network_idx').on(t.networkId),
  ],
);
