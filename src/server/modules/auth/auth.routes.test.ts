import { Writable } from 'node:stream';
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
import { backupText } from '../../../../tests/helpers/backup.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import { totp } from '../../../../tests/helpers/totp.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
let smtp: TestSmtp;
let log = '';
beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await createTestApp(
    { SIGNIN_RATE_LIMIT: '4', SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: '3600000' },
    {
      logStream: new Writable({
        write(chunk, _enc, done) {
          log += chunk.toString();
          done();
        },
      }),
    },
  );
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

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
  const requestReset = (email: string) =>
    post(
      '/api/auth/request-password-reset',
      { email, redirectTo: '/passwort-neu' },
      undefined,
      '127.0.113.5',
    );
  const outboxOf = (email: string) =>
    ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.toAddress, email));

  it('mails a link that is stored nowhere; the new password works and the old one no longer does', async () => {
    const net = await createNetworkWithMembers(ctx);
    const email = net.users.committee.email;
    expect((await requestReset(email)).statusCode).toBe(200);
    const delivered = smtp.received
      .filter((m) => m.subject === 'Passwort zurücksetzen – Bildungsnetz')
      .at(-1)!;
    expect(delivered.text).toContain('eine Stunde gültig');
    const link = delivered.text!.match(/https?:\/\/\S+\/reset-password\/\S+/)![0];
    const token = new URL(link).pathname.split('/').pop()!;
    expect(token.length).toBeGreaterThan(20);

    // The outbox keeps the mail with the link cut out; no table (verification included) holds the token.
    const [mail] = await outboxOf(email);
    expect(mail).toMatchObject({ status: 'sent', sensitive: true, linkNotStored: true });
    expect(mail!.textBody).toContain('[persönlicher Link]');
    expect(mail!.textBody).not.toContain(token);
    const backup = await backupText(ctx.app);
    expect(backup).toContain('[persönlicher Link]');
    expect(backup).not.toContain(token);

    // The delivered link leads on to the page for the new password.
    const open = await ctx.as(null, {
      method: 'GET',
      url: `/api/auth/reset-password/${token}?callbackURL=%2Fpasswort-neu`,
    });
    expect(open.statusCode).toBe(302);
    expect(open.headers.location).toContain(`token=${token}`);
    // The request log names the route, never the token in its URL.
    expect(log).toContain('/api/auth/reset-password/[redacted]');
    expect(log).not.toContain(token);

    const reset = await post(
      '/api/auth/reset-password',
      { newPassword: 'Neues-Passwort-456', token },
      undefined,
      '127.0.113.5',
    );
    expect(reset.statusCode).toBe(200);
    await expect(signIn(ctx.app, email)).rejects.toThrow(/401/);
    expect(await signIn(ctx.app, email, 'Neues-Passwort-456')).toContain('session_token');
    // The reset ended the sessions that were open before, and the link works only once.
    expect((await ctx.as(net.users.committee.cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(
      401,
    );
    const twice = await post(
      '/api/auth/reset-password',
      { newPassword: 'Drittes-Passwort-789', token },
      undefined,
      '127.0.113.5',
    );
    expect(twice.statusCode).toBe(400);
  });

  it('does not keep a link it could not deliver: the Postausgang says to request a new one', async () => {
    const net = await createNetworkWithMembers(ctx);
    const email = net.users.partner.email;
    const before = smtp.received.length;
    smtp.refuse(true);
    try {
      expect((await requestReset(email)).statusCode).toBe(200);
    } finally {
      smtp.refuse(false);
    }
    expect(smtp.received.length).toBe(before);
    const [mail] = await outboxOf(email);
    expect(mail).toMatchObject({ status: 'failed', attempts: 1, linkNotStored: true });
    expect(mail!.lastError).toMatch(/Neuen Link anfordern/);
    expect(mail!.textBody).not.toMatch(/reset-password/);
    // The outbox worker does not pick it up again (it would send "[persönlicher Link]").
    await ctx.app.mailWorker!.runOnce();
    expect(smtp.received.length).toBe(before);

    // A new request sends a new, working link.
    expect((await requestReset(email)).statusCode).toBe(200);
    const link = smtp.received.at(-1)!.text!.match(/\/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
    const open = await ctx.as(null, {
      method: 'GET',
      url: `/api/auth/reset-password/${link}?callbackURL=%2Fp`,
    });
    expect(open.statusCode).toBe(302);
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
