import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  PASSWORD,
  signIn,
  type TestApp,
} from '../../../../tests/helpers/app.js';
import { totp } from '../../../../tests/helpers/totp.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({ SIGNIN_RATE_LIMIT: '4' });
});
afterAll(() => ctx.close());

const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) =>
  res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

const post = (url: string, payload: object, cookie?: string, ip = '127.0.2.1') =>
  ctx.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: ip,
    headers: { origin: BASE_URL, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  });

describe('sign-in', () => {
  it('refuses a wrong password and is rate-limited per address', async () => {
    const net = await createNetworkWithMembers(ctx);
    const email = net.users.partner.email;
    const wrong = await post(
      '/api/auth/sign-in/email',
      { email, password: 'falsch-falsch' },
      undefined,
      '127.0.100.7',
    );
    expect(wrong.statusCode).toBe(401);
    for (let i = 0; i < 3; i++)
      await post('/api/auth/sign-in/email', { email, password: 'falsch-falsch' }, undefined, '127.0.100.7');
    const limited = await post(
      '/api/auth/sign-in/email',
      { email, password: PASSWORD },
      undefined,
      '127.0.100.7',
    );
    expect(limited.statusCode).toBe(429);
    // Another address is not affected.
    const elsewhere = await post(
      '/api/auth/sign-in/email',
      { email, password: PASSWORD },
      undefined,
      '127.0.100.8',
    );
    expect(elsewhere.statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const net = await createNetworkWithMembers(ctx);
    const cookie = net.users.office.cookie;
    expect((await ctx.as(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const out = await post('/api/auth/sign-out', {}, cookie);
    expect(out.statusCode).toBe(200);
    expect((await ctx.as(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('sends a link through the outbox; the new password works and the old one no longer does', async () => {
    const net = await createNetworkWithMembers(ctx);
    const email = net.users.committee.email;
    const req = await post(
      '/api/auth/request-password-reset',
      { email, redirectTo: '/passwort-neu' },
      undefined,
      '127.0.113.5',
    );
    expect(req.statusCode).toBe(200);
    const [mail] = await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.toAddress, email));
    expect(mail?.subject).toBe('Passwort zurücksetzen – Bildungsnetz');
    expect(mail?.sensitive).toBe(true);
    const link = mail!.textBody.match(/https?:\/\/\S+/)![0];
    const token = new URL(link).pathname.split('/').pop()!;
    const reset = await post(
      '/api/auth/reset-password',
      { newPassword: 'Neues-Passwort-456', token },
      undefined,
      '127.0.113.5',
    );
    expect(reset.statusCode).toBe(200);
    await expect(signIn(ctx.app, email)).rejects.toThrow(/401/);
    expect(await signIn(ctx.app, email, 'Neues-Passwort-456')).toContain('session_token');
    // The reset ended the sessions that were open before.
    expect((await ctx.as(net.users.committee.cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(
      401,
    );
  });
});

describe('second factor', () => {
  it('is set up with TOTP, then asked for at sign-in, and can be required by an administrator', async () => {
    const net = await createNetworkWithMembers(ctx);
    const require2fa = await ctx.as(net.users.admin.cookie, {
      method: 'PATCH',
      url: `/api/networks/${net.id}`,
      payload: { requireSecondFactor: true },
    });
    // The administrator has no second factor yet and would lock themselves out.
    expect(require2fa.statusCode).toBe(409);
    expect(require2fa.json().error.code).toBe('networks.own_second_factor_first');
    await ctx.database.db
      .update(t.network)
      .set({ requireSecondFactor: true })
      .where(eq(t.network.id, net.id));

    const user = net.users.office;
    const blocked = await ctx.as(user.cookie, { method: 'GET', url: `/api/networks/${net.id}/files` });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.second_factor_required');
    const me = await ctx.as(user.cookie, { method: 'GET', url: '/api/me' });
    expect(me.json().secondFactorRequiredBy).toEqual([net.id]);

    const enable = await post('/api/auth/two-factor/enable', { password: PASSWORD }, user.cookie);
    expect(enable.statusCode).toBe(200);
    const secret = new URL(enable.json().totpURI).searchParams.get('secret')!;
    expect(enable.json().backupCodes.length).toBeGreaterThan(5);
    const verify = await post('/api/auth/two-factor/verify-totp', { code: totp(secret) }, user.cookie);
    expect(verify.statusCode).toBe(200);
    const session = cookieOf(verify) || user.cookie;
    const open = await ctx.as(session, { method: 'GET', url: `/api/networks/${net.id}/files` });
    expect(open.statusCode).toBe(200);

    // Next sign-in: the password alone is not enough.
    const first = await post(
      '/api/auth/sign-in/email',
      { email: user.email, password: PASSWORD },
      undefined,
      '127.0.113.9',
    );
    expect(first.json().twoFactorRedirect).toBe(true);
    expect(first.cookies.some((c) => c.name.endsWith('session_token') && c.value)).toBe(false);
    const wrongCode = await post(
      '/api/auth/two-factor/verify-totp',
      { code: '000000' },
      cookieOf(first),
      '127.0.113.9',
    );
    expect(wrongCode.statusCode).toBe(401);
    const second = await post(
      '/api/auth/two-factor/verify-totp',
      { code: totp(secret) },
      cookieOf(first),
      '127.0.113.9',
    );
    expect(second.statusCode).toBe(200);
    const me2 = await ctx.as(cookieOf(second), { method: 'GET', url: '/api/me' });
    expect(me2.json().user.twoFactorEnabled).toBe(true);
    expect(me2.json().secondFactorRequiredBy).toEqual([]);
  });
});
