import { queryOptions } from '@tanstack/react-query';
import type { FieldOfAction } from '../../../contracts/contract';
import type {
  AudiencePreview,
  Procedure,
  ProcedureInput,
  Stance,
  VoteInfo,
} from '../../../contracts/steering';
import { get, post, put } from '../../lib/api';

export const proceduresKey = (networkId: string) => ['networks', networkId, 'procedures'] as const;

export const proceduresQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...proceduresKey(networkId), 'list'],
    queryFn: ({ signal }) => get<Procedure[]>(`/networks/${networkId}/procedures`, signal),
  });

export const procedureQuery = (networkId: string, procedureId: string) =>
  queryOptions({
    queryKey: [...proceduresKey(networkId), procedureId],
    queryFn: ({ signal }) => get<Procedure>(`/networks/${networkId}/procedures/${procedureId}`, signal),
  });

export const startProcedure = (networkId: string, input: ProcedureInput) =>
  post<Procedure>(`/networks/${networkId}/procedures`, input);

/** Who a procedure started now would reach, and who has no e-mail address (sends nothing). */
export const procedurePreviewQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...proceduresKey(networkId), 'preview'],
    queryFn: ({ signal }) => get<AudiencePreview>(`/networks/${networkId}/procedures/preview`, signal),
    staleTime: 0,
  });

/** The fields of action and whether each is joint today (the server refuses the others). */
export const fieldsQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'contract', 'fields', 'today'],
    queryFn: ({ signal }) => get<FieldOfAction[]>(`/networks/${networkId}/fields`, signal),
  });

export type { Stance, VoteInfo };

/** The personal link of a written procedure: no session, the token is the key. */
export const voteQuery = (token: string) =>
  queryOptions({
    queryKey: ['public', 'procedure-vote', token],
    queryFn: ({ signal }) => get<VoteInfo>(`/procedure-votes/${encodeURIComponent(token)}`, signal),
    retry: false,
  });

export const castVote = (token: string, input: { stance: Stance; reason: string }) =>
  post<VoteInfo>(`/procedure-votes/${encodeURIComponent(token)}`, input);

export type OfficeChannel = 'phone' | 'paper';

/** An answer the office received by phone or on paper, entered under its own name. */
export const recordVote = (
  networkId: string,
  procedureId: string,
  memberId: string,
  input: { stance: Stance; reason: string; channel: OfficeChannel },
) => put<Procedure>(`/networks/${networkId}/procedures/${procedureId}/votes/${memberId}`, input);
