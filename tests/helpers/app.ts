import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/contracts/common.js';
import { buildApp } from '../../src/server/app.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import * as t from '../../src/server/db/schema.js';
import { createAccount } from '../../src/server/modules/networks/networks.service.js';
import { createTestDatabase } from './database.js';

export const BASE_URL = 'http://bildungsnetz.test';
export const PASSWORD = 'Test-Passwort-123';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** A request as the browser of a signed-in person sends it (cookie + our Origin). */
  as(cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/** The app on a fresh database of this test file's own, with its files in a temporary folder. */
export async function createTestApp(
  env: Record<string, string> = {},
  /** logStream: the request log at level info, for tests that check what it must never hold. */
  opts: { now?: () => Date; logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-test-'));
  const config = loadConfig({
    BASE_URL,
    DATA_DIR: dataDir,
    LOG_LEVEL: opts.logStream ? 'info' : 'silent',
    SIGNIN_RATE_LIMIT: '1000',
    ...env,
  });
  const app = await buildApp(
    config,
    opts.logStream
      ? { database, now: opts.now, logStream: opts.logStream }
      : { database, logger: false, now: opts.now },
  );
  return {
    app,
    database,
    config,
    as: (cookie, opts) =>
      app.inject({
        ...opts,
        headers: { origin: BASE_URL, ...(cookie ? { cookie } : {}), ...(opts.headers ?? {}) },
      }),
    async close() {
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A loopback address of its own per sign-in, so that helpers never trip the per-address rate limit. */
export const someLoopbackAddress = () =>
  `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    remoteAddress: someLoopbackAddress(),
    url: '/api/auth/sign-in/email',
    headers: { origin: BASE_URL, 'content-type': 'application/json' },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`);
  return cookies.join('; ');
}

export type TestNetwork = {
  id: string;
  name: string;
  users: Record<Role, { id: string; email: string; cookie: string }>;
};

const unique = () => randomBytes(4).toString('hex');

/**
 * A request to a network's API as one of its members: `call(net, 'office', 'POST', '/lists', body)`
 * goes to /api/networks/<id><prefix>/lists. The app is read when called (it is made in beforeAll).
 */
export const networkCaller =
  (app: () => TestApp, prefix = '') =>
  (
    net: TestNetwork,
    who: Role,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    app().as(net.users[who].cookie, { method, url: `/api/networks/${net.id}${prefix}${url}`, payload });

/**
 * A network of its own for one test, with one signed-in member per role. Each test builds its own
 * tenant, so tests never need cleaning up and never see each other's data.
 */
export async function createNetworkWithMembers(
  ctx: TestApp,
  name = `Testnetz ${unique()}`,
): Promise<TestNetwork> {
  const db = ctx.database.db;
  const roles: Role[] = ['admin', 'office', 'committee', 'guest', 'partner'];
  const created = await db.transaction(async (tx) => {
    const [n] = await tx.insert(t.network).values({ name, regionKey: '05958' }).returning();
    const users: Array<{ role: Role; id: string; email: string }> = [];
    for (const role of roles) {
      const email = `${role}-${unique()}@test.example`;
      const u = await createAccount(tx, { name: `Test ${role}`, email, password: PASSWORD });
      await tx.insert(t.membership).values({ networkId: n!.id, userId: u.id, role });
      users.push({ role, id: u.id, email });
    }
    return { n: n!, users };
  });
  const users = {} as TestNetwork['users'];
  for (const u of created.users)
    users[u.role] = { id: u.id, email: u.email, cookie: await signIn(ctx.app, u.email) };
  return { id: created.n.id, name: created.n.name, users };
}
