import { twoFactorClient } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';
import { ApiError } from './api';

export const authClient = createAuthClient({
  basePath: '/api/auth',
  plugins: [twoFactorClient()],
});

type AuthResult<T> = { data: T | null; error: { code?: string; message?: string; status: number } | null };

/** Unwraps a better-auth client result, throwing the same ApiError the rest of the UI handles. */
export async function unwrap<T>(call: Promise<AuthResult<T>>): Promise<T> {
  const res = await call;
  if (res.error) {
    const { status, code, message } = res.error;
    throw new ApiError(
      status,
      code ? `auth.${code}` : status === 429 ? 'rate_limited' : `http_${status}`,
      message ?? '',
    );
  }
  return res.data as T;
}
