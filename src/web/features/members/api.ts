import type { Role } from '../../../contracts/common';
import type { Invitation, InvitationCreate, InvitationLink, Member } from '../../../contracts/networks';
import { del, get, patch, post } from '../../lib/api';

export const membersQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'members'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => get<Member[]>(`/networks/${networkId}/members`, signal),
});
export const invitationsQuery = (networkId: string) => ({
  queryKey: ['networks', networkId, 'invitations'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<Invitation[]>(`/networks/${networkId}/invitations`, signal),
});
export const changeRole = (networkId: string, userId: string, role: Role) =>
  patch<Member>(`/networks/${networkId}/members/${encodeURIComponent(userId)}`, { role });
export const removeMember = (networkId: string, userId: string) =>
  del(`/networks/${networkId}/members/${encodeURIComponent(userId)}`);
export const invite = (networkId: string, body: InvitationCreate) =>
  post<Invitation>(`/networks/${networkId}/invitations`, body);
export const revokeInvitation = (networkId: string, invitationId: string) =>
  del(`/networks/${networkId}/invitations/${invitationId}`);
/** Mints a new link for an open invitation (shown once; earlier links of the invitation end). */
export const showInvitationLink = (networkId: string, invitationId: string) =>
  post<InvitationLink>(`/networks/${networkId}/invitations/${invitationId}/link`, {});
