/**
 * `npm run bench`: throughput and latency of the real app against a bare Fastify floor on the same
 * machine, over loopback only. Bounded (DURATION_S per target, CONNECTIONS connections), stops by
 * itself, no pass/fail thresholds: numbers for orientation, compare within one run.
 *
 *   floor      bare Fastify hello-world in this process
 *   health     GET /api/health of the app built by buildApp (no database)
 *   me         GET /api/me with a session cookie (session lookup + user, memberships from the database)
 *
 * Database: a temporary PGlite in a temp DATA_DIR, or, when DATABASE_URL is set, a temporary
 * database created on that PostgreSQL server and dropped afterwards.
 * Settings: BENCH_DURATION_S (5), BENCH_CONNECTIONS (20).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';

type Result = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  workers?: number;
  headers?: Record<string, string>;
}) => Promise<Result>;

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const HOST = '127.0.0.1';

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: HOST });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return `http://${HOST}:${addr.port}`;
}

async function measure(name: string, url: string, headers?: Record<string, string>): Promise<Result> {
  // A short warm-up so JIT and connection set-up do not count.
  // The load generator runs in a worker thread, so it does not share the server's event loop.
  await autocannon({ url, connections: CONNECTIONS, duration: 1, workers: 1, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, workers: 1, headers });
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
    console.warn(`  ${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  }
  return r;
}

async function withTempPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bn_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main() {
  const results: { name: string; r: Result }[] = [];
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-bench-'));
  const pgTemp = process.env.DATABASE_URL ? await withTempPostgres(process.env.DATABASE_URL) : undefined;
  let floor: FastifyInstance | undefined;
  let app: FastifyInstance | undefined;
  try {
    // (a) floor
    floor = Fastify({ logger: false });
    floor.get('/', async () => ({ hello: 'world' }));
    results.push({ name: 'floor (bare Fastify)', r: await measure('floor', await listen(floor)) });
    await floor.close();
    floor = undefined;

    // (b) and (c): the real app
    const config = loadConfig({
      DATA_DIR: tmp,
      DATABASE_URL: pgTemp?.url,
      LOG_LEVEL: 'silent',
      OUTBOX_INTERVAL_MS: '60000',
    });
    app = await buildApp(config, { logger: false });
    const base = await listen(app);
    const origin = new URL(config.baseUrl).origin;
    results.push({ name: 'GET /api/health', r: await measure('health', `${base}/api/health`) });

    const admin = { name: 'Bench Admin', email: 'bench@example.org', password: 'bench-passwort-2026' };
    const setup = await fetch(`${base}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ admin, network: { name: 'Bildungsnetz Bench', regionKey: '05958' } }),
    });
    if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = await fetch(`${base}/api/me`, { headers: { cookie } });
    if (!me.ok) throw new Error(`/api/me: ${me.status} ${await me.text()}`);
    results.push({ name: 'GET /api/me (session)', r: await measure('me', `${base}/api/me`, { cookie }) });
  } finally {
    await floor?.close();
    await app?.close();
    await pgTemp?.drop();
    await fs.rm(tmp, { recursive: true, force: true });
  }

  const floorRps = results[0]!.r.requests.average;
  console.log(
    `\nbildungsnetz bench: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, node ${process.version}, ${os.cpus().length} cores, ${CONNECTIONS} connections, ${DURATION_S} s per target\n`,
  );
  console.log(
    `${'target'.padEnd(24)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(8)} ${'of floor'.padStart(9)}`,
  );
  for (const { name, r } of results) {
    const ratio = floorRps > 0 ? `${((r.requests.average / floorRps) * 100).toFixed(1)} %` : '-';
    console.log(
      `${name.padEnd(24)} ${r.requests.average.toFixed(0).padStart(9)} ${String(r.latency.p99).padStart(8)} ${ratio.padStart(9)}`,
    );
  }
}

await main();
// The app's background timers are closed with it; exit explicitly in case a driver keeps a handle.
process.exit(0);
