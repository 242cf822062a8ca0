import { queryOptions } from '@tanstack/react-query';
import type {
  ItemQuestion,
  OpenQuestion,
  Preparation,
  PreparationItem,
} from '../../../contracts/preparation';
import type { ReplyInfo } from '../../../contracts/steering';
import { get, post, put } from '../../lib/api';

export type { ItemQuestion, OpenQuestion, Preparation, PreparationItem, ReplyInfo };
export type Reply = NonNullable<ReplyInfo['reply']>;

/**
 * Where the member's meeting page comes from: the personal link of the invitation (no session, the
 * token is the key) or the signed-in member's own meeting.
 */
export type Source = { token: string } | { networkId: string; meetingId: string };

const base = (s: Source) =>
  'token' in s
    ? `/meeting-pages/${encodeURIComponent(s.token)}`
    : `/networks/${s.networkId}/meetings/${s.meetingId}/preparation`;

export const preparationQuery = (s: Source) =>
  queryOptions({
    queryKey:
      'token' in s
        ? ['public', 'meeting-page', s.token]
        : ['networks', s.networkId, 'preparation', s.meetingId],
    queryFn: ({ signal }) => get<Preparation>(base(s), signal),
    retry: false,
  });

export const saveNote = (s: Source, itemId: string, text: string) =>
  put<Preparation>(`${base(s)}/items/${itemId}/note`, { text });
export const askQuestion = (s: Source, itemId: string, text: string) =>
  post<Preparation>(`${base(s)}/items/${itemId}/questions`, { text });
export const subscribeCalendar = (s: Source) => post<{ url: string }>(`${base(s)}/calendar-subscription`);

/** The reply: through the link it is the invitation's own endpoint, signed in the meeting page's. */
export async function sendReply(s: Source, reply: Reply): Promise<void> {
  if ('token' in s) await post<ReplyInfo>(`/meeting-replies/${encodeURIComponent(s.token)}`, { reply });
  else await post<Preparation>(`${base(s)}/reply`, { reply });
}

// ---- the office ----------------------------------------------------------------------------------
export const meetingQuestionsQuery = (networkId: string, meetingId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'questions', meetingId],
    queryFn: ({ signal }) =>
      get<ItemQuestion[]>(`/networks/${networkId}/meetings/${meetingId}/questions`, signal),
  });
export const openQuestionsQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'questions', 'open'],
    queryFn: ({ signal }) => get<OpenQuestion[]>(`/networks/${networkId}/open-questions`, signal),
  });
export const answerQuestion = (networkId: string, meetingId: string, questionId: string, answer: string) =>
  put<ItemQuestion[]>(`/networks/${networkId}/meetings/${meetingId}/questions/${questionId}/answer`, {
    answer,
  });
