import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type MailAttachment = {
  filename: string;
  contentType: string;
  contentBase64: string;
  method?: string;
};

/**
 * Transactional outbox: a mail is written in the same transaction as what caused it and sent later by
 * the worker. Without SMTP it stays here, readable in the "Postausgang", so nothing is lost.
 */
export const outboxMail = pgTable(
  'outbox_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id'),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    // Mails of the sign-in flow (reset, invitation) carry secrets: the Postausgang shows them only to
    // installation operators, never to a network's staff.
    sensitive: boolean('sensitive').notNull().default(false),
    // The mail's link was never stored (password reset): the stored text says "[persönlicher Link]",
    // only the one attempt made at once could carry the link, and there is no retry.
    linkNotStored: boolean('link_not_stored').notNull().default(false),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_status_next_idx').on(t.status, t.nextAttemptAt),
    index('outbox_network_idx').on(t.networkId),
    // Start: how many of a network's mails failed, without reading the outbox.
    index('outbox_network_status_idx').on(t.networkId, t.status),
  ],
);
