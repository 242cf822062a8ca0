import type { Page } from '../../../contracts/common';
import type { StoredFile } from '../../../contracts/files';
import type { OutboxList } from '../../../contracts/mail';
import type { Meeting, Procedure } from '../../../contracts/steering';
import { get } from '../../lib/api';

export const outboxSummaryQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'outbox', 'all'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => get<OutboxList>(`/networks/${networkId}/outbox`, signal),
});

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

export const proceduresQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'procedures', 'list'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<Procedure[]>(`/networks/${networkId}/procedures`, signal),
});
