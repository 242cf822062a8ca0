import { twoFactorClient } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';
import { ApiError } from './api';

export const authClient = createAuthClient({
  basePath: '/api/auth',
  plugins: [twoFactorClient()],
});

type AuthResult<T> = {
  data: T | null;
  error: {
    status: number;
    code?: string;
    message?: string;
    error?: { code?: string; message?: string; requestId?: string; details?: unknown };
  } | null;
};

/**
 * Unwraps a better-auth client result, throwing the same ApiError the rest of the UI handles. The server
 * answers better-auth's failures in our error shape ({ error: { code, message, requestId } }).
 */
export async function unwrap<T>(call: Promise<AuthResult<T>>): Promise<T> {
  const res = await call;
  if (res.error) {
    const { status } = res.error;
    const e = res.error.error;
    const code = e?.code ?? (res.error.code ? `auth.${res.error.code.toLowerCase()}` : undefined);
    throw new ApiError(
      status,
      code ?? (status === 429 ? 'rate_limited' : `http_${status}`),
      e?.message ?? res.error.message ?? '',
      e?.requestId,
      e?.details,
    );
  }
  return res.data as T;
}
