/**
 * The registration rush of a conference over loopback: `npm run bench -- --only registration` (or
 * `npm run bench:registration`). 2,000 public registrations for 300 places with 10 workshops of 30
 * places, each choosing three workshops, sent by BENCH_CONNECTIONS (50) parallel clients. First the
 * floor: GET /api/health, one request after the other for two seconds on the idle server; then the rush
 * while the same probe keeps reading /api/health. The clients run in a worker thread, so that making and
 * timing requests does not take the server's event loop. Prints registrations/s, p99 of a registration,
 * the probe's p99 before (the floor) and during the rush, the registration's p99 as a ratio to both
 * (the issue's goal: at most 5), and as its last line `overbooked N, lost N`
 * (places taken beyond capacity, event or session; registrations answered 201 but not stored, or not
 * stored at all, or stored twice). No pass/fail beyond that line: numbers for orientation on a shared
 * machine. `--size N` sends N registrations instead (BENCH_REGISTRATIONS too), BENCH_PLACES the places.
 * Database: PGlite in memory, and with DATABASE_URL a temporary database on that server (dropped after).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import * as t from '../src/server/db/schema.js';

/** `--size N` on the command line, else BENCH_REGISTRATIONS, else the issue's 2,000. */
export function registrationsWanted(argv = process.argv): number {
  const i = argv.indexOf('--size');
  const raw = i >= 0 ? argv[i + 1] : process.env.BENCH_REGISTRATIONS;
  const n = Number(raw ?? 2000);
  if (!Number.isInteger(n) || n < 1) {
    console.error('--size erwartet die Zahl der Anmeldungen, z. B. --size 500');
    process.exit(2);
  }
  return n;
}

const PLACES = Number(process.env.BENCH_PLACES ?? 300);
const SESSIONS = 10;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const FLOOR_MS = 2000;
// Registrations sent to another event first, not counted: as the reads benchmark's warm-up, so that
// opening connections and compiling code and query plans do not count as the rush's latency.
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 200);
// PostgreSQL connections of the app (DATABASE_POOL_SIZE): one per client by default, as operations.md
// advises for a registration rush, so that requests wait for the server's time and not for a connection.
const POOL = Number(process.env.BENCH_POOL ?? CONNECTIONS);

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? 0;
};

async function database(kind: 'pglite' | 'postgres') {
  const url = process.env.DATABASE_URL;
  if (kind === 'pglite' || !url) {
    const db = await openDatabase({ kind: 'pglite' });
    await db.migrate();
    return { db, drop: async () => {} };
  }
  const name = `bench_registration_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  admin.on('error', () => {});
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: POOL });
  await db.migrate();
  return {
    db,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * The load: a warm-up rush on another event (connections, compiled code and query plans as on a server
 * that has been running), a probe of /api/health alone (the floor), then the rush with the probe going on.
 */
const CLIENT = `
const { parentPort, workerData: w } = require('node:worker_threads');
async function send(url, sessions, total, prefix, latencies) {
  let ok = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: w.connections }, async () => {
      while (next < total) {
        const i = next++;
        const choices = [0, 1, 2].map((k) => sessions[(i + k * 3) % sessions.length]);
        const s = performance.now();
        const r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: w.origin },
          body: JSON.stringify({ firstName: 'Test', lastName: 'Person ' + i, email: prefix + i + '@bench.example', choices }),
        });
        await r.arrayBuffer();
        latencies.push(performance.now() - s);
        if (r.status === 201) ok++;
      }
    }),
  );
  return ok;
}
(async () => {
  await send(w.warm.url, w.warm.sessions, w.warm.total, 'w', []);
  let stop = false;
  let health = [];
  const probe = async () => {
    while (!stop) {
      const t0 = performance.now();
      await fetch(w.health).then((r) => r.arrayBuffer());
      health.push(performance.now() - t0);
    }
  };
  const floorRun = probe();
  await new Promise((r) => setTimeout(r, w.floorMs));
  stop = true;
  await floorRun;
  const floor = health;
  health = [];
  stop = false;
  const during = probe();
  const latencies = [];
  const t0 = performance.now();
  const ok = await send(w.url, w.sessions, w.total, 'p', latencies);
  const seconds = (performance.now() - t0) / 1000;
  stop = true;
  await during;
  parentPort.postMessage({ floor, health, latencies, ok, seconds });
})();
`;

type RushFigures = { floor: number[]; health: number[]; latencies: number[]; ok: number; seconds: number };

function rush(workerData: {
  url: string;
  health: string;
  origin: string;
  total: number;
  connections: number;
  floorMs: number;
  sessions: string[];
  warm: { url: string; sessions: string[]; total: number };
}): Promise<RushFigures> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/** One rush on one database; prints its figures and returns them. */
export async function benchRegistration(kind: 'pglite' | 'postgres', TOTAL = registrationsWanted()) {
  const { db: database_, drop } = await database(kind);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    BASE_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'silent',
    OUTBOX_INTERVAL_MS: '600000',
    PUBLIC_WRITE_RATE_LIMIT: String(TOTAL * 10),
  });
  const app = await buildApp(config, { database: database_, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const db = database_.db;
  try {
    const [n] = await db
      .insert(t.network)
      .values({
        name: 'Benchmark-Netzwerk',
        regionKey: '05958',
        slug: `bench-${randomBytes(3).toString('hex')}`,
      })
      .returning();
    await db.insert(t.publicSite).values({ networkId: n!.id, published: true });
    // The conference of the rush, and one alike for the warm-up.
    const conference = async (title: string) => {
      const startsAt = new Date(Date.now() + 60 * 86_400_000);
      const [ev] = await db
        .insert(t.event)
        .values({
          networkId: n!.id,
          type: 'conference',
          title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 7 * 3600_000),
          public: true,
          status: 'registration_open',
          capacity: PLACES,
        })
        .returning();
      const sessions = await db
        .insert(t.eventSession)
        .values(
          Array.from({ length: SESSIONS }, (_, i) => ({
            networkId: n!.id,
            eventId: ev!.id,
            kind: 'workshop' as const,
            title: `Workshop ${i + 1}`,
            startsAt: new Date(startsAt.getTime() + 2 * 3600_000),
            endsAt: new Date(startsAt.getTime() + 4 * 3600_000),
            capacity: 30,
          })),
        )
        .returning();
      return {
        ev: ev!,
        sessions,
        url: `${base}/api/public/networks/${n!.slug}/events/${ev!.id}/registrations`,
      };
    };
    const warm = await conference('Aufwärmen (Benchmark)');
    const { ev, sessions, url } = await conference('Bildungskonferenz (Benchmark)');

    // The clients run in a worker thread: their own event loop, so that sending and timing the requests
    // does not take the server's time (the server runs on this thread).
    const { floor, health, latencies, ok, seconds } = await rush({
      url,
      health: `${base}/api/health`,
      origin: 'http://127.0.0.1',
      total: TOTAL,
      connections: CONNECTIONS,
      floorMs: FLOOR_MS,
      sessions: sessions.map((x) => x.id),
      warm: { url: warm.url, sessions: warm.sessions.map((x) => x.id), total: WARM_UP },
    });

    const regs = await db.select().from(t.registration).where(eq(t.registration.eventId, ev!.id));
    const choices = await db
      .select()
      .from(t.registrationChoice)
      .where(eq(t.registrationChoice.networkId, n!.id));
    const taken = regs.filter((r) => r.status === 'confirmed' || r.status === 'offered').length;
    let overbooked = Math.max(0, taken - PLACES);
    for (const s of sessions) {
      const inSession = choices.filter(
        (c) => c.sessionId === s.id && (c.status === 'confirmed' || c.status === 'offered'),
      ).length;
      overbooked += Math.max(0, inSession - (s.capacity ?? Number.POSITIVE_INFINITY));
    }
    const lost = Math.abs(ok - regs.length) + (TOTAL - new Set(regs.map((r) => r.email)).size);
    const figures = {
      kind,
      total: TOTAL,
      seconds,
      perSecond: TOTAL / seconds,
      ok,
      p99: p99(latencies),
      healthFloorP99: p99(floor),
      healthDuringP99: p99(health),
      overbooked,
      lost,
    };
    console.log(
      `\nAnmeldungen (${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}): ${TOTAL} Anmeldungen, ${PLACES} Plätze, ${SESSIONS} Workshops, ${CONNECTIONS} parallel${kind === 'postgres' ? `, ${POOL} Datenbankverbindungen` : ''}, ${os.cpus().length} Kerne, Last ${os.loadavg()[0]!.toFixed(1)}`,
    );
    console.log(`Anmeldungen/s: ${figures.perSecond.toFixed(1)} (${ok} mit 201, ${seconds.toFixed(1)} s)`);
    console.log(`p99 Anmeldung: ${figures.p99.toFixed(1)} ms`);
    console.log(
      `p99 /api/health, Boden (ruhender Server, ${floor.length} Abfragen): ${figures.healthFloorP99.toFixed(1)} ms`,
    );
    console.log(
      `p99 /api/health während der Anmeldungen (${health.length} Abfragen): ${figures.healthDuringP99.toFixed(1)} ms`,
    );
    console.log(
      `p99 Anmeldung / p99 Boden: ${(figures.p99 / Math.max(figures.healthFloorP99, 0.001)).toFixed(1)}`,
    );
    console.log(
      `p99 Anmeldung / p99 /api/health während: ${(figures.p99 / Math.max(figures.healthDuringP99, 0.001)).toFixed(1)}`,
    );
    console.log(
      `bestätigt ${regs.filter((r) => r.status === 'confirmed').length}, Warteliste ${regs.filter((r) => r.status === 'waiting').length}`,
    );
    console.log(`overbooked ${overbooked}, lost ${lost}`);
    return figures;
  } finally {
    await app.close();
    await database_.close();
    await drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

// Run alone (`npm run bench:registration`): the database of DATABASE_URL, else PGlite.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchRegistration(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  process.exit(0);
}
