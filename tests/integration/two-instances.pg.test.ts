import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { type Database, openDatabase } from '../../src/server/db/client.js';
import { enqueueMail } from '../../src/server/modules/mail/mail.service.js';
import { BASE_URL, createNetworkWithMembers, signIn, type TestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { multipart } from '../helpers/multipart.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

// Two app instances side by side on one PostgreSQL database, as behind a load balancer: each with
// its own connection pool, its own DATA_DIR (files are stored in the database) and its own mail worker.
let base: Database & { url?: string };
let a: FastifyInstance;
let b: FastifyInstance;
let dbA: Database;
let dbB: Database;
let smtp: TestSmtp;
let seed: TestApp;

beforeAll(async () => {
  base = await createTestDatabase();
  smtp = await startSmtp();
  const instance = async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-inst-'));
    const db = await openDatabase({ kind: 'postgres', url: base.url!, poolSize: 4 });
    const config = loadConfig({
      BASE_URL,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SMTP_URL: smtp.url,
      OUTBOX_INTERVAL_MS: '3600000',
    });
    return { db, app: await buildApp(config, { database: db, logger: false }) };
  };
  // Both start at the same moment: migrations are serialised by the advisory lock.
  const [x, y] = await Promise.all([instance(), instance()]);
  ({ app: a, db: dbA } = x);
  ({ app: b, db: dbB } = y);
  seed = {
    app: a,
    database: dbA,
    config: a.deps.config,
    as: () => Promise.reject(),
    close: async () => {},
  } as unknown as TestApp;
});
afterAll(async () => {
  await a.close();
  await b.close();
  await dbA.close();
  await dbB.close();
  await base.close();
  await smtp.close();
});

describe('two app instances on one PostgreSQL database', () => {
  it('share sessions: signed in on one, recognised and signed out on the other', async () => {
    const net = await createNetworkWithMembers(seed);
    const cookie = await signIn(a, net.users.office.email);
    const onB = await b.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(onB.statusCode).toBe(200);
    expect(onB.json().networks[0].id).toBe(net.id);
    const out = await b.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: BASE_URL },
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect((await a.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('share the session secret generated at first start', async () => {
    expect(a.deps.auth.options.secret).toBe(b.deps.auth.options.secret);
  });

  it('send every mail exactly once when both workers run at the same time', async () => {
    const net = await createNetworkWithMembers(seed);
    await dbA.db.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) {
        await enqueueMail(tx, {
          networkId: net.id,
          to: `person-${i}@test.example`,
          subject: `Zwei Instanzen ${i}`,
          text: 'x',
        });
      }
    });
    await Promise.all([
      a.mailWorker!.runOnce(),
      b.mailWorker!.runOnce(),
      a.mailWorker!.runOnce(),
      b.mailWorker!.runOnce(),
    ]);
    const subjects = smtp.received.map((m) => m.subject ?? '').filter((s) => s.startsWith('Zwei Instanzen'));
    expect(subjects).toHaveLength(40);
    expect(new Set(subjects).size).toBe(40);
  });

  it('count sign-in attempts together for the rate limit', async () => {
    const net = await createNetworkWithMembers(seed);
    const attempt = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        remoteAddress: '127.9.9.9',
        headers: { origin: BASE_URL, 'content-type': 'application/json' },
        payload: { email: net.users.guest.email, password: 'falsch-falsch-falsch' },
      });
    const limit = a.deps.config.signInRateLimit;
    const codes: number[] = [];
    for (let i = 0; i < limit + 2; i++) codes.push((await attempt(i % 2 === 0 ? a : b)).statusCode);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(1);
  });

  it('share files: uploaded on one, downloaded byte for byte on the other, deleted for both', async () => {
    const net = await createNetworkWithMembers(seed);
    // Several chunks of the database storage; a PDF by its magic bytes, so the upload is accepted.
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      randomBytes(1024 * 1024 + 4321),
      Buffer.from('\n%%EOF\n'),
    ]);
    const cookie = net.users.office.cookie;
    const body = multipart({ visibility: 'members' }, { name: 'Protokoll groß.pdf', content: pdf });
    const up = await a.inject({
      method: 'POST',
      url: `/api/networks/${net.id}/files`,
      payload: body.payload,
      headers: { ...body.headers, cookie, origin: BASE_URL },
    });
    expect(up.statusCode).toBe(201);
    const id = up.json().id;
    const down = await b.inject({
      method: 'GET',
      url: `/api/networks/${net.id}/files/${id}/content`,
      headers: { cookie: net.users.committee.cookie },
    });
    expect(down.statusCode).toBe(200);
    const sha = (x: Buffer) => createHash('sha256').update(x).digest('hex');
    expect(sha(down.rawPayload)).toBe(sha(pdf));
    // Nothing landed in either instance's directory.
    for (const app of [a, b]) {
      const entries = await fs.readdir(app.deps.config.filesDir).catch(() => []);
      expect(entries).toEqual([]);
    }
    const del = await b.inject({
      method: 'DELETE',
      url: `/api/networks/${net.id}/files/${id}`,
      headers: { cookie, origin: BASE_URL },
    });
    expect(del.statusCode).toBe(204);
    const gone = await a.inject({
      method: 'GET',
      url: `/api/networks/${net.id}/files/${id}/content`,
      headers: { cookie },
    });
    expect(gone.statusCode).toBe(404);
  });
});
