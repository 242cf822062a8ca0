import type { OutboxList, OutboxMailDetail, OutboxStatus } from '../../../contracts/mail';
import { get, post, qs } from '../../lib/api';

export type StatusFilter = OutboxStatus | '';

export const outboxQuery = (networkId: string, status: StatusFilter) => ({
  queryKey: ['networks', networkId, 'outbox', status || 'all'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<OutboxList>(`/networks/${networkId}/outbox${qs({ status })}`, signal),
  refetchInterval: 15_000,
});
export const mailQuery = (networkId: string, mailId: string) => ({
  queryKey: ['networks', networkId, 'outbox', 'mail', mailId] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<OutboxMailDetail>(`/networks/${networkId}/outbox/${mailId}`, signal),
});
export const retryMail = (networkId: string, mailId: string) =>
  post<unknown>(`/networks/${networkId}/outbox/${mailId}/retry`);
