import { z } from 'zod';

export const FileVisibility = z.enum(['public', 'members', 'office']);
export type FileVisibility = z.infer<typeof FileVisibility>;

export const StoredFile = z.object({
  id: z.uuid(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha512: z.string(),
  visibility: FileVisibility,
  uploadedByName: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StoredFile = z.infer<typeof StoredFile>;

export const FileParams = z.object({ networkId: z.uuid(), fileId: z.uuid() });
export const FileUpdate = z.object({ visibility: FileVisibility });
