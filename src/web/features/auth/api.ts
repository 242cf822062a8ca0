import type { InvitationAccept, InvitationPreview, SetupInput } from '../../../contracts/networks';
import { get, post } from '../../lib/api';
import { authClient, unwrap } from '../../lib/auth-client';

export const runSetup = (input: SetupInput) => post<{ networkId: string }>('/setup', input);

export const invitationQuery = (token: string) => ({
  queryKey: ['invitation', token] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`, signal),
  retry: false,
});

/** Networks with a public page, listed on the sign-in page. */
export const publicNetworksQuery = {
  queryKey: ['public', 'networks'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<{ name: string; slug: string }[]>('/public/networks', signal),
  staleTime: 60_000,
};

export const acceptInvitation = (token: string, body: InvitationAccept) =>
  post<{ networkId: string }>(`/invitations/${encodeURIComponent(token)}/accept`, body);

/** Signs in; answers whether the second factor is still needed. */
export async function signIn(email: string, password: string): Promise<{ twoFactor: boolean }> {
  const data = await unwrap(authClient.signIn.email({ email, password }));
  return { twoFactor: Boolean((data as { twoFactorRedirect?: boolean } | null)?.twoFactorRedirect) };
}

export const verifyTotp = (code: string, trustDevice: boolean) =>
  unwrap(authClient.twoFactor.verifyTotp({ code, trustDevice }));

export const requestPasswordReset = (email: string) =>
  unwrap(authClient.requestPasswordReset({ email, redirectTo: '/passwort-neu' }));

export const resetPassword = (newPassword: string, token: string) =>
  unwrap(authClient.resetPassword({ newPassword, token }));
