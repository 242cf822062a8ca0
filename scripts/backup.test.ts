import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client.js';
import { localStorage } from '../src/server/modules/files/files.storage.js';
import { createBackup, readBackupHeader } from '../src/server/modules/system/backup.js';
import { createTestDatabase } from '../tests/helpers/database.js';

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
