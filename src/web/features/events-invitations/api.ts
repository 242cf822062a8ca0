import { queryOptions } from '@tanstack/react-query';
import type {
  InvitationsOverview,
  Mailing,
  MailingPreview,
  PersonCandidate,
} from '../../../contracts/events-invitations';
import { get, post, qs } from '../../lib/api';

const base = (networkId: string, eventId: string) => `/networks/${networkId}/events/${eventId}`;

export const invitationsKey = (networkId: string, eventId: string) =>
  ['networks', networkId, 'events', eventId, 'invitations'] as const;

export const invitationsQuery = (networkId: string, eventId: string) =>
  queryOptions({
    queryKey: invitationsKey(networkId, eventId),
    queryFn: ({ signal }) => get<InvitationsOverview>(`${base(networkId, eventId)}/invitations`, signal),
  });

export const peopleQuery = (networkId: string, eventId: string, q: string) =>
  queryOptions({
    queryKey: [...invitationsKey(networkId, eventId), 'people', q],
    queryFn: ({ signal }) =>
      get<PersonCandidate[]>(`${base(networkId, eventId)}/invitations/people${qs({ q })}`, signal),
    enabled: q.trim().length >= 2,
  });

export type InvitationBody =
  | { kind: 'invitation'; listId: string | null; personIds: string[]; subject: string; body: string }
  | { kind: 'reminder'; subject: string; body: string };

export const previewMailing = (networkId: string, eventId: string, body: InvitationBody) =>
  post<MailingPreview>(`${base(networkId, eventId)}/mailings/preview`, body);

export const sendMailing = (networkId: string, eventId: string, body: InvitationBody) =>
  post<Mailing>(`${base(networkId, eventId)}/mailings`, body);
