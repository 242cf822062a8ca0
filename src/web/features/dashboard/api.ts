import type { StoredFile } from '../../../contracts/files';
import type { OutboxList } from '../../../contracts/mail';
import { get } from '../../lib/api';

export const outboxSummaryQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'outbox', 'all'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => get<OutboxList>(`/networks/${networkId}/outbox`, signal),
});

export const recentFilesQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'files'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => get<StoredFile[]>(`/networks/${networkId}/files`, signal),
});
