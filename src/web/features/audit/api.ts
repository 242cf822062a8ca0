import type { AuditPage, AuditQuery } from '../../../contracts/audit';
import { get, qs } from '../../lib/api';

export const auditQuery = (networkId: string, q: AuditQuery) => ({
  queryKey: ['networks', networkId, 'audit', q] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<AuditPage>(
      `/networks/${networkId}/audit${qs({
        entityType: q.entityType,
        action: q.action,
        actor: q.actor,
        from: q.from,
        to: q.to,
        page: q.page as number | undefined,
        pageSize: q.pageSize as number | undefined,
      })}`,
      signal,
    ),
  placeholderData: <T>(prev: T) => prev,
});
