import type { FastifyRequest } from 'fastify';

// Path segments that are secrets: personal links, account invitations, password reset.
const SECRET_SEGMENT =
  /(\/(?:antwort|umlauf|einladung|api\/calendar|api\/meeting-replies|api\/procedure-votes|api\/invitations|api\/auth\/reset-password)\/)[^/?#]+/g;
const SECRET_PARAM = /([?&](?:token|code|otp|secret)=)[^&#]*/gi;

/** The URL as it may be logged: tokens in the path and in the query string replaced. */
export const redactUrl = (url: string) =>
  url.replace(SECRET_SEGMENT, '$1[redacted]').replace(SECRET_PARAM, '$1[redacted]');

/**
 * Logger options that keep secrets out of the log: request URLs without tokens, and neither cookies,
 * authorization nor set-cookie should anything log headers.
 */
export const logRedaction = {
  serializers: {
    req: (req: FastifyRequest) => ({
      method: req.method,
      url: redactUrl(req.url),
      host: req.host,
      remoteAddress: req.ip,
    }),
  },
  redact: {
    paths: [
      'req.headers.cookie',
      'req.headers.authorization',
      'headers.cookie',
      'headers.authorization',
      'res.headers["set-cookie"]',
    ],
    censor: '[redacted]',
  },
};
