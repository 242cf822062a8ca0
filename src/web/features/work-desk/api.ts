import { queryOptions } from '@tanstack/react-query';
import type { Desk, WorkCalendarLink, WorkCalendarStatus } from '../../../contracts/work-desk';
import { del, get, post, qs } from '../../lib/api';

const base = (networkId: string) => `/networks/${networkId}/work`;

export const deskKey = (networkId: string) => ['networks', networkId, 'work', 'desk'] as const;

/** The signed-in person's open orders and tasks (the server sorts: overdue first). */
export const deskQuery = (networkId: string) =>
  queryOptions({
    queryKey: deskKey(networkId),
    queryFn: ({ signal }) => get<Desk>(`${base(networkId)}/desk`, signal),
  });

export const calendarLinkQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...deskKey(networkId), 'calendar-link'],
    queryFn: ({ signal }) => get<WorkCalendarStatus>(`${base(networkId)}/calendar-link`, signal),
  });

export const renewCalendarLink = (networkId: string) =>
  post<WorkCalendarLink>(`${base(networkId)}/calendar-link`);

export const revokeCalendarLink = (networkId: string) => del(`${base(networkId)}/calendar-link`);

/** Download addresses of the year's exports (plain links: the browser saves the file). */
export const exportUrl = (networkId: string, format: 'pdf' | 'xlsx', year: number, kind?: 'orders') =>
  `/api${base(networkId)}/export.${format}${qs({ year, kind })}`;
