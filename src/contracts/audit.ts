import { z } from 'zod';
import { Day } from './contract.js';

export const AuditQuery = z.object({
  entityType: z.string().max(100).optional(),
  action: z.enum(['create', 'update', 'delete']).optional(),
  actor: z.string().max(200).optional(),
  from: Day.optional(),
  to: Day.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset: entries older than this sequence number (the previous page's nextCursor); page is then ignored. */
  after: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;
export type AuditFilter = z.output<typeof AuditQuery>;

export const AuditEntry = z.object({
  seq: z.number(),
  at: z.iso.datetime({ offset: true }),
  actorName: z.string().nullable(),
  action: z.enum(['create', 'update', 'delete']),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  total: z.number(),
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: z.number().nullable(),
  entityTypes: z.array(z.string()),
});
export type AuditPage = z.infer<typeof AuditPage>;
