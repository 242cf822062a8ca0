import type { FileVisibility, StoredFile } from '../../../contracts/files';
import { api, del, get, patch } from '../../lib/api';

export const filesQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'files'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => get<StoredFile[]>(`/networks/${networkId}/files`, signal),
});

/** The server reads `visibility` before the file stream, so it must come first in the form. */
export function uploadFile(networkId: string, file: File, visibility: FileVisibility) {
  const fd = new FormData();
  fd.append('visibility', visibility);
  fd.append('file', file, file.name);
  return api<StoredFile>(`/networks/${networkId}/files`, { method: 'POST', body: fd });
}

export const setVisibility = (networkId: string, fileId: string, visibility: FileVisibility) =>
  patch<StoredFile>(`/networks/${networkId}/files/${fileId}`, { visibility });

export const deleteFile = (networkId: string, fileId: string) =>
  del(`/networks/${networkId}/files/${fileId}`);

export const contentUrl = (networkId: string, fileId: string) =>
  `/api/networks/${networkId}/files/${fileId}/content`;
export const publicUrl = (fileId: string) => `/api/public/files/${fileId}`;
