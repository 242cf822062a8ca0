import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { Permission } from '../../contracts/common';
import type { Me, NetworkSummary } from '../../contracts/networks';
import { ApiError, get } from './api';

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

const LAST_NETWORK = 'bildungsnetz.lastNetwork';
export const rememberNetwork = (id: string) => {
  try {
    localStorage.setItem(LAST_NETWORK, id);
  } catch {
    /* storage may be disabled; the first network is a fine default */
  }
};
export const lastNetwork = (): string | null => {
  try {
    return localStorage.getItem(LAST_NETWORK);
  } catch {
    return null;
  }
};
