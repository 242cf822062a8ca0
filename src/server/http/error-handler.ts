import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, statusOf } from './errors.js';

type ErrorBody = { error: { code: string; message: string; requestId: string; details?: unknown } };

/** One error shape for every failure: { error: { code, message, requestId } }. */
export function registerErrorHandler(app: FastifyInstance, webRoot: string | null) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const body = (code: string, message: string, details?: unknown): ErrorBody => ({
      error: { code, message, requestId: String(req.id), ...(details ? { details } : {}) },
    });
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'ungültig',
      }));
      const first = details[0];
      const message = first
        ? `Die Eingabe ist ungültig: ${first.field ? `${first.field}: ` : ''}${first.message}`
        : 'Die Eingabe ist ungültig.';
      return reply.code(400).send(body('validation_failed', message, details));
    }
    if (err instanceof DomainError) {
      return reply.code(statusOf[err.kind]).send(body(err.code, err.message, err.details));
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      return reply.code(413).send(body('file_too_large', 'Die Datei ist zu groß.'));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return reply.code(415).send(body('unsupported_media_type', 'Dieses Format wird nicht angenommen.'));
    }
    if (err.statusCode === 429) {
      return reply.code(429).send(body('rate_limited', 'Zu viele Anfragen. Bitte warten Sie einen Moment.'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(body('bad_request', 'Die Anfrage ist ungültig.'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply
      .code(500)
      .send(
        body('internal', 'Ein interner Fehler ist aufgetreten. Bitte nennen Sie dem Support die Anfrage-ID.'),
      );
  });

  app.setNotFoundHandler((req, reply) => {
    // The web app routes in the browser: every page address outside /api gets its shell.
    if (webRoot && (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot);
    }
    return reply.code(404).send({
      error: { code: 'not_found', message: 'Diese Adresse gibt es nicht.', requestId: String(req.id) },
    });
  });
}
