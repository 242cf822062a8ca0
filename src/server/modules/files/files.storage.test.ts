import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/database.js';
import { type Database, openDatabase } from '../../db/client.js';
import {
  adoptDirectoryFiles,
  CHUNK_BYTES,
  databaseStorage,
  type FileStorage,
  localStorage,
} from './files.storage.js';

let database: Database;
let tmp: string;
beforeAll(async () => {
  database = await createTestDatabase();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-storage-'));
});
afterAll(async () => {
  await database.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function readAll(storage: FileStorage, key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of storage.read(key)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// The same behaviour from both kinds of storage; the database one is what PostgreSQL installations use.
describe.each([
  ['in the database', () => databaseStorage(database.db)],
  ['in a directory', () => localStorage(path.join(tmp, 'files'))],
])('file storage %s', (_kind, make) => {
  it('gives back a file of several chunks byte for byte, read in pieces', async () => {
    const storage = make();
    const big = randomBytes(3 * CHUNK_BYTES + 12345);
    // Written in odd-sized pieces, as an upload arrives.
    const pieces = [big.subarray(0, 1000), big.subarray(1000, 700_000), big.subarray(700_000)];
    await storage.write('bigfile_001', Readable.from(pieces));
    const parts: Buffer[] = [];
    for await (const c of storage.read('bigfile_001')) parts.push(c as Buffer);
    expect(sha(Buffer.concat(parts))).toBe(sha(big));
    if (storage.kind === 'database') {
      expect(parts.length).toBe(4);
      const rows = await database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM file_store.file_chunk WHERE storage_key = 'bigfile_001'`,
      );
      expect(rows[0]!.n).toBe(4);
    }
  });

  it('keeps an empty file, replaces a file written again, and forgets a removed one', async () => {
    const storage = make();
    await storage.write('emptyfile_1', Readable.from([Buffer.alloc(0)]));
    expect((await readAll(storage, 'emptyfile_1')).length).toBe(0);
    await storage.write('again_00001', Readable.from([randomBytes(CHUNK_BYTES * 2)]));
    await storage.write('again_00001', Readable.from([Buffer.from('kurz')]));
    expect((await readAll(storage, 'again_00001')).toString()).toBe('kurz');
    expect(await storage.list()).toEqual(expect.arrayContaining(['emptyfile_1', 'again_00001']));
    await storage.remove('again_00001');
    expect(await storage.list()).not.toContain('again_00001');
    await expect(readAll(storage, 'again_00001')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('moving to files in the database', () => {
  it('copies the files of DATA_DIR/files into the database once, keeping what is there', async () => {
    const dir = path.join(tmp, 'before-upgrade');
    const old = localStorage(dir);
    const pdf = randomBytes(CHUNK_BYTES + 99);
    await old.write('oldfile_0001', Readable.from([pdf]));
    await old.write('oldfile_0002', Readable.from([Buffer.from('zweite')]));
    const target = databaseStorage(database.db);
    await target.write('oldfile_0002', Readable.from([Buffer.from('schon in der Datenbank')]));
    expect(await adoptDirectoryFiles(target, dir)).toBe(1);
    expect(sha(await readAll(target, 'oldfile_0001'))).toBe(sha(pdf));
    expect((await readAll(target, 'oldfile_0002')).toString()).toBe('schon in der Datenbank');
    expect(await adoptDirectoryFiles(target, dir)).toBe(0);
    // A directory storage adopts nothing: its files are where they belong.
    expect(await adoptDirectoryFiles(localStorage(path.join(tmp, 'x')), dir)).toBe(0);
  });
});

it('prepares its table ahead of the migrations (restore of an older backup), which then still run', async () => {
  const fresh = await openDatabase({ kind: 'pglite' });
  try {
    const storage = databaseStorage(fresh.db);
    await storage.prepare();
    await storage.write('early_00001', Readable.from([Buffer.from('vor der Migration')]));
    await fresh.migrate();
    expect((await readAll(storage, 'early_00001')).toString()).toBe('vor der Migration');
  } finally {
    await fresh.close();
  }
});
