import type { StoredFile } from '../../../contracts/files';
import type { NetworkDetail, NetworkUpdate } from '../../../contracts/networks';
import type { MunicipalitiesInput, Municipality, NetworkStructure } from '../../../contracts/structure';
import { get, patch, post, put } from '../../lib/api';

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

/** The network's bodies, municipalities and team (the settings page lists the municipalities). */
export const structureQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'structure'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<NetworkStructure>(`/networks/${networkId}/structure`, signal),
});
/** Replaces the whole list: same key renamed, new keys added, missing ones removed. */
export const saveMunicipalities = (
  networkId: string,
  municipalities: MunicipalitiesInput['municipalities'],
) => put<Municipality[]>(`/networks/${networkId}/structure/municipalities`, { municipalities });
