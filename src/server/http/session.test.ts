import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
} from '../../../tests/helpers/app.js';
import { buildApp } from '../app.js';
import * as t from '../db/schema.js';
import { readCookie, verifySignedValue } from './session.js';

let ctx: TestApp;
let other: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestApp();
  // A second app instance on the same database, as a second server behind a load balancer.
  other = await buildApp(ctx.config, { database: ctx.database, logger: false });
});
afterAll(async () => {
  await other.close();
  await ctx.close();
});

const get = (app: FastifyInstance, url: string, cookie: string) =>
  app.inject({ method: 'GET', url, headers: { cookie } });

const SESSION_COOKIE = 'bn.session_token';
const tokenOf = (cookie: string) => readCookie(cookie, SESSION_COOKIE)!.split('.')[0]!;

describe('session resolution', () => {
  it('a signed-in person reaches /api/me and their network on either instance', async () => {
    const net = await createNetworkWithMembers(ctx);
    for (const app of [ctx.app, other]) {
      const me = await get(app, '/api/me', net.users.committee.cookie);
      expect(me.statusCode).toBe(200);
      expect(me.json().user.email).toBe(net.users.committee.email);
      const meetings = await get(app, `/api/networks/${net.id}/meetings`, net.users.committee.cookie);
      expect(meetings.statusCode).toBe(200);
    }
  });

  it('an expired session is not accepted', async () => {
    const net = await createNetworkWithMembers(ctx);
    const cookie = net.users.office.cookie;
    await ctx.database.db
      .update(t.session)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(t.session.token, tokenOf(cookie)));
    const res = await get(ctx.app, '/api/me', cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.unauthenticated');
    expect((await get(ctx.app, `/api/networks/${net.id}/meetings`, cookie)).statusCode).toBe(401);
  });

  it('sign-out on one instance ends the session on the other at once', async () => {
    const net = await createNetworkWithMembers(ctx);
    const cookie = net.users.partner.cookie;
    expect((await get(other, '/api/me', cookie)).statusCode).toBe(200);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: BASE_URL, 'content-type': 'application/json' },
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect((await get(other, '/api/me', cookie)).statusCode).toBe(401);
    expect((await get(other, `/api/networks/${net.id}`, cookie)).statusCode).toBe(401);
  });

  it('a membership removed on one instance is gone on the other with the next request', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { cookie, id } = net.users.committee;
    expect((await get(other, `/api/networks/${net.id}`, cookie)).statusCode).toBe(200);
    await ctx.database.db
      .delete(t.membership)
      .where(and(eq(t.membership.networkId, net.id), eq(t.membership.userId, id)));
    expect((await get(other, `/api/networks/${net.id}`, cookie)).statusCode).toBe(404);
  });

  it('a network that demands a second factor refuses a member without one', async () => {
    const net = await createNetworkWithMembers(ctx);
    await ctx.database.db
      .update(t.network)
      .set({ requireSecondFactor: true })
      .where(eq(t.network.id, net.id));
    const res = await get(ctx.app, `/api/networks/${net.id}/meetings`, net.users.office.cookie);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.second_factor_required');
    // Once the person has set up the second factor, the same session gets in.
    await ctx.database.db
      .update(t.user)
      .set({ twoFactorEnabled: true })
      .where(eq(t.user.id, net.users.office.id));
    expect((await get(ctx.app, `/api/networks/${net.id}/meetings`, net.users.office.cookie)).statusCode).toBe(
      200,
    );
  });

  it('a tampered or foreign-signed cookie is refused', async () => {
    const net = await createNetworkWithMembers(ctx);
    const signed = readCookie(net.users.admin.cookie, SESSION_COOKIE)!;
    const [token, signature] = [
      signed.slice(0, signed.lastIndexOf('.')),
      signed.slice(signed.lastIndexOf('.') + 1),
    ];
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const variants = [
      `${flipped}.${signature}`, // token changed, signature kept
      token, // signature stripped: a bare token from the database must not be enough
      `${token}.${'A'.repeat(43)}=`, // a signature of the right shape that does not match
    ];
    for (const value of variants) {
      const cookie = `${SESSION_COOKIE}=${encodeURIComponent(value)}`;
      expect((await get(ctx.app, '/api/me', cookie)).statusCode, value).toBe(401);
    }
    expect(verifySignedValue(signed, 'another-secret-of-another-installation')).toBeNull();
    expect((await get(ctx.app, '/api/me', net.users.admin.cookie)).statusCode).toBe(200);
  });

  it('extends a session that has passed its update age, as better-auth does, and sends the new cookie', async () => {
    const net = await createNetworkWithMembers(ctx);
    const cookie = net.users.guest.cookie;
    const token = tokenOf(cookie);
    // Signed in 11 hours ago: 1 hour left of 12, well past the 30-minute update age.
    const old = new Date(Date.now() + 60 * 60 * 1000);
    await ctx.database.db.update(t.session).set({ expiresAt: old }).where(eq(t.session.token, token));
    const res = await get(ctx.app, '/api/me', cookie);
    expect(res.statusCode).toBe(200);
    const renewed = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(renewed?.maxAge).toBe(12 * 60 * 60);
    const [row] = await ctx.database.db.select().from(t.session).where(eq(t.session.token, token));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11.5 * 60 * 60 * 1000);
    // A fresh session is not rewritten on every request.
    const again = await get(ctx.app, '/api/me', cookie);
    expect(again.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });
});
