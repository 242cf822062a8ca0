/**
 * Figures of issue 7 item 9, printed by `npm run bench` next to their targets: RSS of an idle server
 * process (the real one, spawned as production starts it), the web app's first-paint weight, and how
 * a hashed asset is served (compression, caching). Measures only; it changes nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildNeeded } from '../scripts/lib/build-state.mjs';
import { INITIAL_JS_BUDGET_BYTES, initialJs, initialScripts } from '../scripts/lib/web-budget.js';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'dist/web');
const TARGET_RSS_MB = { pglite: 450, postgres: 200 } as const;
const TARGET_INITIAL_JS_KB = INITIAL_JS_BUDGET_BYTES / 1024;

/** Builds server and web app when the build is missing or stale, as `npm start` would. */
function ensureBuild(): void {
  if (!buildNeeded()) return;
  console.log('\n(building for the figures: npm run build)');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('npm run build failed');
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

const rssMb = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
};

type Served = { url: string; encoding: string; cacheControl: string } | null;

/** Starts the server as production does, waits until it answers, lets it idle, reads its RSS. */
async function idleServer(
  env: Record<string, string>,
  probeAsset: string | null,
): Promise<{ rss: number; how: string; served: Served }> {
  // Exactly as `npm start` runs: the database is prepared in a short-lived process first, then the
  // server runs in this one (scripts/start.mjs imports dist/server/main.js).
  const args = [path.join(root, 'scripts/start.mjs')];
  const how = 'npm start (node scripts/start.mjs → dist/server/main.js)';
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bn-bench-rss-'));
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('server did not start within 180 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    // Idle: what the process holds after start-up, not during a burst.
    await new Promise((r) => setTimeout(r, 3000));
    const rss = rssMb(child.pid!);
    let served: Served = null;
    if (probeAsset) {
      const res = await fetch(`${base}${probeAsset}`, { headers: { 'accept-encoding': 'br, gzip' } });
      await res.arrayBuffer();
      served = {
        url: probeAsset,
        encoding: res.headers.get('content-encoding') ?? 'none',
        cacheControl: res.headers.get('cache-control') ?? 'none',
      };
    }
    return { rss, how, served };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The initial scripts (one definition with the build test: scripts/lib/web-budget.ts) and the fonts the initial CSS references. */
function webWeight() {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const refs = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
  const scripts = initialScripts(webDir);
  const js = initialJs(webDir);
  const file = (url: string) => path.join(webDir, url.replace(/^\//, ''));
  const fonts = new Set<string>();
  for (const css of refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const text = fs.readFileSync(file(css), 'utf8');
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+\.(?:woff2?|ttf|otf))["']?\s*\)/g)) {
      const resolved = m[1]!.startsWith('/') ? m[1]! : path.posix.join(path.posix.dirname(css), m[1]!);
      fonts.add(resolved);
    }
  }
  let fontBytes = 0;
  for (const f of fonts) if (fs.existsSync(file(f))) fontBytes += fs.statSync(file(f)).size;
  return {
    scripts: scripts.map((a) => a.file),
    raw: js.bytes,
    gzip: js.gzipBytes,
    fonts: fonts.size,
    fontBytes,
    entry: scripts[0]?.file ?? null,
  };
}

export async function printFigures(): Promise<void> {
  ensureBuild();
  const web = webWeight();
  const pglite = await idleServer({}, web.entry);
  let postgres: { rss: number } | null = null;
  if (process.env.DATABASE_URL) {
    const name = `bench_tmp_rss_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const u = new URL(process.env.DATABASE_URL);
      u.pathname = `/${name}`;
      postgres = await idleServer({ DATABASE_URL: u.toString() }, null);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'above target');
  console.log(`\nserver process, idle after start (${pglite.how})`);
  console.log(
    `  RSS PGlite      ${pglite.rss.toFixed(0).padStart(5)} MB   target ≤ ${TARGET_RSS_MB.pglite} MB   ${verdict(pglite.rss <= TARGET_RSS_MB.pglite)}`,
  );
  if (postgres)
    console.log(
      `  RSS PostgreSQL  ${postgres.rss.toFixed(0).padStart(5)} MB   target ≤ ${TARGET_RSS_MB.postgres} MB   ${verdict(postgres.rss <= TARGET_RSS_MB.postgres)}`,
    );
  else console.log('  RSS PostgreSQL  (set DATABASE_URL to measure)');
  console.log('web app (dist/web), first paint');
  console.log(
    `  initial JS      ${kb(web.gzip).padStart(8)} gzip (${kb(web.raw)} raw, ${web.scripts.length} files: entry + modulepreloads)   target ≤ ${TARGET_INITIAL_JS_KB} KB   ${verdict(web.gzip <= TARGET_INITIAL_JS_KB * 1024)}`,
  );
  console.log(
    `  fonts           ${kb(web.fontBytes).padStart(8)} in ${web.fonts} files referenced by the initial CSS (a page loads only the weights and subsets it uses)`,
  );
  if (pglite.served)
    console.log(
      `  ${pglite.served.url}: content-encoding ${pglite.served.encoding}, cache-control ${pglite.served.cacheControl}   target: br or gzip, immutable   ${verdict(pglite.served.encoding !== 'none' && pglite.served.cacheControl.includes('immutable'))}`,
    );
}
