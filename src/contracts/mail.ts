import { z } from 'zod';

export const OutboxStatus = z.enum(['pending', 'sent', 'failed']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;
export const OutboxQuery = z.object({ status: OutboxStatus.optional() });

export const OutboxMailSummary = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  status: OutboxStatus,
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
  attachmentNames: z.array(z.string()),
});
export type OutboxMailSummary = z.infer<typeof OutboxMailSummary>;

export const OutboxMailDetail = OutboxMailSummary.extend({ textBody: z.string() });
export type OutboxMailDetail = z.infer<typeof OutboxMailDetail>;

export const OutboxList = z.object({ items: z.array(OutboxMailSummary), smtpConfigured: z.boolean() });
export type OutboxList = z.infer<typeof OutboxList>;

export const OutboxParams = z.object({ networkId: z.uuid(), mailId: z.uuid() });
