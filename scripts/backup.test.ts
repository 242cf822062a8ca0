import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client.js';
import { localStorage } from '../src/server/modules/files/files.storage.js';
import { createBackup, readBackupHeader } from '../src/server/modules/system/backup.js';
import { createTestDatabase } from '../tests/helpers/database.js';
import { freePort, runTs, startServer, waitForExit } from '../tests/helpers/processes.js';

const root = path.resolve(import.meta.dirname, '..');
const exec = promisify(execFile);

/** Runs one of the npm scripts' files the way `npm run` does, on an embedded database in dataDir. */
async function cli(script: string, args: string[], dataDir: string) {
  const env: Record<string, string> = {};
  // Not DATABASE_URL (always the embedded database here), nor the BASE_URL that Vitest puts in
  // process.env for import.meta.env.
  const skip = new Set(['DATABASE_URL', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !skip.has(k)) env[k] = v;
  env.DATA_DIR = dataDir;
  try {
    const r = await exec(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', script), ...args], {
      cwd: root,
      env,
      timeout: 120_000,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('npm run backup / npm run restore', () => {
  let tmp: string;
  let source: Database;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-backup-cli-'));
    source = await createTestDatabase();
    await source.query(
      `INSERT INTO "user" (id, name, email) VALUES ('u1', 'Änne Müller', 'aenne@example.org')`,
    );
    await source.query(
      `INSERT INTO network (id, name, region_key) VALUES ('6f1c1f0e-1d1a-4d4b-9a57-0c1d2e3f4a5b', 'Bildungsnetz HSK', '05958')`,
    );
    const storage = localStorage(path.join(tmp, 'source-files'));
    await storage.write('abcdef123', Readable.from([Buffer.from('Protokoll der Sitzung – Entwurf')]));
    await createBackup(source, storage, path.join(tmp, 'a.jsonl.gz'));
  });

  afterAll(async () => {
    await source?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('restores into an empty DATA_DIR, refuses a second time without --force, and backs it up again', async () => {
    const dataDir = path.join(tmp, 'data');
    const first = await cli('restore.ts', [path.join(tmp, 'a.jsonl.gz')], dataDir);
    expect(first.out).toContain('Wiederhergestellt');
    expect(first.code).toBe(0);
    const stored = await fs.readFile(path.join(dataDir, 'files', 'ab', 'abcdef123'), 'utf8');
    expect(stored).toBe('Protokoll der Sitzung – Entwurf');

    const again = await cli('restore.ts', [path.join(tmp, 'a.jsonl.gz')], dataDir);
    expect(again.code).toBe(1);
    expect(again.out).toContain('nicht leer');

    const backup = await cli('backup.ts', [path.join(tmp, 'b.jsonl.gz')], dataDir);
    expect(backup.out).toContain('Sicherung geschrieben');
    expect(backup.out).toMatch(/Dateien:\s+1 /);
    expect(backup.code).toBe(0);
    const a = await readBackupHeader(path.join(tmp, 'a.jsonl.gz'));
    const b = await readBackupHeader(path.join(tmp, 'b.jsonl.gz'));
    expect(b.databaseKind).toBe('pglite');
    expect(b.tables).toEqual(a.tables);
    expect(b.files).toEqual(a.files);
  }, 240_000);

  it('refuses to back up a DATA_DIR without a database', async () => {
    const r = await cli('backup.ts', [path.join(tmp, 'c.jsonl.gz')], path.join(tmp, 'nothing'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('Keine Datenbank');
  }, 60_000);
});

describe('npm run restore with an unusable file', { timeout: 300_000 }, () => {
  let tmp: string;
  let good: Buffer;
  let dataDir: string;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-restore-bad-'));
    const source = await createTestDatabase();
    try {
      await source.query(
        `INSERT INTO "user" (id, name, email) VALUES ('u1', 'Änne Müller', 'aenne@example.org')`,
      );
      const storage = localStorage(path.join(tmp, 'source-files'));
      await storage.write('abcdef123', Readable.from([Buffer.from('Protokoll der Sitzung – Entwurf')]));
      await createBackup(source, storage, path.join(tmp, 'good.jsonl.gz'));
    } finally {
      await source.close();
    }
    good = await fs.readFile(path.join(tmp, 'good.jsonl.gz'));
    // An installation with a file under the same key, which no failed restore may touch.
    dataDir = path.join(tmp, 'data');
    await fs.mkdir(path.join(dataDir, 'files', 'ab'), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'files', 'ab', 'abcdef123'), 'gute Fassung');
  });
  afterAll(async () => {
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  const lines = () => gunzipSync(good).toString('utf8').trim().split('\n');
  const cases: [string, () => Buffer, RegExp][] = [
    [
      'a flipped byte',
      () => {
        const b = Buffer.from(good);
        b[Math.floor(b.length / 2)]! ^= 0x01;
        return b;
      },
      /ist beschädigt|ist abgeschnitten/,
    ],
    ['a truncated file', () => good.subarray(0, Math.floor(good.length * 0.8)), /ist abgeschnitten/],
    ['an empty file', () => Buffer.alloc(0), /ist leer: keine Bildungsnetz-Sicherung/],
    ['a random file', () => randomBytes(5000), /ist keine Bildungsnetz-Sicherung \(kein gzip-Format\)/],
    ['a foreign gzip file', () => gzipSync('{"hello":"world"}\n'), /ist keine Bildungsnetz-Sicherung\./],
    [
      'a wrong format version',
      () => {
        const [head, ...rest] = lines();
        const h = JSON.parse(head!);
        h.version = 2;
        return gzipSync(`${[JSON.stringify(h), ...rest].join('\n')}\n`);
      },
      /hat das Format Version 2, diese Version von Bildungsnetz liest Version 1/,
    ],
  ];

  it.each(cases)('%s: one German line, exit code 2, nothing changed', async (_name, make, expected) => {
    const file = path.join(tmp, 'bad.jsonl.gz');
    await fs.writeFile(file, make());
    const r = await runTs('scripts/restore.ts', [file], { DATA_DIR: dataDir });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Abgebrochen: /);
    expect(lines[0]).toMatch(expected);
    expect(lines[0]).toMatch(/Es wurde nichts verändert\.$/);
    expect(r.stderr).not.toMatch(/Änne|aenne@example|Protokoll|\n\s+at /);
    expect(await fs.readFile(path.join(dataDir, 'files', 'ab', 'abcdef123'), 'utf8')).toBe('gute Fassung');
    const left = (await fs.readdir(dataDir, { recursive: true })).filter(
      (n) => n.includes('.part') || n.includes('.restore-'),
    );
    expect(left).toEqual([]);
  });
});

describe('one process per embedded database, with real processes', () => {
  it('refuses a backup and a second server while the app runs, and takes over the lock after a kill', async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-lock-cli-'));
    const dataDir = path.join(tmp, 'data');
    const server = await startServer({ DATA_DIR: dataDir }, await freePort());
    try {
      const backup = await runTs('scripts/backup.ts', [path.join(tmp, 'x.jsonl.gz')], { DATA_DIR: dataDir });
      expect(backup.code).toBe(1);
      expect(backup.stderr.trim().split('\n')).toHaveLength(1);
      expect(backup.stderr).toContain(`Die Datenbank in ${path.join(dataDir, 'db')} wird schon`);
      expect(backup.stderr).toContain(`PID ${server.proc.pid} (main.ts) auf ${os.hostname()}`);
      await expect(fs.stat(path.join(tmp, 'x.jsonl.gz'))).rejects.toThrow();

      const second = await runTs('src/server/main.ts', [], {
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
      });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`PID ${server.proc.pid}`);
      expect(second.stderr).not.toMatch(/\n\s+at /);
    } finally {
      server.proc.kill('SIGKILL');
      await waitForExit(server.proc);
    }
    // The killed server's lock is left behind and recognised as stale.
    const after = await runTs('scripts/backup.ts', [path.join(tmp, 'y.jsonl.gz')], { DATA_DIR: dataDir });
    expect(after.stdout).toContain('Sicherung geschrieben');
    expect(after.code).toBe(0);
    await fs.rm(tmp, { recursive: true, force: true });
  }, 480_000);
});
