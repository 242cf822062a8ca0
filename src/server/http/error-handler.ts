import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, statusOf } from './errors.js';

export type ErrorBody = { error: { code: string; message: string; requestId: string; details?: unknown } };

/** The one error shape: { error: { code, message, requestId } }. */
export function errorBody(req: FastifyRequest, code: string, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, requestId: String(req.id), ...(details ? { details } : {}) } };
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(errorBody(req, code, message, details));
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`.replace('.', ',');

/** "in 1 Minute", "in 7 Minuten": rounded up, never "in 0". */
export function inMinutes(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? 'in einer Minute' : `in ${minutes} Minuten`;
}

export function rateLimitedMessage(retryAfterSeconds: number) {
  return `Zu viele Anfragen von Ihrer Adresse. Bitte versuchen Sie es ${inMinutes(retryAfterSeconds)} erneut.`;
}

/**
 * The one 429 answer: Retry-After for programs, the wait in minutes as a detail so the web app can say it
 * in the chosen language, and the German sentence.
 */
export function sendRateLimited(req: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  reply.header('retry-after', String(seconds));
  return sendError(req, reply, 429, 'rate_limited', rateLimitedMessage(seconds), {
    retryAfterMinutes: Math.max(1, Math.ceil(seconds / 60)),
  });
}

/**
 * Errors Fastify raises itself (body parsing, multipart, encoding), by their code: each gets a stable
 * code of ours and a German sentence naming what to do. Statuses stay as Fastify chose them.
 */
function frameworkError(
  err: FastifyError,
  limits: { bodyLimit: number; maxUploadBytes: number },
): { status: number; code: string; message: string } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'payload_too_large',
        message: `Die Anfrage ist zu groß (höchstens ${megabytes(limits.bodyLimit)}). Bitte kürzen Sie die Eingabe.`,
      };
    case 'FST_REQ_FILE_TOO_LARGE':
      return {
        status: 413,
        code: 'file_too_large',
        message: `Die Datei ist zu groß (höchstens ${megabytes(limits.maxUploadBytes)}).`,
      };
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return {
        status: 413,
        code: 'too_many_parts',
        message: 'Das Formular enthält zu viele Teile. Bitte laden Sie eine Datei nach der anderen hoch.',
      };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 406,
        code: 'multipart_required',
        message: 'Bitte senden Sie die Datei als Formular-Upload (multipart/form-data).',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: 'Dieses Format wird hier nicht angenommen. Bitte senden Sie die Angaben als JSON.',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'empty_body',
        message: 'Die Anfrage hat keinen Inhalt. Bitte senden Sie die Angaben als JSON.',
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        status: 400,
        code: 'invalid_json',
        message: 'Der Inhalt der Anfrage ist ungültiges JSON.',
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'invalid_content_length',
        message: 'Die angegebene Länge der Anfrage stimmt nicht mit ihrem Inhalt überein.',
      };
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return {
        status: 400,
        code: 'bad_url',
        message: 'Die Adresse enthält ungültig kodierte Zeichen. Bitte prüfen Sie den Link.',
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 414,
        code: 'url_too_long',
        message: 'Ein Teil der Adresse ist zu lang. Bitte prüfen Sie den Link.',
      };
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return {
        status: 400,
        code: 'invalid_form',
        message: 'Das Formular ist unvollständig oder ungültig. Bitte senden Sie es erneut.',
      };
    default:
      return null;
  }
}

/** A top-level page visit of a browser (address bar, link), not a fetch of the web app. */
const isPageVisit = (req: FastifyRequest) =>
  req.method === 'GET' &&
  req.headers['sec-fetch-mode'] === 'navigate' &&
  (req.headers.accept ?? '').includes('text/html');

/**
 * One error shape for every failure: our own errors, validation, Fastify's framework errors (also those
 * raised before routing, via `frameworkErrors`), unknown routes and the answer during shutdown.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  webRoot: string | null,
  limits: { maxUploadBytes: number } = { maxUploadBytes: 25 * 1024 * 1024 },
) {
  const bodyLimit = app.initialConfig.bodyLimit ?? 1024 * 1024;
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'ungültig',
      }));
      const first = details[0];
      const message = first
        ? `Die Eingabe ist ungültig: ${first.field ? `${first.field}: ` : ''}${first.message}`
        : 'Die Eingabe ist ungültig.';
      return sendError(req, reply, 400, 'validation_failed', message, details);
    }
    if (err instanceof DomainError) {
      const status = statusOf[err.kind];
      // A file address typed into the browser (a paper outside a guest's items): the app's own
      // "nicht gefunden" page with the same status, never raw JSON.
      if (webRoot && (status === 403 || status === 404) && isPageVisit(req)) {
        return reply.code(status).header('cache-control', 'no-cache').sendFile('index.html', webRoot);
      }
      return sendError(req, reply, status, err.code, err.message, err.details);
    }
    const known = frameworkError(err, { bodyLimit, maxUploadBytes: limits.maxUploadBytes });
    if (known) return sendError(req, reply, known.status, known.code, known.message);
    // The multipart parser (busboy) throws plain errors without a code for a broken form.
    if (!err.statusCode && req.isMultipart() && /multipart|boundary|needle|part/i.test(err.message)) {
      req.log.info({ err }, 'broken multipart request');
      return sendError(
        req,
        reply,
        400,
        'invalid_form',
        'Das Formular ist unvollständig oder ungültig. Bitte senden Sie es erneut.',
      );
    }
    if (err.statusCode === 429) {
      return sendRateLimited(req, reply, 60);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      req.log.info({ err }, 'client error');
      return sendError(req, reply, err.statusCode, 'bad_request', 'Die Anfrage ist ungültig.');
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(
      req,
      reply,
      500,
      'internal',
      'Ein interner Fehler ist aufgetreten. Bitte nennen Sie dem Support die Anfrage-ID.',
    );
  });

  app.setNotFoundHandler((req, reply) => {
    // The web app routes in the browser: every page address outside /api gets its shell.
    if (webRoot && (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot);
    }
    return sendError(req, reply, 404, 'not_found', 'Diese Adresse gibt es nicht.');
  });

  // Fastify's own 503 while closing has its own body; it is switched off (`return503OnClosing: false`)
  // and answered here instead, so that a load balancer's retry and the UI see the one shape.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (req, reply) => {
    if (!closing) return;
    reply.header('connection', 'close').header('retry-after', '5');
    return sendError(
      req,
      reply,
      503,
      'unavailable',
      'Der Dienst wird gerade neu gestartet. Bitte versuchen Sie es in einigen Sekunden erneut.',
    );
  });
}

/**
 * Errors Fastify raises before a route is found (bad percent-encoding, over-long parameters) bypass the
 * error handler; this is passed as the `frameworkErrors` option so that they get our shape too.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const known = frameworkError(err, { bodyLimit: 0, maxUploadBytes: 0 }) ?? {
    status: 400,
    code: 'bad_request',
    message: 'Die Anfrage ist ungültig.',
  };
  reply.header('x-request-id', String(req.id));
  return sendError(req, reply, known.status, known.code, known.message);
}
