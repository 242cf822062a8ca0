import { queryOptions } from '@tanstack/react-query';
import type { SearchResult } from '../../../contracts/contacts-people';
import type {
  Booking,
  BookingCreated,
  BookingInput,
  Programme,
  PublicProgramme,
  Resource,
  ResourceChange,
  ResourceInput,
  SessionChange,
  SessionInput,
  SessionSaved,
  Speaker,
  SpeakerChange,
  SpeakerInput,
} from '../../../contracts/events-programme';
import { del, get, patch, post, qs } from '../../lib/api';

export const resourcesKey = (networkId: string) => ['networks', networkId, 'events', 'resources'] as const;
export const programmeKey = (networkId: string, eventId: string) =>
  ['networks', networkId, 'events', eventId, 'programme'] as const;

export const resourcesQuery = (networkId: string, archived = false) =>
  queryOptions({
    queryKey: [...resourcesKey(networkId), { archived }],
    queryFn: ({ signal }) =>
      get<Resource[]>(
        `/networks/${networkId}/events/resources${qs({ archived: archived ? 'true' : undefined })}`,
        signal,
      ),
  });

export const programmeQuery = (networkId: string, eventId: string) =>
  queryOptions({
    queryKey: [...programmeKey(networkId, eventId), 'sessions'],
    queryFn: ({ signal }) => get<Programme>(`/networks/${networkId}/events/${eventId}/sessions`, signal),
  });

export const bookingsQuery = (networkId: string, eventId: string) =>
  queryOptions({
    queryKey: [...programmeKey(networkId, eventId), 'bookings'],
    queryFn: ({ signal }) => get<Booking[]>(`/networks/${networkId}/events/${eventId}/bookings`, signal),
  });

export const publicProgrammeQuery = (slug: string, eventId: string) =>
  queryOptions({
    queryKey: ['public', slug, 'events', eventId, 'programme'],
    queryFn: ({ signal }) =>
      get<PublicProgramme>(`/public/networks/${slug}/events/${eventId}/programme`, signal),
  });

export const peopleSearch = (networkId: string, q: string) =>
  get<SearchResult>(`/networks/${networkId}/contacts/search${qs({ q })}`);

export const createResource = (networkId: string, body: ResourceInput) =>
  post<Resource>(`/networks/${networkId}/events/resources`, body);
export const updateResource = (networkId: string, id: string, body: ResourceChange) =>
  patch<Resource>(`/networks/${networkId}/events/resources/${id}`, body);

const ev = (networkId: string, eventId: string) => `/networks/${networkId}/events/${eventId}`;
export const createBooking = (networkId: string, eventId: string, body: BookingInput) =>
  post<BookingCreated>(`${ev(networkId, eventId)}/bookings`, body);
export const deleteBooking = (networkId: string, eventId: string, id: string) =>
  del(`${ev(networkId, eventId)}/bookings/${id}`);
export const createSession = (networkId: string, eventId: string, body: SessionInput) =>
  post<SessionSaved>(`${ev(networkId, eventId)}/sessions`, body);
export const updateSession = (networkId: string, eventId: string, id: string, body: SessionChange) =>
  patch<SessionSaved>(`${ev(networkId, eventId)}/sessions/${id}`, body);
export const deleteSession = (networkId: string, eventId: string, id: string) =>
  del(`${ev(networkId, eventId)}/sessions/${id}`);
export const addSpeaker = (networkId: string, eventId: string, sessionId: string, body: SpeakerInput) =>
  post<Speaker>(`${ev(networkId, eventId)}/sessions/${sessionId}/speakers`, body);
export const updateSpeaker = (
  networkId: string,
  eventId: string,
  sessionId: string,
  id: string,
  body: SpeakerChange,
) => patch<Speaker>(`${ev(networkId, eventId)}/sessions/${sessionId}/speakers/${id}`, body);
export const removeSpeaker = (networkId: string, eventId: string, sessionId: string, id: string) =>
  del(`${ev(networkId, eventId)}/sessions/${sessionId}/speakers/${id}`);

export const programmePdfUrl = (networkId: string, eventId: string) =>
  `/api${ev(networkId, eventId)}/programme.pdf`;

/** The Berlin day ("2027-02-25") of an instant. */
export const berlinDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

/** The Berlin wall-clock time ("09:00") of an instant. */
export const berlinTime = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

/**
 * What the server takes for a time: Berlin wall-clock time as typed ("2027-02-25T09:00"); it converts
 * to the instant itself (summer time included), whatever the browser's zone.
 */
export const berlinLocal = (day: string, time: string) => `${day}T${time}`;
