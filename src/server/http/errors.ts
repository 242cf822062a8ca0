/**
 * Rules and services throw DomainError and know nothing of HTTP; the error handler maps the kind to a
 * status. Codes are stable: the UI translates by code, never by message text.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule'
  | 'too_large'
  | 'gone';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind = 'rule',
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'Der Eintrag') =>
  new DomainError('not_found', `${what} wurde nicht gefunden.`, 'not_found');

/**
 * A save based on a version someone has changed since (409, nothing overwritten): names who changed it
 * (audit `lastChangedBy` or the newest version's author); `then` follows right after „geändert“.
 */
export const staleVersion = (code: string, what: string, changedBy: string | null, then: string) =>
  new DomainError(
    code,
    `${what} wurde inzwischen von ${changedBy ?? 'jemand anderem'} geändert${then}`,
    'conflict',
  );

export const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  too_large: 413,
  // A personal link that worked once and no longer does (expired, term ended, replaced).
  gone: 410,
};
