import { queryOptions } from '@tanstack/react-query';
import type { EventStatus, EventType } from '../../../contracts/events';
import type {
  EventDetail,
  EventInput,
  EventPatch,
  EventSummary,
  PublicEventList,
} from '../../../contracts/events-planning';
import { del, get, patch, post, qs } from '../../lib/api';

export type EventFilters = { year?: number; type?: EventType; status?: EventStatus };

export const eventsKey = (networkId: string) => ['networks', networkId, 'events'] as const;

export const eventsQuery = (networkId: string, filters: EventFilters) =>
  queryOptions({
    queryKey: [...eventsKey(networkId), 'list', filters],
    queryFn: ({ signal }) => get<EventSummary[]>(`/networks/${networkId}/events${qs(filters)}`, signal),
  });

export const eventQuery = (networkId: string, eventId: string) =>
  queryOptions({
    queryKey: [...eventsKey(networkId), eventId],
    queryFn: ({ signal }) => get<EventDetail>(`/networks/${networkId}/events/${eventId}`, signal),
  });

export const staffQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...eventsKey(networkId), 'staff'],
    queryFn: ({ signal }) =>
      get<{ id: string; name: string }[]>(`/networks/${networkId}/events/staff`, signal),
  });

export const publicEventsQuery = (slug: string) =>
  queryOptions({
    queryKey: ['public', slug, 'events'],
    queryFn: ({ signal }) => get<PublicEventList>(`/public/networks/${slug}/events`, signal),
  });

const base = (networkId: string, eventId: string) => `/networks/${networkId}/events/${eventId}`;
export const createEvent = (networkId: string, body: EventInput) =>
  post<EventDetail>(`/networks/${networkId}/events`, body);
export const updateEvent = (networkId: string, eventId: string, body: EventPatch) =>
  patch<EventDetail>(base(networkId, eventId), body);
export const changeStatus = (networkId: string, eventId: string, status: EventStatus, version: number) =>
  post<EventDetail>(`${base(networkId, eventId)}/status`, { status, version });
export const addTask = (networkId: string, eventId: string, body: { title: string; dueOn: string | null }) =>
  post<EventDetail>(`${base(networkId, eventId)}/tasks`, body);
export const updateTask = (
  networkId: string,
  eventId: string,
  taskId: string,
  body: { version: number; done?: boolean; assigneeId?: string | null },
) => patch<EventDetail>(`${base(networkId, eventId)}/tasks/${taskId}`, body);
export const deleteTask = (networkId: string, eventId: string, taskId: string) =>
  del<EventDetail>(`${base(networkId, eventId)}/tasks/${taskId}`);

const wall = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** An instant as Berlin wall-clock time for a date-time field: "2027-02-25T09:00". */
export const berlinLocal = (iso: string | null) =>
  iso ? wall.format(new Date(iso)).replace(' ', 'T') : null;
