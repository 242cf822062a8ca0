import type { InvitationAccept, InvitationPreview, SetupInput } from '../../../contracts/networks';
import { get, post } from '../../lib/api';

/**
 * The better-auth client (12 KB gzip) is fetched when a form is sent, not with the page: the sign-in
 * page is the first one most people see, and it renders without it.
 */
const authClient = () => import('../../lib/auth-client');

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
  const { authClient: c, unwrap } = await authClient();
  const data = await unwrap(c.signIn.email({ email, password }));
  return { twoFactor: Boolean((data as { twoFactorRedirect?: boolean } | null)?.twoFactorRedirect) };
}

export async function verifyTotp(code: string, trustDevice: boolean) {
  const { authClient: c, unwrap } = await authClient();
  return unwrap(c.twoFactor.verifyTotp({ code, trustDevice }));
}

export async function requestPasswordReset(email: string) {
  const { authClient: c, unwrap } = await authClient();
  return unwrap(c.requestPasswordReset({ email, redirectTo: '/passwort-neu' }));
}

export async function resetPassword(newPassword: string, token: string) {
  const { authClient: c, unwrap } = await authClient();
  return unwrap(c.resetPassword({ newPassword, token }));
}
