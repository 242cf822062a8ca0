import { randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Roles } from '../../src/contracts/common.js';
import * as t from '../../src/server/db/schema.js';
import { type Access, accessKey, type RouteAccess } from '../../src/server/http/access.js';
import { can } from '../../src/server/modules/networks/networks.policy.js';
import { createNetworkWithMembers, createTestApp, type TestApp, type TestNetwork } from '../helpers/app.js';

/*
 * The whole route table × every caller, generated from the declarations: nobody writes rows here.
 * A new route is walked as soon as it is registered; a route the walk did not reach fails the test.
 * Callers: anonymous, a user of another network, and one member per role of the test network (its
 * administrator is also an operator of the installation).
 */

type Caller = { name: string; cookie: string | null; role: (typeof Roles)[number] | null; operator: boolean };

// Built at collection time so that each route becomes a test of its own (and gets its own time).
const ctx: TestApp = await createTestApp();
const reached = new Set<string>();
const key = (method: string, url: string) => `${method} ${url}`;
// Which route answered each request, so that a walk that misses a route (a wrong URL answered by the
// not-found handler) cannot pass unnoticed.
ctx.app.addHook('onResponse', async (req) => {
  if (req.routeOptions.url) reached.add(key(req.method, req.routeOptions.url));
});
const routes: readonly RouteAccess[] = ctx.app.routeAccess;
let net: TestNetwork;
let other: TestNetwork;
let callers: Caller[];

beforeAll(async () => {
  net = await createNetworkWithMembers(ctx);
  other = await createNetworkWithMembers(ctx);
  await ctx.database.db.insert(t.platformAdmin).values({ userId: net.users.admin.id });
  callers = [
    { name: 'anonymous', cookie: null, role: null, operator: false },
    {
      name: 'another network’s administrator',
      cookie: other.users.admin.cookie,
      role: null,
      operator: false,
    },
    ...Roles.map((role) => ({
      name: role,
      cookie: net.users[role].cookie,
      role,
      operator: role === 'admin',
    })),
  ];
});

afterAll(async () => {
  await ctx.close();
});

/** A concrete address for a route pattern: the test network, random ids, made-up tokens. */
function fill(url: string): string {
  return url
    .replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'networkId') return net.id;
      if (name === 'token') return randomBytes(24).toString('hex');
      if (name === 'version') return '1';
      if (name === 'format') return 'pdf';
      if (name === 'kind') return 'imprint';
      if (name === 'slug') return `unbekannt-${randomBytes(3).toString('hex')}`;
      return randomUUID();
    })
    .replace(/\*$/, url.startsWith('/api/docs/') ? 'index.css' : 'get-session');
}

type Expectation = 'unauthenticated' | 'network_hidden' | 'forbidden' | 'allowed';

function expected(access: Access, c: Caller): Expectation {
  if (access === 'public') return 'allowed';
  if (!c.cookie) return 'unauthenticated';
  if (access === 'signed-in') return 'allowed';
  if (access === 'operator') return c.operator ? 'allowed' : 'forbidden';
  if (!c.role) return 'network_hidden';
  if (access === 'member') return 'allowed';
  return can(c.role, access.permission) ? 'allowed' : 'forbidden';
}

/** What was wrong with an answer, or null when it is as declared. */
function mismatch(res: LightMyRequestResponse, want: Expectation): string | null {
  const code = res.headers['content-type']?.toString().includes('json')
    ? (res.json() as { error?: { code?: string } } | null)?.error?.code
    : undefined;
  const got = `${res.statusCode} ${code ?? ''}`.trim();
  // Whatever the caller, a made-up request never crashes the server.
  if (res.statusCode >= 500) return `crashed: ${got}`;
  if (want === 'unauthenticated' && got !== '401 auth.unauthenticated') return `want 401, got ${got}`;
  if (want === 'network_hidden' && got !== '404 network.not_found')
    return `want 404 network.not_found, got ${got}`;
  if (want === 'forbidden' && got !== '403 forbidden') return `want 403 forbidden, got ${got}`;
  // Past authorization a 400 for the made-up input or a 404 for a made-up record is fine.
  if (
    want === 'allowed' &&
    (res.statusCode === 401 || res.statusCode === 403 || code === 'network.not_found')
  )
    return `want access, got ${got}`;
  return null;
}

describe('route × caller matrix', () => {
  it('is generated from the whole route table', () => {
    // The table is the app's own: every module is in it (a floor, not a count anyone maintains).
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.some((r) => r.url === '/api/auth/*')).toBe(true);
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s answers every caller as declared',
    async (_, route) => {
      const failures: string[] = [];
      for (const c of callers) {
        const res = await ctx.as(c.cookie, {
          method: route.method as 'GET',
          url: fill(route.url),
          ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
        });
        const wrong = mismatch(res, expected(route.access, c));
        if (wrong) failures.push(`${c.name} (${accessKey(route.access)}): ${wrong}`);
      }
      expect(failures).toEqual([]);
      expect(reached.has(key(route.method, route.url)), 'the request reached this route').toBe(true);
    },
  );

  it('refuses before reading the input: a forbidden caller learns nothing about the body', async () => {
    const url = `/api/networks/${net.id}/meetings`;
    const bad = { title: 42 };
    const anon = await ctx.as(null, { method: 'POST', url, payload: bad });
    expect(anon.statusCode).toBe(401);
    const guest = await ctx.as(net.users.guest.cookie, { method: 'POST', url, payload: bad });
    expect(guest.json().error.code).toBe('forbidden');
    const outsider = await ctx.as(other.users.admin.cookie, { method: 'POST', url, payload: bad });
    expect(outsider.json().error.code).toBe('network.not_found');
    const office = await ctx.as(net.users.office.cookie, { method: 'POST', url, payload: bad });
    expect(office.statusCode).toBe(400);
  });

  it('answers a malformed network id as an unknown network, not as an error', async () => {
    const res = await ctx.as(net.users.admin.cookie, {
      method: 'GET',
      url: '/api/networks/kein-netz/meetings',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('network.not_found');
  });
});

describe('the OpenAPI document', () => {
  it('shows on every operation who may call it, and describes every upload form', async () => {
    const doc = (await ctx.as(null, { method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    type Operation = {
      description?: string;
      'x-permission'?: string;
      security?: unknown[];
      requestBody?: {
        content: Record<string, { schema: { properties?: Record<string, { format?: string }> } }>;
      };
    };
    const documented = new Map<string, Operation>();
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) documented.set(`${method.toUpperCase()} ${path}`, op);
    // Only the machinery's own routes stay out of the document: better-auth, the document, its viewer.
    const undocumented = routes.filter(
      (r) => !documented.has(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect(
      undocumented.map((r) => r.url).filter((u) => !/^\/api\/(auth\/|openapi\.json|docs)/.test(u)),
    ).toEqual([]);
    for (const r of routes) {
      const op = documented.get(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
      if (!op) continue;
      const label = `${r.method} ${r.url}`;
      expect(op['x-permission'], label).toBe(accessKey(r.access));
      expect(op.description, label).toMatch(/Berechtigung: \S/);
      expect(Boolean(op.security), label).toBe(r.access !== 'public');
      const form = op.requestBody?.content['multipart/form-data'];
      expect(Boolean(form), `${label} documents its upload form`).toBe(r.upload);
      if (form) expect(form.schema.properties?.file?.format, label).toBe('binary');
    }
    expect(routes.filter((r) => r.upload).length).toBeGreaterThanOrEqual(3);
    const upload = documented.get('POST /api/networks/{networkId}/files')!;
    expect(upload.description).toContain(
      'Berechtigung: Benutzer des Bildungsnetzwerks mit der Berechtigung „files.write“',
    );
    expect(documented.get('GET /api/health')!.description).toContain('Berechtigung: öffentlich');
  });
});
