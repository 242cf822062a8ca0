import type { Page } from '../../../contracts/common';
import type { Dashboard } from '../../../contracts/dashboard';
import type { StoredFile } from '../../../contracts/files';
import type { Meeting, Procedure, Stance } from '../../../contracts/steering';
import type { Desk } from '../../../contracts/work-desk';
import { get, put } from '../../lib/api';

export const dashboardKey = (networkId: string) => ['networks', networkId, 'dashboard'] as const;

/** What needs the person now: one request; the server answers by role. */
export const dashboardQuery = (networkId: string) => ({
  queryKey: dashboardKey(networkId),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<Dashboard>(`/networks/${networkId}/dashboard`, signal),
});

/** The signed-in member's own answer in a written procedure (same rules as the personal link). */
export const castOwnVote = (
  networkId: string,
  procedureId: string,
  input: { stance: Stance; reason: string },
) => put<Procedure>(`/networks/${networkId}/procedures/${procedureId}/my-vote`, input);

export const recentFilesQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'files'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => get<StoredFile[]>(`/networks/${networkId}/files`, signal),
});

export const meetingsQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'meetings', 'list'] as const,
  // Shares its cache entry with the meetings feature's first page: same key, same shape.
  queryFn: async ({ signal }: { signal: AbortSignal }) =>
    (await get<Page<Meeting>>(`/networks/${networkId}/meetings`, signal)).items,
});

/** The person's own open work orders and tasks (the desk's answer; the card shows its first entries). */
export const myWorkQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'work', 'desk'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => get<Desk>(`/networks/${networkId}/work/desk`, signal),
});
