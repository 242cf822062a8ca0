import { queryOptions } from '@tanstack/react-query';
import type { CommitteeMember, MemberInput } from '../../../contracts/steering';
import { get, post, put } from '../../lib/api';

/** Every query about the committee's members shares this prefix. */
export const committeeKey = (networkId: string) => ['networks', networkId, 'committee'] as const;

export const committeeQuery = (networkId: string) =>
  queryOptions({
    queryKey: committeeKey(networkId),
    queryFn: ({ signal }) => get<CommitteeMember[]>(`/networks/${networkId}/committee`, signal),
  });

/** Adds a member (id null) or changes one; ending a membership is setting its last day. */
export const saveMember = (networkId: string, id: string | null, input: MemberInput) =>
  id
    ? put<CommitteeMember>(`/networks/${networkId}/committee/${id}`, input)
    : post<CommitteeMember>(`/networks/${networkId}/committee`, input);
