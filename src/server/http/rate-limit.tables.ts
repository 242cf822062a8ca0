import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Request counters per route and client address for anonymous writes (http/rate-limit.ts). In the
 * database rather than in memory so that several app instances count together. The address is kept
 * only as a hash, and a row is deleted once its window has passed.
 */
export const rateLimitBucket = pgTable(
  'rate_limit_bucket',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_bucket_reset_at_idx').on(t.resetAt)],
);
