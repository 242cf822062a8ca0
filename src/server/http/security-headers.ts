import type { FastifyInstance } from 'fastify';

/**
 * The security headers every answer carries, the same set @fastify/helmet gave us with our options.
 * They depend on nothing but the configuration, so they are computed once at start: helmet rebuilt its
 * middleware on every request, which cost more than some whole answers. Set on the raw response in
 * `onRequest`, as helmet did, so that a route may still replace one with `reply.header` (downloads
 * send their own sandboxing CSP).
 */
export function securityHeaders(https: boolean): Array<[string, string]> {
  const csp = [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
  ].join(';');
  return [
    ['content-security-policy', csp],
    ['cross-origin-opener-policy', 'same-origin'],
    ['cross-origin-resource-policy', 'same-origin'],
    ['origin-agent-cluster', '?1'],
    ['referrer-policy', 'no-referrer'],
    ...(https
      ? ([['strict-transport-security', 'max-age=31536000; includeSubDomains']] as Array<[string, string]>)
      : []),
    ['x-content-type-options', 'nosniff'],
    ['x-dns-prefetch-control', 'off'],
    ['x-download-options', 'noopen'],
    ['x-frame-options', 'SAMEORIGIN'],
    ['x-permitted-cross-domain-policies', 'none'],
    // Turned off on purpose: the old XSS auditor of browsers caused leaks of its own.
    ['x-xss-protection', '0'],
  ];
}

export function registerSecurityHeaders(app: FastifyInstance, baseUrl: string): void {
  const headers = securityHeaders(baseUrl.startsWith('https://'));
  app.addHook('onRequest', (_req, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value);
    done();
  });
}
