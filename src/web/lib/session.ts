import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { Permission } from '../../contracts/common';
import type { Me, NetworkSummary } from '../../contracts/networks';
import { ApiError, get, put } from './api';

/** The signed-in user, or null when signed out (401). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }) => {
    try {
      return await get<Me>('/me', signal);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 30_000,
});

export const setupQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: ({ signal }) => get<{ needed: boolean }>('/setup', signal),
  staleTime: 60_000,
});

export const useMe = () => useQuery(meQuery).data ?? null;

export function useRefreshSession() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries();
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup' });
    await qc.fetchQuery(meQuery);
  };
}

/** The network named in the URL (/n/:networkId/...), as the user's membership knows it. */
export function useActiveNetwork(): NetworkSummary | null {
  const me = useMe();
  const params = useParams({ strict: false }) as { networkId?: string };
  if (!me || !params.networkId) return null;
  return me.networks.find((n) => n.id === params.networkId) ?? null;
}

export function useCan() {
  const network = useActiveNetwork();
  return (p: Permission) => network?.permissions.includes(p) ?? false;
}

/**
 * Tells the server that the person works in this network now: the next sign-in (and `/`) lands here,
 * on any device. Asked only when the network changes; a failure costs nothing but the convenience.
 */
export function rememberNetwork(qc: QueryClient, me: Me, id: string) {
  if (me.lastNetworkId === id) return;
  qc.setQueryData(meQuery.queryKey, (old) => (old ? { ...old, lastNetworkId: id } : old));
  put(`/networks/${id}/last-opened`, undefined).catch(() => undefined);
}
