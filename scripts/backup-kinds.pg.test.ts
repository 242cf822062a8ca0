import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client.js';
import { CHUNK_BYTES, databaseStorage, type FileStorage } from '../src/server/modules/files/files.storage.js';
import { createTestDatabase } from '../tests/helpers/database.js';
import { runTs } from '../tests/helpers/processes.js';

// The commands as an operator runs them, moving an installation with its files between PostgreSQL
// (files in the database) and the embedded database (files in DATA_DIR/files) and back.
let tmp: string;
let source: Database & { url?: string };
let target: Database & { url?: string };
const BIG = randomBytes(2 * CHUNK_BYTES + 777);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(storage: FileStorage, key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of storage.read(key)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-kinds-'));
  source = await createTestDatabase();
  target = await createTestDatabase();
  await source.query(
    `INSERT INTO "user" (id, name, email) VALUES ('u1', 'Änne Müller', 'aenne@example.org')`,
  );
  await databaseStorage(source.db).write('bigfile_pg01', Readable.from([BIG]));
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('backup and restore between PostgreSQL and the embedded database, with files', () => {
  it('takes the files out of the database, into DATA_DIR/files, and back into another database', async () => {
    const fromPg = path.join(tmp, 'pg.jsonl.gz');
    const b1 = await runTs('scripts/backup.ts', [fromPg], {
      DATABASE_URL: source.url,
      DATA_DIR: path.join(tmp, 'unused'),
    });
    expect(b1.code, b1.stderr).toBe(0);
    expect(b1.stdout).toMatch(/Dateien:\s+1 /);

    const dataDir = path.join(tmp, 'embedded');
    const r1 = await runTs('scripts/restore.ts', [fromPg], { DATA_DIR: dataDir });
    expect(r1.code, r1.stderr).toBe(0);
    const onDisk = await fs.readFile(path.join(dataDir, 'files', 'bi', 'bigfile_pg01'));
    expect(sha(onDisk)).toBe(sha(BIG));

    const fromPglite = path.join(tmp, 'pglite.jsonl.gz');
    const b2 = await runTs('scripts/backup.ts', [fromPglite], { DATA_DIR: dataDir });
    expect(b2.code, b2.stderr).toBe(0);
    const r2 = await runTs('scripts/restore.ts', [fromPglite], {
      DATABASE_URL: target.url,
      DATA_DIR: path.join(tmp, 'unused2'),
    });
    expect(r2.code, r2.stderr).toBe(0);
    expect(sha(await readAll(databaseStorage(target.db), 'bigfile_pg01'))).toBe(sha(BIG));
    const [u] = await target.query<{ name: string }>(`SELECT name FROM "user" WHERE id = 'u1'`);
    expect(u?.name).toBe('Änne Müller');
    // Nothing was put into the directories of the PostgreSQL runs.
    await expect(fs.readdir(path.join(tmp, 'unused2', 'files'))).rejects.toThrow();
  });
});
