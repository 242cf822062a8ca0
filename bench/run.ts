/**
 * `npm run bench`: throughput and latency of the real app against a bare Fastify floor on the same
 * machine, over loopback only. Bounded (DURATION_S per target, CONNECTIONS connections), stops by
 * itself, no pass/fail: numbers for orientation, compare within one run (a shared machine is noisy).
 *
 *   floor                 bare Fastify hello-world in this process
 *   health                GET /api/health without a cookie
 *   me, meetings,         GET /api/me, the meeting list and the decision register with the session
 *   decisions             cookie of the demo network's office: the reads the UI makes most
 *
 * Each is printed as a ratio to the floor; targets ≥ 0.08 (PGlite) and ≥ 0.35 (PostgreSQL).
 * Database: PGlite in a temporary DATA_DIR always; when DATABASE_URL is set, also a temporary database
 * created on that PostgreSQL server and dropped afterwards. Data: the HSK demo network.
 *
 * `--scale nrw` then fills 52 networks as in NRW (bench/scale.ts) and prints, per list endpoint, p95
 * (sequential requests) at that scale divided by p95 at demo scale (goal ≤ 1.5).
 * Then the registration rush of a conference (bench/registration.ts): 2,000 registrations for 300
 * places and 10 workshops, registrations/s and p99 against the /api/health floor of the same run,
 * `overbooked N, lost N`; `--size N` sends N registrations instead.
 * Last: RSS of an idle server process and the web app's first-paint weight (bench/figures.ts).
 * `--only reads|registration|figures` (comma-separated) runs only those benchmarks.
 * Settings: BENCH_DURATION_S (5), BENCH_CONNECTIONS (20), BENCH_P95_REQUESTS (200),
 * BENCH_DATABASES (pglite,postgres).
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
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/server/demo/seed.js';
import { seedSteeringDemo } from '../src/server/demo/steering-demo.js';
import { printFigures } from './figures.js';
import { benchRegistration, registrationsWanted } from './registration.js';
import { generateNrw } from './scale.js';

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
const P95_REQUESTS = Number(process.env.BENCH_P95_REQUESTS ?? 200);
const HOST = '127.0.0.1';
const DATABASES = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const SCALE = process.argv.includes('--scale')
  ? process.argv[process.argv.indexOf('--scale') + 1]
  : undefined;
if (SCALE !== undefined && SCALE !== 'nrw') {
  console.error('Unbekannte Größe für --scale. Möglich ist: --scale nrw');
  process.exit(2);
}

const BENCHES = ['reads', 'registration', 'figures'] as const;
const ONLY = process.argv.includes('--only')
  ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',')
  : [...BENCHES];
if (ONLY.length === 0 || ONLY.some((b) => !(BENCHES as readonly string[]).includes(b))) {
  console.error(`Unbekannter Benchmark für --only. Möglich sind: ${BENCHES.join(', ')}`);
  process.exit(2);
}
const runs = (b: (typeof BENCHES)[number]) => ONLY.includes(b);
// Read before any work starts, so a wrong --size stops at once.
const REGISTRATIONS = runs('registration') ? registrationsWanted() : 0;

const TARGETS = { pglite: 0.08, postgres: 0.35 } as const;

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

/** p95 of one request at a time (no queueing): how long a person waits for the list. */
async function p95(url: string, headers: Record<string, string>): Promise<number> {
  for (let i = 0; i < 10; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < P95_REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length * 0.95)]!;
}

async function withTempPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_tmp_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  // On a shared server another tool may end idle connections; the drop then reconnects below.
  admin.on('error', () => {});
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      try {
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.end();
        await admin.end().catch(() => undefined);
      }
    },
  };
}

type Row = { name: string; rps: number; p99: number; floor: number; ratio: number };
type DbReport = {
  kind: 'pglite' | 'postgres';
  rows: Row[];
  scale?: { endpoint: string; demo: number; nrw: number }[];
  /** 1-minute load average while the demo and the NRW p95 were taken: how noisy the machine was. */
  load?: { demo: number; nrw: number };
  generated?: string;
};

async function benchDatabase(kind: 'pglite' | 'postgres', floorUrl: string): Promise<DbReport> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-bench-'));
  const pgTemp =
    kind === 'postgres' && process.env.DATABASE_URL
      ? await withTempPostgres(process.env.DATABASE_URL)
      : undefined;
  let app: FastifyInstance | undefined;
  const report: DbReport = { kind, rows: [] };
  try {
    const config = loadConfig({
      DATA_DIR: tmp,
      DATABASE_URL: pgTemp?.url,
      LOG_LEVEL: 'silent',
      OUTBOX_INTERVAL_MS: '60000',
    });
    app = await buildApp(config, { logger: false });
    const { networkId } = await seedDemo(app.deps.db);
    await seedSteeringDemo(app.deps, networkId);
    const base = await listen(app);
    const origin = new URL(config.baseUrl).origin;
    const signIn = async (role: 'office' | 'admin') => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      const res = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email: account.email, password: DEMO_PASSWORD }),
      });
      if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
      return {
        cookie: res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
      };
    };
    const headers = await signIn('office');
    // The audit log is the administration's.
    const adminHeaders = await signIn('admin');
    const n = `${base}/api/networks/${networkId}`;
    const reads: Array<[string, string, Record<string, string> | undefined]> = [
      ['GET /api/health', `${base}/api/health`, undefined],
      ['GET /api/me', `${base}/api/me`, headers],
      ['GET …/meetings', `${n}/meetings`, headers],
      ['GET …/decisions', `${n}/decisions`, headers],
    ];
    for (const [name, url, h] of reads) {
      const check = await fetch(url, { headers: h });
      if (!check.ok) throw new Error(`${name}: ${check.status} ${await check.text()}`);
      // The floor is measured again right before each target: on a shared machine the load changes
      // within minutes, and a ratio is only meaningful between two numbers taken under the same load.
      const floorRps = (await measure('floor', floorUrl)).requests.average;
      const r = await measure(name, url, h);
      report.rows.push({
        name,
        rps: r.requests.average,
        p99: r.latency.p99,
        floor: floorRps,
        ratio: r.requests.average / floorRps,
      });
    }

    if (SCALE === 'nrw') {
      const lists: Array<[string, string, Record<string, string>]> = [
        ['meetings', `${n}/meetings`, headers],
        ['decisions', `${n}/decisions`, headers],
        ['audit', `${n}/audit`, adminHeaders],
        ['committee', `${n}/committee`, headers],
        ['files', `${n}/files`, headers],
        ['me', `${base}/api/me`, headers],
      ];
      const demo: number[] = [];
      for (const [, url, h] of lists) demo.push(await p95(url, h));
      const demoLoad = os.loadavg()[0]!;
      const figures = await generateNrw(app.deps.database, [networkId]);
      report.generated = `${figures.networks} networks in ${figures.seconds.toFixed(1)} s: ${Object.entries(
        figures.rows,
      )
        .map(([t, c]) => `${t} ${c}`)
        .join(', ')}`;
      report.scale = [];
      for (const [i, [endpoint, url, h]] of lists.entries())
        report.scale.push({ endpoint, demo: demo[i]!, nrw: await p95(url, h) });
      report.load = { demo: demoLoad, nrw: os.loadavg()[0]! };
    }
  } catch (err) {
    // Shown before the clean-up, which may fail in turn and would hide the cause.
    console.error(`bench on ${kind} failed:`, err);
    throw err;
  } finally {
    await app?.close();
    await pgTemp?.drop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return report;
}

function print(report: DbReport) {
  const target = TARGETS[report.kind];
  console.log(
    `\n${report.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} (target for the session reads ≥ ${target} of the floor measured just before)`,
  );
  console.log(
    `${'target'.padEnd(20)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(8)} ${'floor'.padStart(8)} ${'of floor'.padStart(9)}`,
  );
  for (const r of report.rows) {
    const mark = r.name === 'GET /api/health' ? '' : r.ratio >= target ? '  ok' : '  below target';
    console.log(
      `${r.name.padEnd(20)} ${r.rps.toFixed(0).padStart(9)} ${String(r.p99).padStart(8)} ${r.floor.toFixed(0).padStart(8)} ${r.ratio.toFixed(3).padStart(9)}${mark}`,
    );
  }
  if (report.scale) {
    console.log(`\n  state scale: ${report.generated}`);
    if (report.load)
      console.log(
        `  load average while measuring: ${report.load.demo.toFixed(1)} (demo), ${report.load.nrw.toFixed(1)} (nrw) on ${os.cpus().length} cores`,
      );
    console.log(
      `  ${'list'.padEnd(12)} ${'p95 demo'.padStart(9)} ${'p95 nrw'.padStart(9)} ${'nrw/demo'.padStart(9)}  (goal ≤ 1.5)`,
    );
    for (const s of report.scale) {
      const ratio = s.nrw / s.demo;
      console.log(
        `  ${s.endpoint.padEnd(12)} ${s.demo.toFixed(2).padStart(9)} ${s.nrw.toFixed(2).padStart(9)} ${ratio.toFixed(2).padStart(9)}${ratio <= 1.5 ? '  ok' : '  above goal'}`,
      );
    }
  }
}

async function main() {
  const floor = Fastify({ logger: false });
  floor.get('/', async () => ({ hello: 'world' }));
  const floorUrl = await listen(floor);
  try {
    console.log(
      `\nbildungsnetz bench${SCALE ? ` --scale ${SCALE}` : ''}: node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}, ${CONNECTIONS} connections, ${DURATION_S} s per target, p95 over ${P95_REQUESTS} sequential requests`,
    );
    const kinds = (['pglite', 'postgres'] as const).filter(
      (k) => DATABASES.includes(k) && (k === 'pglite' || process.env.DATABASE_URL),
    );
    if (runs('reads')) {
      console.log('floor: bare Fastify hello-world in this process, measured again before each target');
      for (const kind of kinds) print(await benchDatabase(kind, floorUrl));
    }
    if (runs('registration')) for (const kind of kinds) await benchRegistration(kind, REGISTRATIONS);
  } finally {
    await floor.close();
  }
  if (runs('figures')) await printFigures();
}

await main();
// The app's background timers are closed with it; exit explicitly in case a driver keeps a handle.
process.exit(0);
