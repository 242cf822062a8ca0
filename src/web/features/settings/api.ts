import type { StoredFile } from '../../../contracts/files';
import type { NetworkDetail, NetworkUpdate } from '../../../contracts/networks';
import { get, patch, post } from '../../lib/api';

export const networkQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'detail'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => get<NetworkDetail>(`/networks/${networkId}`, signal),
});
export const updateNetwork = (networkId: string, body: NetworkUpdate) =>
  patch<NetworkDetail>(`/networks/${networkId}`, body);
export const createNetwork = (body: { name: string; regionKey: string }) =>
  post<NetworkDetail>('/networks', body);

/** The network's image files, the candidates for the letterhead logo. */
export const imageFilesQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'files', 'images'] as const,
  queryFn: async ({ signal }: { signal: AbortSignal }) =>
    (await get<StoredFile[]>(`/networks/${networkId}/files`, signal)).filter((f) =>
      ['image/png', 'image/jpeg'].includes(f.mimeType),
    ),
});
