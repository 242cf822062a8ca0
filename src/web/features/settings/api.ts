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
