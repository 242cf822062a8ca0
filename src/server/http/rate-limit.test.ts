import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../tests/helpers/app.js';
import { buildApp } from '../app.js';
import { type Database, openDatabase } from '../db/client.js';
import * as t from '../db/schema.js';

// A clock the test moves, shared by both instances.
let clock = new Date('2026-03-02T09:00:00Z');
const now = () => clock;

let ctx: TestApp;
let second: FastifyInstance;
let secondDb: Database | null = null;
let network: TestNetwork;
let slug: string;

beforeAll(async () => {
  ctx = await createTestApp(
    { PUBLIC_WRITE_RATE_LIMIT: '3', PUBLIC_WRITE_RATE_WINDOW_MINUTES: '10' },
    { now },
  );
  // A second instance on the same database, as behind a load balancer: on PostgreSQL with a pool of its
  // own, on PGlite on the same database object (one process).
  const url = (ctx.database as Database & { url?: string }).url;
  if (url) secondDb = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  second = await buildApp(ctx.config, { database: secondDb ?? ctx.database, logger: false, now });
  network = await createNetworkWithMembers(ctx);
  slug = `netz-${network.id.slice(0, 8)}`;
  const profile = await ctx.as(network.users.admin.cookie, {
    method: 'PUT',
    url: `/api/networks/${network.id}/public-profile`,
    payload: { slug, contactEmail: 'buero@netz.example' },
  });
  expect(profile.statusCode).toBe(200);
  // Only a published site takes feedback.
  await ctx.database.db.insert(t.publicSite).values({ networkId: network.id, published: true });
});
afterAll(async () => {
  await second.close();
  await secondDb?.close();
  await ctx.close();
});

const feedback = (app: FastifyInstance, ip: string) =>
  app.inject({
    method: 'POST',
    url: `/api/public/networks/${slug}/feedback`,
    remoteAddress: ip,
    headers: { origin: BASE_URL },
    payload: { message: 'Der Link zur Anmeldung auf der Seite funktioniert nicht.' },
  });

describe('anonymous writes are limited per client address, counted in the database', () => {
  it('answers the 4th feedback from one address with 429 in our shape; another address is unaffected', async () => {
    clock = new Date('2026-03-02T09:00:00Z');
    for (let i = 0; i < 3; i++) expect((await feedback(ctx.app, '198.51.100.1')).statusCode).toBe(202);
    clock = new Date('2026-03-02T09:02:30Z');
    const limited = await feedback(ctx.app, '198.51.100.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe(String(7.5 * 60));
    expect(limited.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: 'Zu viele Anfragen von Ihrer Adresse. Bitte versuchen Sie es in 8 Minuten erneut.',
        details: { retryAfterMinutes: 8 },
        requestId: limited.headers['x-request-id'],
      },
    });
    expect((await feedback(ctx.app, '198.51.100.2')).statusCode).toBe(202);
    // After the window the address may write again.
    clock = new Date('2026-03-02T09:10:01Z');
    expect((await feedback(ctx.app, '198.51.100.1')).statusCode).toBe(202);
  });

  it('counts two app instances on one database together', async () => {
    clock = new Date('2026-03-02T10:00:00Z');
    const codes = [];
    for (const app of [ctx.app, second, ctx.app, second])
      codes.push((await feedback(app, '198.51.100.3')).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]);
  });

  it('counts concurrent requests exactly', async () => {
    clock = new Date('2026-03-02T11:00:00Z');
    const all = await Promise.all(
      Array.from({ length: 8 }, (_, i) => feedback(i % 2 ? second : ctx.app, '198.51.100.4')),
    );
    expect(all.filter((r) => r.statusCode === 202)).toHaveLength(3);
    expect(all.filter((r) => r.statusCode === 429)).toHaveLength(5);
  });

  it('applies to reply and vote links as well, each route counted on its own', async () => {
    clock = new Date('2026-03-02T12:00:00Z');
    const reply = (ip: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/meeting-replies/${'x'.repeat(43)}`,
        remoteAddress: ip,
        headers: { origin: BASE_URL },
        payload: { reply: 'yes' },
      });
    for (let i = 0; i < 3; i++) expect((await reply('198.51.100.5')).statusCode).not.toBe(429);
    expect((await reply('198.51.100.5')).statusCode).toBe(429);
    const vote = await ctx.app.inject({
      method: 'POST',
      url: `/api/procedure-votes/${'x'.repeat(43)}`,
      remoteAddress: '198.51.100.5',
      headers: { origin: BASE_URL },
      payload: { stance: 'consent' },
    });
    expect(vote.statusCode).not.toBe(429);
  });

  it('behind a proxy (TRUST_PROXY) counts the forwarded client address', async () => {
    clock = new Date('2026-03-02T12:30:00Z');
    const proxied = await buildApp(
      { ...ctx.config, trustProxy: true },
      { database: secondDb ?? ctx.database, logger: false, now },
    );
    try {
      const via = (client: string) =>
        proxied.inject({
          method: 'POST',
          url: `/api/public/networks/${slug}/feedback`,
          remoteAddress: '10.0.0.1',
          headers: { origin: BASE_URL, 'x-forwarded-for': client },
          payload: { message: 'Der Link zur Anmeldung auf der Seite funktioniert nicht.' },
        });
      for (let i = 0; i < 3; i++) expect((await via('203.0.113.1')).statusCode).toBe(202);
      expect((await via('203.0.113.1')).statusCode).toBe(429);
      expect((await via('203.0.113.2')).statusCode).toBe(202);
    } finally {
      await proxied.close();
    }
  });

  it('deletes buckets whose window has passed', async () => {
    clock = new Date('2026-03-02T13:00:00Z');
    await feedback(ctx.app, '198.51.100.6');
    await feedback(second, '198.51.100.7');
    // The buckets of the earlier hours are gone; only the two current ones remain.
    const current = await ctx.database.db.select().from(t.rateLimitBucket);
    expect(current.map((b) => b.hits)).toEqual([1, 1]);
    clock = new Date('2026-03-03T13:00:00Z');
    await feedback(ctx.app, '198.51.100.8');
    const after = await ctx.database.db.select().from(t.rateLimitBucket);
    expect(after).toHaveLength(1);
    // The client address itself is not stored.
    expect(after[0]!.key).not.toContain('198.51.100.8');
  });
});
