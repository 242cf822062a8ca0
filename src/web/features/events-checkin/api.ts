import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CheckinEntry, CheckinOverview, WalkInInput } from '../../../contracts/events-checkin';
import { del, get, post, qs } from '../../lib/api';

export type { CheckinEntry, CheckinOverview };

const base = (networkId: string, eventId: string) => `/networks/${networkId}/events/${eventId}`;
export const checkinKey = (networkId: string, eventId: string) =>
  ['networks', networkId, 'events', eventId, 'checkin'] as const;

/** The door's view: counter, programme, and the confirmed registrations matching the search. */
export const checkinQuery = (networkId: string, eventId: string, q: string) =>
  queryOptions({
    queryKey: [...checkinKey(networkId, eventId), q],
    queryFn: ({ signal }) =>
      get<CheckinOverview>(`${base(networkId, eventId)}/checkin${qs({ q: q || undefined })}`, signal),
    placeholderData: keepPreviousData,
  });

export const checkIn = (networkId: string, eventId: string, registrationId: string) =>
  post<CheckinEntry>(`${base(networkId, eventId)}/checkin/${registrationId}`);
export const undoCheckIn = (networkId: string, eventId: string, registrationId: string) =>
  del<CheckinEntry>(`${base(networkId, eventId)}/checkin/${registrationId}`);
export const checkInByCode = (networkId: string, eventId: string, code: string) =>
  post<CheckinEntry>(`${base(networkId, eventId)}/checkin/code`, { code });
export const addWalkIn = (networkId: string, eventId: string, input: Partial<WalkInInput>) =>
  post<{ entry: CheckinEntry; warning: string | null }>(`${base(networkId, eventId)}/walk-ins`, input);
export const setAttendance = (
  networkId: string,
  eventId: string,
  sessionId: string,
  registrationIds: string[],
  attended: boolean,
) =>
  post<{ sessionId: string; attended: number }>(
    `${base(networkId, eventId)}/sessions/${sessionId}/attendance`,
    {
      registrationIds,
      attended,
    },
  );

export const fileUrl = (networkId: string, eventId: string, file: string, session?: string) =>
  `/api${base(networkId, eventId)}/${file}${qs({ session })}`;
