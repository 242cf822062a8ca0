import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only trail of every change to a domain record. A database trigger (migration 0001) refuses
 * UPDATE and DELETE, so not even the application can rewrite history.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    networkId: uuid('network_id'),
    actorUserId: text('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_network_at_idx').on(t.networkId, t.at),
    // The log is read newest first per network; without this the newest entries of all networks are
    // walked through the primary key until 50 of this one turn up.
    index('audit_network_seq_idx').on(t.networkId, t.seq),
    index('audit_network_type_idx').on(t.networkId, t.entityType),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);
