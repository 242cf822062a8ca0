import { queryOptions } from '@tanstack/react-query';
import type { ReplyInfo } from '../../../contracts/steering';
import { get, post } from '../../lib/api';

export type { ReplyInfo };
export type Reply = NonNullable<ReplyInfo['reply']>;

/** The personal invitation link: no session, the token is the key. */
export const replyQuery = (token: string) =>
  queryOptions({
    queryKey: ['public', 'meeting-reply', token],
    queryFn: ({ signal }) => get<ReplyInfo>(`/meeting-replies/${encodeURIComponent(token)}`, signal),
    retry: false,
  });

export const sendReply = (token: string, reply: Reply) =>
  post<ReplyInfo>(`/meeting-replies/${encodeURIComponent(token)}`, { reply });
