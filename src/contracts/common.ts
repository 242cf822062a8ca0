import { z } from 'zod';

export const Roles = ['admin', 'office', 'committee', 'guest', 'partner'] as const;
export const Role = z.enum(Roles);
export type Role = z.infer<typeof Role>;

/** What a user may do in a network; computed by the server's policy and sent to the UI. */
export const Permissions = [
  'network.manage',
  'members.read',
  'members.manage',
  'audit.read',
  'outbox.read',
  'outbox.manage',
  'files.read',
  'files.write',
  'contract.read',
  'contract.manage',
  'public.manage',
  'meetings.read',
  'steering.read',
  'steering.manage',
  'work.read',
  'work.manage',
  'contacts.read',
  'contacts.manage',
  'events.read',
  'events.manage',
  'events.recommend',
  'surveys.read',
  'surveys.manage',
] as const;
export const Permission = z.enum(Permissions);
export type Permission = z.infer<typeof Permission>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const NetworkParams = z.object({ networkId: z.uuid({ error: 'Unbekanntes Bildungsnetzwerk.' }) });

export const Email = z
  .email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' })
  .max(254)
  .transform((s) => s.trim().toLowerCase());
export const PersonName = z
  .string()
  .trim()
  .min(2, { error: 'Bitte geben Sie einen Namen mit mindestens 2 Zeichen an.' })
  .max(200);
export const Password = z
  .string()
  .min(10, { error: 'Das Passwort muss mindestens 10 Zeichen lang sein.' })
  .max(128, { error: 'Das Passwort darf höchstens 128 Zeichen lang sein.' });
/** Official regional key: 2 (Land) to 12 digits; 05958 is the Hochsauerlandkreis. */
export const RegionKey = z
  .string()
  .trim()
  .regex(/^[0-9]{2,12}$/, { error: 'Der Regionalschlüssel besteht aus 2 bis 12 Ziffern, z. B. 05958.' });
export const NetworkName = z
  .string()
  .trim()
  .min(3, { error: 'Bitte geben Sie einen Namen mit mindestens 3 Zeichen an.' })
  .max(200);

/**
 * Keyset pagination for lists that grow without bound: `?limit=&after=<id of the last item seen>`;
 * the answer carries the cursor of the next page, or null on the last one.
 */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.uuid({ error: 'Der Seitenzeiger (after) ist ungültig. Laden Sie die Liste neu.' }).optional(),
});
export type PageQuery = z.input<typeof PageQuery>;
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.uuid().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };
