import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.tables.js';
import { network } from '../networks/networks.tables.js';

/**
 * The one link model of the trace (Verlauf): "this led to that", between any two things of a network.
 * Modules add links when they create something from something else (a decision → a work order, an
 * order → a report, a report → the meeting that took it); the trace walks them both ways. Node kinds
 * are open text so later modules (conference recommendations, events, documents) add their own.
 */
export const traceLink = pgTable(
  'trace_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id, { onDelete: 'cascade' }),
    fromKind: text('from_kind').notNull(),
    fromId: uuid('from_id').notNull(),
    toKind: text('to_kind').notNull(),
    toId: uuid('to_id').notNull(),
    // What the step was, in the trace's words: see TraceRelation in contracts/trace.ts.
    relation: text('relation').notNull(),
    // The day the step happened (the decision's day, the order's date, the meeting's day).
    on: timestamp('on', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trace_link_pair_idx').on(t.fromKind, t.fromId, t.toKind, t.toId, t.relation),
    index('trace_link_from_idx').on(t.networkId, t.fromKind, t.fromId),
    index('trace_link_to_idx').on(t.networkId, t.toKind, t.toId),
  ],
);
