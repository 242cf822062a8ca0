import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
  // A route that fails unexpectedly, to see what a client is told.
  ctx.app.get('/api/test-boom', { config: { access: 'public' } }, async () => {
    throw new Error('geheime interne Einzelheit');
  });
});
afterAll(() => ctx.close());

describe('operations endpoints', () => {
  it('reports liveness and database readiness', async () => {
    expect((await ctx.as(null, { method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const ready = await ctx.as(null, { method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: ctx.database.kind });
  });

  it('publishes an OpenAPI 3.1 document describing the API, and a browsable reference', async () => {
    const doc = (await ctx.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/me',
        '/api/networks/{networkId}/audit',
        '/api/networks/{networkId}/files',
        '/api/setup',
      ]),
    );
    expect(doc.paths['/api/setup'].post.requestBody).toBeDefined();
    const ui = await ctx.as(null, { method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

describe('error model', () => {
  it('never leaks an internal message; gives a request id instead', async () => {
    const res = await ctx.as(null, { method: 'GET', url: '/api/test-boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('geheime');
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers unknown API addresses with the one error shape', async () => {
    const res = await ctx.as(null, { method: 'GET', url: '/api/gibt-es-nicht' });
    expect(res.statusCode).toBe(404);
    expect(
      z
        .object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }) })
        .parse(res.json()).error.message,
    ).toMatch(/gibt es nicht/);
  });

  it('refuses malformed JSON with 400 in German', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { origin: ctx.config.baseUrl, 'content-type': 'application/json' },
      payload: '{"admin": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/ungültig/);
  });
});

describe('security headers', () => {
  // What a browser receives on every answer (the set @fastify/helmet gave with our options).
  const expected = {
    'content-security-policy':
      "default-src 'self';base-uri 'self';font-src 'self';form-action 'self';frame-ancestors 'none';" +
      "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';" +
      "style-src 'self' 'unsafe-inline';connect-src 'self'",
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };

  it('sends a content-security policy and the usual hardening headers on answers and errors', async () => {
    for (const url of ['/api/health', '/api/gibt-es-nicht', '/api/me']) {
      const res = await ctx.as(null, { method: 'GET', url });
      expect(res.headers, url).toMatchObject(expected);
      // Plain http (the test's BASE_URL): no HSTS, which would pin a browser to https.
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('adds HSTS when the installation is served over https', async () => {
    const https = await createTestApp({ BASE_URL: 'https://bildung.example' });
    try {
      const res = await https.as(null, { method: 'GET', url: '/api/health' });
      expect(res.headers).toMatchObject(expected);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await https.close();
    }
  });
});
