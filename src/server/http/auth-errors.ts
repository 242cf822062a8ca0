import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError, sendRateLimited } from './error-handler.js';

/**
 * better-auth answers failures with English `{ message, code }` bodies. They are translated here into
 * our shape with stable codes (`auth.` + better-auth's code in lower case) and German sentences; the
 * status stays. Successful answers pass untouched: the web app's better-auth client reads them.
 */
const sameOrigin = 'Die Anfrage kam nicht von dieser Anwendung und wurde abgewiesen.';
const signInAgain = 'Die Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.';
const badLink = 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.';
const invalidInput = 'Die Eingabe ist ungültig. Bitte prüfen Sie Ihre Angaben.';

const messages: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'E-Mail-Adresse oder Passwort ist falsch.',
  INVALID_PASSWORD: 'Das Passwort ist falsch.',
  INVALID_EMAIL: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  INVALID_TOKEN: badLink,
  TOKEN_EXPIRED: badLink,
  PASSWORD_TOO_SHORT: 'Das Passwort ist zu kurz (mindestens 10 Zeichen).',
  PASSWORD_TOO_LONG: 'Das Passwort ist zu lang (höchstens 128 Zeichen).',
  USER_ALREADY_EXISTS: 'Für diese E-Mail-Adresse gibt es bereits ein Konto.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'Für diese E-Mail-Adresse gibt es bereits ein Konto.',
  USER_NOT_FOUND: 'Das Konto wurde nicht gefunden.',
  EMAIL_NOT_VERIFIED: 'Die E-Mail-Adresse ist noch nicht bestätigt.',
  CREDENTIAL_ACCOUNT_NOT_FOUND: 'Für dieses Konto ist kein Passwort hinterlegt.',
  EMAIL_CAN_NOT_BE_UPDATED: 'Die E-Mail-Adresse kann hier nicht geändert werden.',
  CHANGE_EMAIL_DISABLED: 'Die E-Mail-Adresse kann hier nicht geändert werden.',
  SESSION_EXPIRED: signInAgain,
  SESSION_NOT_FRESH: 'Bitte melden Sie sich für diese Änderung erneut an.',
  FAILED_TO_GET_SESSION: signInAgain,
  INVALID_ORIGIN: sameOrigin,
  MISSING_OR_NULL_ORIGIN: sameOrigin,
  CROSS_SITE_NAVIGATION_LOGIN_BLOCKED: sameOrigin,
  INVALID_CALLBACK_URL: 'Die Rücksprungadresse gehört nicht zu dieser Anwendung.',
  INVALID_REDIRECT_URL: 'Die Rücksprungadresse gehört nicht zu dieser Anwendung.',
  INVALID_ERROR_CALLBACK_URL: 'Die Rücksprungadresse gehört nicht zu dieser Anwendung.',
  INVALID_NEW_USER_CALLBACK_URL: 'Die Rücksprungadresse gehört nicht zu dieser Anwendung.',
  VALIDATION_ERROR: invalidInput,
  MISSING_FIELD: invalidInput,
  BODY_MUST_BE_AN_OBJECT: invalidInput,
  FIELD_NOT_ALLOWED: 'Dieses Feld darf hier nicht geändert werden.',
  INVALID_CODE: 'Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code ein.',
  INVALID_BACKUP_CODE: 'Der Wiederherstellungscode ist falsch.',
  OTP_HAS_EXPIRED: 'Der Code ist abgelaufen. Bitte fordern Sie einen neuen an.',
  TOTP_NOT_ENABLED: 'Der zweite Faktor ist für dieses Konto nicht eingerichtet.',
  TWO_FACTOR_NOT_ENABLED: 'Der zweite Faktor ist für dieses Konto nicht eingerichtet.',
  TOTP_ALREADY_ENABLED: 'Der zweite Faktor ist bereits eingerichtet.',
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: 'Zu viele Versuche. Bitte fordern Sie einen neuen Code an.',
  ACCOUNT_TEMPORARILY_LOCKED:
    'Zu viele falsche Codes: Das Konto ist vorübergehend gesperrt. Bitte versuchen Sie es später erneut.',
  INVALID_TWO_FACTOR_COOKIE: signInAgain,
};

// better-auth answers some failures without a code of their own (e.g. 401 when the session has run out): the same
// generic codes as our own handler, so the web app sends a person without a session to the sign-in.
const byStatus: Record<number, { code: string; message: string }> = {
  400: { code: 'bad_request', message: invalidInput },
  401: { code: 'unauthenticated', message: 'Bitte melden Sie sich an.' },
  403: { code: 'forbidden', message: 'Das ist mit dieser Anmeldung nicht erlaubt.' },
  404: { code: 'not_found', message: 'Diese Adresse gibt es nicht.' },
};

const genericCodes = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'METHOD_NOT_ALLOWED']);

/** Field-level details from better-auth's validation message "[body.email] …; [body.password] …". */
function validationDetails(message: string | undefined) {
  if (!message?.startsWith('[')) return undefined;
  const details = message
    .split('; ')
    .map((part) => /^\[(?:body\.|query\.)?([^\]]*)\]\s*(.*)$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ field: m[1] ?? '', message: m[2] ?? '' }));
  return details.length > 0 ? details : undefined;
}

export async function sendAuthError(req: FastifyRequest, reply: FastifyReply, response: Response) {
  const status = response.status;
  type AuthBody = { code?: unknown; message?: unknown } | null;
  const body = (await response.json().catch(() => null)) as AuthBody;
  if (status === 429) {
    const retryAfter = Number(response.headers.get('x-retry-after') ?? response.headers.get('retry-after'));
    return sendRateLimited(req, reply, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60);
  }
  if (status >= 500) {
    req.log.error({ status, code: body?.code }, 'better-auth failed');
    return sendError(
      req,
      reply,
      status,
      'internal',
      'Ein interner Fehler ist aufgetreten. Bitte nennen Sie dem Support die Anfrage-ID.',
    );
  }
  const raw = typeof body?.code === 'string' ? body.code : undefined;
  // A bare HTTP status name ("UNAUTHORIZED") says no more than the status.
  const code = raw && !genericCodes.has(raw) ? raw : undefined;
  const known = code ? messages[code] : undefined;
  if (code === 'VALIDATION_ERROR') {
    // The same code and wording as our own validation errors, so the UI treats them alike.
    const details = typeof body?.message === 'string' ? validationDetails(body.message) : undefined;
    const first = details?.[0];
    const message = first ? `Die Eingabe ist ungültig: ${first.field}: ${first.message}` : invalidInput;
    return sendError(req, reply, status, 'validation_failed', message, details);
  }
  if (code && known) return sendError(req, reply, status, `auth.${code.toLowerCase()}`, known);
  if (code) req.log.warn({ status, code }, 'better-auth error without a German message');
  const fallback = byStatus[status] ?? {
    code: 'auth.failed',
    message: 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
  };
  return sendError(req, reply, status, code ? `auth.${code.toLowerCase()}` : fallback.code, fallback.message);
}
