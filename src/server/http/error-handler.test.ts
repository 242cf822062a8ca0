import net from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  PASSWORD,
  type TestApp,
  type TestNetwork,
} from '../../../tests/helpers/app.js';
import { multipart } from '../../../tests/helpers/multipart.js';
import { buildApp } from '../app.js';
import * as t from '../db/schema.js';

let ctx: TestApp;
let network: TestNetwork;
beforeAll(async () => {
  ctx = await createTestApp({ SIGNIN_RATE_LIMIT: '3', MAX_UPLOAD_MB: '1' });
  network = await createNetworkWithMembers(ctx);
});
afterAll(() => ctx.close());

type Shaped = { error: { code: string; message: string; requestId: string } };

/** The one error shape, with a German sentence and the request id that the response header names too. */
function expectShape(res: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  const body = JSON.parse(res.body) as Shaped;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toMatch(/^[a-z][a-z0-9_.]*$/);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(body.error.message).not.toMatch(/\b(the|is|not|invalid|error)\b/i);
  expect(body.error.requestId).toBe(res.headers['x-request-id']);
  return body.error;
}

const admin = () => network.users.admin.cookie;
const json = { 'content-type': 'application/json' };

describe("Fastify's own errors answer in our shape", () => {
  it('bad percent-encoding and over-long path parameters', async () => {
    const bad = await ctx.as(admin(), { method: 'GET', url: '/api/networks/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    expect(expectShape(bad).code).toBe('bad_url');
    const surrogate = await ctx.as(null, { method: 'GET', url: '/api/public/networks/%ED%A0%80' });
    expect(surrogate.statusCode).toBe(400);
    expect(expectShape(surrogate).code).toBe('bad_url');
    const long = await ctx.as(admin(), { method: 'GET', url: `/api/networks/${'a'.repeat(500)}` });
    expect(long.statusCode).toBe(414);
    expect(expectShape(long).code).toBe('url_too_long');
  });

  it('1 MB of JSON is "zu groß" for a request, not for a file; files keep their own limit', async () => {
    const big = await ctx.as(admin(), {
      method: 'PATCH',
      url: `/api/networks/${network.id}`,
      headers: json,
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    const error = expectShape(big);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/^Die Anfrage ist zu groß/);
    expect(error.message).not.toMatch(/Datei/);

    const upload = multipart(
      { visibility: 'members' },
      { name: 'gross.txt', type: 'text/plain', content: Buffer.alloc(1_100_000, 'a') },
    );
    const file = await ctx.as(admin(), {
      method: 'POST',
      url: `/api/networks/${network.id}/files`,
      ...upload,
    });
    expect(file.statusCode).toBe(413);
    expect(expectShape(file)).toMatchObject({
      code: 'file_too_large',
      message: expect.stringMatching(/Datei/),
    });
  });

  it('malformed or empty JSON, an unsupported media type, invalid UTF-8', async () => {
    const url = `/api/networks/${network.id}`;
    const cases = [
      { headers: json, payload: '{"name": ', status: 400, code: 'invalid_json' },
      { headers: json, payload: '', status: 400, code: 'empty_body' },
      {
        headers: { 'content-type': 'application/xml' },
        payload: '<a/>',
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        headers: json,
        payload: Buffer.concat([Buffer.from('{"name":"Netz'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
        status: 400,
        code: 'invalid_encoding',
      },
    ];
    for (const c of cases) {
      const res = await ctx.as(admin(), { method: 'PATCH', url, headers: c.headers, payload: c.payload });
      expect(res.statusCode, c.code).toBe(c.status);
      expect(expectShape(res).code).toBe(c.code);
    }
    const [row] = await ctx.database.db.select().from(t.network).where(eq(t.network.id, network.id));
    expect(row!.name).toBe(network.name);
  });

  it('an unknown API address', async () => {
    const res = await ctx.as(null, { method: 'GET', url: '/api/gibt-es-nicht' });
    expect(res.statusCode).toBe(404);
    expect(expectShape(res).code).toBe('not_found');
  });
});

describe('forbidden characters never reach the database', () => {
  it('NUL in a public slug is a 400 naming the field, not a 500', async () => {
    const res = await ctx.as(null, { method: 'GET', url: '/api/public/networks/%00kreis' });
    expect(res.statusCode).toBe(400);
    const error = expectShape(res);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/slug/);
  });

  it.each([
    ['a NUL byte', 'Netz\u0000werk'],
    ['a lone surrogate', 'Netz\uD800werk'],
    ['a right-to-left override', 'Netz\u202Ekrewt'],
    ['a first-strong isolate', 'Netz\u2068werk'],
  ])('%s in a name is refused with a 400 naming the field', async (_label, name) => {
    const res = await ctx.as(admin(), {
      method: 'PATCH',
      url: `/api/networks/${network.id}`,
      headers: json,
      // JSON.stringify escapes a lone surrogate as \ud800, as a browser would send it.
      payload: JSON.stringify({ name }),
    });
    expect(res.statusCode).toBe(400);
    const error = expectShape(res);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/^Die Eingabe ist ungültig: name: enthält unzulässige Zeichen/);
    const [row] = await ctx.database.db.select().from(t.network).where(eq(t.network.id, network.id));
    expect(row!.name).toBe(network.name);
  });

  it('in nested fields, query strings and sign-in too; marks and ordinary scripts pass', async () => {
    const team = await ctx.as(admin(), {
      method: 'PUT',
      url: `/api/networks/${network.id}/structure/team`,
      headers: json,
      payload: JSON.stringify([{ function: 'Leitung', name: 'A\u202Db', phone: '', email: '' }]),
    });
    expect(team.statusCode).toBe(400);
    expect(expectShape(team).message).toMatch(/: 0\.name: /);
    const query = await ctx.as(admin(), {
      method: 'GET',
      url: `/api/networks/${network.id}/audit?entityType=%00`,
    });
    expect(query.statusCode).toBe(400);
    expect(expectShape(query).message).toMatch(/entityType/);
    const signIn = await ctx.as(null, {
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: json,
      payload: JSON.stringify({ email: network.users.admin.email, password: `${PASSWORD}\u0000` }),
    });
    expect(signIn.statusCode).toBe(400);
    expectShape(signIn);
    // Arabic with a right-to-left mark and an emoji (a valid surrogate pair) are ordinary text.
    const ok = await ctx.as(admin(), {
      method: 'PATCH',
      url: `/api/networks/${network.id}`,
      headers: json,
      payload: JSON.stringify({ name: 'شبكة التعليم\u200F 📚 Netz' }),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('شبكة التعليم\u200F 📚 Netz');
  });
});

describe('upload forms pass the same check', () => {
  it('a file name with a right-to-left override and a NUL in a form field are refused', async () => {
    const spoofed = multipart(
      { visibility: 'members' },
      { name: 'Rechnung\u202Efdp.exe', content: Buffer.from('Hallo Welt') },
    );
    const file = await ctx.as(admin(), {
      method: 'POST',
      url: `/api/networks/${network.id}/files`,
      ...spoofed,
    });
    expect(file.statusCode).toBe(400);
    expect(expectShape(file).message).toMatch(
      /^Die Eingabe ist ungültig: file \(Dateiname\): enthält unzulässige Zeichen/,
    );
    const base = `/api/networks/${network.id}/meetings`;
    const meeting = await ctx.as(admin(), {
      method: 'POST',
      url: base,
      payload: { title: 'Lenkungskreis', startsAt: '2027-03-12T14:00', endsAt: '2027-03-12T16:00' },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const item = await ctx.as(admin(), {
      method: 'POST',
      url: `${base}/${meeting.json().id}/items`,
      payload: { title: 'Bericht', kind: 'information' },
    });
    expect(item.statusCode, item.body).toBe(201);
    const titled = multipart(
      { title: 'Vorlage\u0000' },
      { name: 'vorlage.txt', content: Buffer.from('Hallo Welt') },
    );
    const paper = await ctx.as(admin(), {
      method: 'POST',
      url: `${base}/${meeting.json().id}/items/${item.json().id}/papers`,
      ...titled,
    });
    expect(paper.statusCode).toBe(400);
    expect(expectShape(paper).message).toMatch(
      /^Die Eingabe ist ungültig: title: enthält unzulässige Zeichen/,
    );
    const files = await ctx.database.db
      .select()
      .from(t.storedFile)
      .where(eq(t.storedFile.networkId, network.id));
    expect(files).toHaveLength(0);
  });
});

describe('a field of action patched with nothing', () => {
  it('is a 400 "Keine Änderung angegeben", not a 500', async () => {
    const res = await ctx.as(admin(), {
      method: 'PATCH',
      url: `/api/networks/${network.id}/fields/00000000-0000-4000-8000-000000000000`,
      headers: json,
      payload: '{}',
    });
    expect(res.statusCode).toBe(400);
    const error = expectShape(res);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/Keine Änderung angegeben/);
  });
});

describe("better-auth's answers in our shape", () => {
  const post = (url: string, payload: object, ip: string) =>
    ctx.app.inject({ method: 'POST', url, payload, remoteAddress: ip, headers: { origin: BASE_URL } });

  it('a wrong password, a bad reset link and the rate limit, in German with stable codes', async () => {
    const email = network.users.partner.email;
    const wrong = await post('/api/auth/sign-in/email', { email, password: 'falsch-falsch' }, '127.0.200.1');
    expect(wrong.statusCode).toBe(401);
    expect(expectShape(wrong)).toMatchObject({
      code: 'auth.invalid_email_or_password',
      message: 'E-Mail-Adresse oder Passwort ist falsch.',
    });
    const reset = await post(
      '/api/auth/reset-password',
      { token: 'kein-gueltiger-link', newPassword: 'Neues-Passwort-1' },
      '127.0.200.2',
    );
    expect(reset.statusCode).toBe(400);
    expect(expectShape(reset).code).toBe('auth.invalid_token');
    const invalid = await post('/api/auth/sign-in/email', { email: 5 }, '127.0.200.3');
    expect(invalid.statusCode).toBe(400);
    expect(expectShape(invalid)).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/^Die Eingabe ist ungültig: email: /),
    });

    for (let i = 0; i < 3; i++)
      await post('/api/auth/sign-in/email', { email, password: 'falsch-falsch' }, '127.0.200.4');
    const limited = await post('/api/auth/sign-in/email', { email, password: PASSWORD }, '127.0.200.4');
    expect(limited.statusCode).toBe(429);
    expect(expectShape(limited)).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/^Zu viele Anfragen .* in einer Minute erneut\.$/),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('leaves successful answers untouched for the web client', async () => {
    const ok = await post(
      '/api/auth/sign-in/email',
      { email: network.users.guest.email, password: PASSWORD },
      '127.0.200.5',
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { email: network.users.guest.email } });
    expect(ok.cookies.length).toBeGreaterThan(0);
  });

  it('a change without a session sends the person to the sign-in, as our own 401s do', async () => {
    const res = await post(
      '/api/auth/change-password',
      { currentPassword: PASSWORD, newPassword: 'Neues-Passwort-1' },
      '127.0.200.6',
    );
    expect(res.statusCode).toBe(401);
    expect(expectShape(res)).toMatchObject({ code: 'unauthenticated', message: 'Bitte melden Sie sich an.' });
  });

  it('an unknown address under /api/auth', async () => {
    const res = await ctx.as(null, { method: 'GET', url: '/api/auth/gibt-es-nicht' });
    expect(res.statusCode).toBe(404);
    expect(expectShape(res).code).toBe('not_found');
  });
});

describe('shutting down', () => {
  it('answers requests arriving while the server closes with 503 in our shape', async () => {
    const app = await buildApp(ctx.config, { database: ctx.database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // A request that has begun keeps its connection open while the server closes.
    socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n');
    await new Promise((r) => setTimeout(r, 50));
    const closed = app.close();
    await new Promise((r) => setTimeout(r, 50));
    let raw = '';
    socket.on('data', (d) => {
      raw += d.toString();
    });
    const ended = new Promise((resolve) => socket.once('close', resolve));
    socket.write('\r\n');
    await ended;
    await closed;
    const [head, body] = raw.split('\r\n\r\n') as [string, string];
    expect(head).toMatch(/^HTTP\/1\.1 503/);
    expect(head).toMatch(/retry-after: 5/i);
    const requestId = /x-request-id: (\S+)/i.exec(head)?.[1];
    expectShape({ statusCode: 503, body, headers: { 'x-request-id': requestId } });
    expect(JSON.parse(body).error.code).toBe('unavailable');
  });
});
