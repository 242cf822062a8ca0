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
import zlib from 'node:zlib';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'dist/web');
const TARGET_RSS_MB = { pglite: 450, postgres: 200 } as const;
const TARGET_INITIAL_JS_KB = 150;

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

/** Builds the web app when dist/web is missing or older than its sources (as `npm start` does). */
function ensureWebBuild(): void {
  const index = path.join(webDir, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'src/web')),
    newestMtime(path.join(root, 'src/contracts')),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  console.log('\n(building the web app for the figures: npx vite build)');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
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
  const compiled = path.join(root, 'dist/server/main.js');
  const [args, how] = fs.existsSync(compiled)
    ? [[compiled], 'node dist/server/main.js']
    : [['--import', 'tsx', path.join(root, 'src/server/main.ts')], 'node --import tsx src/server/main.ts'];
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

/** Scripts and module preloads index.html loads at first paint, and the font files its CSS references. */
function webWeight() {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const refs = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
  const scripts = [
    ...new Set([
      ...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
      ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ]),
  ];
  const file = (url: string) => path.join(webDir, url.replace(/^\//, ''));
  let raw = 0;
  let gzip = 0;
  for (const s of scripts) {
    const content = fs.readFileSync(file(s));
    raw += content.length;
    gzip += zlib.gzipSync(content, { level: 9 }).length;
  }
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
  return { scripts, raw, gzip, fonts: fonts.size, fontBytes, entry: scripts[0] ?? null };
}

export async function printFigures(): Promise<void> {
  ensureWebBuild();
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
    `  fonts           ${kb(web.fontBytes).padStart(8)} in ${web.fonts} files referenced by the initial CSS`,
  );
  if (pglite.served)
    console.log(
      `  ${pglite.served.url}: content-encoding ${pglite.served.encoding}, cache-control ${pglite.served.cacheControl}   target: br or gzip, immutable   ${verdict(pglite.served.encoding !== 'none' && pglite.served.cacheControl.includes('immutable'))}`,
    );
}
