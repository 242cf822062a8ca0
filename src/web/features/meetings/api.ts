import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common';
import type { FieldOfAction } from '../../../contracts/contract';
import type {
  AgendaItemInput,
  Attendance as AttendanceEntry,
  AudiencePreview,
  CommitteeMember,
  CorrectionInput,
  GuestInput,
  InvitationResult,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingSeriesInput,
  MinutesInput,
  MinutesRequest,
  MinutesVersion,
  Recipient,
  Round,
  RoundInput,
} from '../../../contracts/steering';
import { api, get, post, put, qs } from '../../lib/api';

const base = (networkId: string) => `/networks/${networkId}`;
const meetingPath = (networkId: string, meetingId: string) => `${base(networkId)}/meetings/${meetingId}`;

/** Every query of the meetings shares this prefix, so one invalidation refreshes them all. */
export const meetingsKey = (networkId: string) => ['networks', networkId, 'meetings'] as const;

export type { AttendanceEntry, GuestInput, InvitationResult, Recipient };

/** The newest meetings (one page of 50: years of meetings), for pickers and the start page. */
export const meetingsQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'list'],
    queryFn: async ({ signal }) => (await get<Page<Meeting>>(`${base(networkId)}/meetings`, signal)).items,
  });

/** The whole list, page by page ("Weitere laden"), newest first. */
export const meetingPagesQuery = (networkId: string) =>
  infiniteQueryOptions({
    queryKey: [...meetingsKey(networkId), 'pages'],
    queryFn: ({ signal, pageParam }) =>
      get<Page<Meeting>>(`${base(networkId)}/meetings${qs({ after: pageParam })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const meetingQuery = (networkId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'detail', meetingId],
    queryFn: ({ signal }) => get<MeetingDetail>(meetingPath(networkId, meetingId), signal),
  });

export const recipientsQuery = (networkId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'detail', meetingId, 'recipients'],
    queryFn: ({ signal }) => get<Recipient[]>(`${meetingPath(networkId, meetingId)}/recipients`, signal),
  });

export const roundsQuery = (networkId: string, meetingId: string, itemId: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'detail', meetingId, 'rounds', itemId],
    queryFn: ({ signal }) =>
      get<Round[]>(`${meetingPath(networkId, meetingId)}/items/${itemId}/rounds`, signal),
  });

export const minutesQuery = (networkId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'detail', meetingId, 'minutes'],
    queryFn: ({ signal }) => get<MinutesVersion[]>(`${meetingPath(networkId, meetingId)}/minutes`, signal),
  });

/** The committee's members (not for guests: the server answers 404 to them). */
export const committeeQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'committee'],
    queryFn: ({ signal }) => get<CommitteeMember[]>(`${base(networkId)}/committee`, signal),
  });

/** Fields of action with their state on the meeting's day (joint or not). */
export const meetingFieldsQuery = (networkId: string, on: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'fields', on],
    queryFn: ({ signal }) => get<FieldOfAction[]>(`${base(networkId)}/fields${qs({ on })}`, signal),
  });

export const createMeeting = (networkId: string, input: MeetingInput) =>
  post<Meeting>(`${base(networkId)}/meetings`, input);

export const updateMeeting = (networkId: string, meetingId: string, input: MeetingInput) =>
  put<Meeting>(meetingPath(networkId, meetingId), input);

export const cancelMeeting = (networkId: string, meetingId: string, reason: string) =>
  post<Meeting>(`${meetingPath(networkId, meetingId)}/cancel`, { reason });

export const holdMeeting = (networkId: string, meetingId: string) =>
  post<Meeting>(`${meetingPath(networkId, meetingId)}/hold`);

export const saveItem = (
  networkId: string,
  meetingId: string,
  itemId: string | null,
  input: AgendaItemInput,
) =>
  itemId
    ? put<MeetingDetail>(`${meetingPath(networkId, meetingId)}/items/${itemId}`, input)
    : post<MeetingDetail>(`${meetingPath(networkId, meetingId)}/items`, input);

export const reorderItems = (networkId: string, meetingId: string, itemIds: string[]) =>
  post<MeetingDetail>(`${meetingPath(networkId, meetingId)}/order`, { itemIds });

export const moveItem = (networkId: string, meetingId: string, itemId: string, toMeetingId: string) =>
  post<MeetingDetail>(`${meetingPath(networkId, meetingId)}/items/${itemId}/move`, { toMeetingId });

/** The server reads `title` and `paperId` before the file stream, so they must come first. */
export function uploadPaper(
  networkId: string,
  meetingId: string,
  itemId: string,
  x: { title: string; paperId: string | null; file: File },
) {
  const fd = new FormData();
  fd.append('title', x.title);
  if (x.paperId) fd.append('paperId', x.paperId);
  fd.append('file', x.file, x.file.name);
  return api<MeetingDetail>(`${meetingPath(networkId, meetingId)}/items/${itemId}/papers`, {
    method: 'POST',
    body: fd,
  });
}

export const paperUrl = (
  networkId: string,
  meetingId: string,
  itemId: string,
  paperId: string,
  version: number,
) => `/api${meetingPath(networkId, meetingId)}/items/${itemId}/papers/${paperId}/versions/${version}`;

export const inviteGuest = (networkId: string, meetingId: string, input: GuestInput) =>
  post<MeetingDetail>(`${meetingPath(networkId, meetingId)}/guests`, input);

export const sendInvitations = (networkId: string, meetingId: string) =>
  post<InvitationResult>(`${meetingPath(networkId, meetingId)}/invitations`);

export const recordAttendance = (networkId: string, meetingId: string, entries: AttendanceEntry[]) =>
  put<MeetingDetail>(`${meetingPath(networkId, meetingId)}/attendance`, { entries });

export const recordRound = (networkId: string, meetingId: string, itemId: string, input: RoundInput) =>
  post<Round>(`${meetingPath(networkId, meetingId)}/items/${itemId}/rounds`, input);

export const draftMinutes = (networkId: string, meetingId: string) =>
  post<MinutesVersion[]>(`${meetingPath(networkId, meetingId)}/minutes/draft`);

export const saveMinutes = (networkId: string, meetingId: string, input: MinutesInput) =>
  put<MinutesVersion[]>(`${meetingPath(networkId, meetingId)}/minutes`, input);

export const circulateMinutes = (networkId: string, meetingId: string) =>
  post<MinutesVersion[]>(`${meetingPath(networkId, meetingId)}/minutes/circulate`);

export const correctMinutes = (networkId: string, meetingId: string, input: CorrectionInput) =>
  post<MinutesVersion[]>(`${meetingPath(networkId, meetingId)}/minutes/corrections`, input);

/** Correction requests on circulated minutes: the office sees all, a member her own. */
export const minutesRequestsQuery = (networkId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'detail', meetingId, 'minutes-requests'],
    queryFn: ({ signal }) =>
      get<MinutesRequest[]>(`${meetingPath(networkId, meetingId)}/minutes/requests`, signal),
  });

export const requestMinutesCorrection = (
  networkId: string,
  meetingId: string,
  input: { text: string; itemId: string | null },
) => post<MinutesRequest[]>(`${meetingPath(networkId, meetingId)}/minutes/requests`, input);

export const decideMinutesRequest = (
  networkId: string,
  meetingId: string,
  requestId: string,
  input: { status: 'accepted' | 'declined'; note: string },
) => put<MinutesRequest[]>(`${meetingPath(networkId, meetingId)}/minutes/requests/${requestId}`, input);

export const minutesUrl = (networkId: string, meetingId: string, version: number, format: 'pdf' | 'docx') =>
  `/api${meetingPath(networkId, meetingId)}/minutes/${version}/${format}`;

/** A reply the office received by phone or on paper, entered under its own name. */
export const recordReply = (
  networkId: string,
  meetingId: string,
  recipientId: string,
  input: { reply: NonNullable<Recipient['reply']>; channel: 'phone' | 'paper' },
) => put<null>(`${meetingPath(networkId, meetingId)}/recipients/${recipientId}/reply`, input);

/** Who the invitations would reach now (the server's list; sends nothing). */
export const invitationsPreviewQuery = (networkId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'detail', meetingId, 'invitations-preview'],
    queryFn: ({ signal }) =>
      get<AudiencePreview>(`${meetingPath(networkId, meetingId)}/invitations/preview`, signal),
    staleTime: 0,
  });

/** Who circulated minutes would reach now. */
export const circulationPreviewQuery = (networkId: string, meetingId: string) =>
  queryOptions({
    queryKey: [...meetingsKey(networkId), 'detail', meetingId, 'circulation-preview'],
    queryFn: ({ signal }) =>
      get<AudiencePreview>(`${meetingPath(networkId, meetingId)}/minutes/circulation-preview`, signal),
    staleTime: 0,
  });

/** A year's meetings at once; each is then moved or cancelled alone. */
export const createMeetingSeries = (networkId: string, meetings: MeetingSeriesInput['meetings']) =>
  post<Meeting[]>(`${base(networkId)}/meetings/series`, { meetings });
