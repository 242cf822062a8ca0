import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNeeded, dist, root } from './lib/build-state.mjs';
import { INITIAL_JS_BUDGET_BYTES, initialJs } from './lib/web-budget.js';

/*
 * The production build as `npm start` runs it: compiled JavaScript under plain node, no tsx. An
 * existing build is reused when it is newer than every source, so the suite pays for a build only
 * after a change (as `npm start` would).
 */

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(port: number, url: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path: url,
        headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

describe('production build (npm run build, node dist/server/main.js)', () => {
  let tmp: string;
  let port: number;
  let server: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    if (buildNeeded()) {
      const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(build.status, build.stdout + build.stderr).toBe(0);
    }
    expect(buildNeeded()).toBeNull();

    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bildungsnetz-build-'));
    port = await freePort();
    const env: Record<string, string> = {};
    // Always the embedded database in a fresh directory; not the variables Vitest adds for Vite.
    const skip = new Set(['DATABASE_URL', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_OPTIONS']);
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !skip.has(k)) env[k] = v;
    Object.assign(env, {
      DATA_DIR: tmp,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
    });
    server = spawn(process.execPath, [path.join(dist, 'server/main.js')], { cwd: tmp, env });
    server.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    server.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
    // Wait until it listens (a fresh PGlite directory is created and migrated first).
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server stopped during start:\n${output}`);
      const ok = await get(port, '/api/health').then(
        (a) => a.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 300_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await exited;
    }
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('answers /api/health from compiled JavaScript', async () => {
    const a = await get(port, '/api/health');
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body.toString())).toEqual({ status: 'ok' });
  });

  it('sends index.html for page addresses with no-cache, so a new release is picked up at once', async () => {
    for (const url of ['/', '/anmelden', '/netzwerk/musterkreis', '/index.html']) {
      const a = await get(port, url, 'gzip');
      expect(a.status, url).toBe(200);
      expect(a.headers['content-type'], url).toMatch(/^text\/html/);
      expect(a.headers['cache-control'], url).toBe('no-cache');
      const html = (a.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(a.body) : a.body).toString();
      expect(html, url).toContain('<div id="root">');
    }
  });

  it('sends hashed assets precompressed (brotli, else gzip, else plain) and immutable', async () => {
    const html = (await get(port, '/')).body.toString();
    const entry = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const css = /<link[^>]+rel="stylesheet"[^>]+href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(css).toBeDefined();
    for (const url of [entry as string, css as string]) {
      const original = await fs.readFile(path.join(dist, 'web', url));
      const br = await get(port, url, 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);

      const gz = await get(port, url, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zlib.gunzipSync(gz.body).equals(original)).toBe(true);

      const plain = await get(port, url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
    }
  });

  it('keeps the initial JavaScript within budget, without the English catalogue', async () => {
    const initial = initialJs(path.join(dist, 'web'));
    expect(initial.gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
    const html = await fs.readFile(path.join(dist, 'web/index.html'), 'utf8');
    expect(html).not.toMatch(/assets\/en-[^"]*\.js/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/"level":(50|60)/);
  });
});
