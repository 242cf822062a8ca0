import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { fileChunk } from './files.tables.js';

/** Where file contents live; the database keeps only their metadata and checksum. */
export type FileStorage = {
  kind: 'directory' | 'database';
  write(key: string, data: Readable): Promise<void>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
  /**
   * Every stored key, for backups. A backup passes its snapshot transaction: a storage in the
   * database then lists within that snapshot (and the embedded database, one connection, does not
   * wait for itself).
   */
  list(tx?: Db): Promise<string[]>;
  /**
   * Writes for a restore: the files appear under their keys only with commit(), which the restore
   * calls after its database transaction committed; discard() leaves no trace. tx is that
   * transaction (a storage in the database writes through it, so it commits together).
   */
  staged(tx: Db): StagedWrites;
  /**
   * Makes the storage usable on a database that has not run the latest migrations yet (a restore of
   * an older backup, a backup before the first start of a new version).
   */
  prepare(): Promise<void>;
};

export type StagedWrites = {
  write(key: string, data: Readable): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
};

const KEY = /^[a-zA-Z0-9_-]+$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key ${key}`);
  return key;
}

/**
 * The storage the installation uses: in the database on PostgreSQL (so several app instances on
 * several machines share the files), in DATA_DIR/files on the embedded database.
 */
export function openFileStorage(database: Database, filesDir: string): FileStorage {
  return database.kind === 'postgres' ? databaseStorage(database.db) : localStorage(filesDir);
}

/** Default storage: a local directory (DATA_DIR/files), keys are opaque generated names. */
export function localStorage(dir: string): FileStorage {
  const pathOf = (key: string) => path.join(dir, checkKey(key).slice(0, 2), key);
  return {
    kind: 'directory',
    async write(key, data) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.part`;
      try {
        await pipeline(data, createWriteStream(tmp));
        await fs.rename(tmp, target);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },
    read: (key) => createReadStream(pathOf(key)),
    async remove(key) {
      await fs.rm(pathOf(key), { force: true });
    },
    async list() {
      const out: string[] = [];
      const shards = await fs.readdir(dir).catch(() => [] as string[]);
      // Shards are the keys' first two characters; anything else (a restore's staging folder) is not.
      for (const shard of shards.filter((s) => KEY.test(s) && s.length === 2)) {
        const names = await fs.readdir(path.join(dir, shard)).catch(() => [] as string[]);
        out.push(...names.filter((n) => KEY.test(n)));
      }
      return out;
    },
    staged() {
      // A folder of its own beside the shards: renaming from there into place is atomic per file.
      const staging = path.join(dir, `.restore-${randomBytes(6).toString('hex')}`);
      const keys: string[] = [];
      return {
        async write(key, data) {
          checkKey(key);
          await fs.mkdir(staging, { recursive: true });
          await pipeline(data, createWriteStream(path.join(staging, key)));
          keys.push(key);
        },
        async commit() {
          for (const key of keys) {
            const target = pathOf(key);
            await fs.mkdir(path.dirname(target), { recursive: true });
            await fs.rename(path.join(staging, key), target);
          }
          await fs.rm(staging, { recursive: true, force: true });
        },
        async discard() {
          await fs.rm(staging, { recursive: true, force: true });
        },
      };
    },
    prepare: async () => {},
  };
}

/** Size of one row of file_chunk: small enough for any driver, large enough to keep rows few. */
export const CHUNK_BYTES = 256 * 1024;

/** Chunks of exactly CHUNK_BYTES from a stream of any-sized buffers; at least one (maybe empty). */
async function* chunked(data: Readable): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  let any = false;
  for await (const part of data) {
    let buf = Buffer.isBuffer(part) ? part : Buffer.from(part as Uint8Array);
    while (size + buf.length >= CHUNK_BYTES) {
      const take = CHUNK_BYTES - size;
      pending.push(buf.subarray(0, take));
      yield Buffer.concat(pending);
      any = true;
      pending = [];
      size = 0;
      buf = buf.subarray(take);
    }
    if (buf.length > 0) {
      pending.push(buf);
      size += buf.length;
    }
  }
  // An empty file is one empty chunk, so that it exists (read and list find it).
  if (size > 0 || !any) yield Buffer.concat(pending);
}

async function writeChunks(tx: Db, key: string, data: Readable): Promise<void> {
  await tx.delete(fileChunk).where(eq(fileChunk.storageKey, key));
  let idx = 0;
  for await (const chunk of chunked(data)) {
    await tx.insert(fileChunk).values({ storageKey: key, idx, data: chunk });
    idx++;
  }
}

/**
 * Storage in the database (PostgreSQL): each file as rows of file_store.file_chunk. Written in one
 * transaction, so a file is either complete or absent; read chunk by chunk, so a large file never sits
 * in memory whole.
 */
export function databaseStorage(db: Db): FileStorage {
  return {
    kind: 'database',
    async write(key, data) {
      checkKey(key);
      await db.transaction((tx) => writeChunks(tx, key, data));
    },
    read(key) {
      checkKey(key);
      async function* chunks() {
        let next = 0;
        for (;;) {
          const [row] = await db
            .select({ idx: fileChunk.idx, data: fileChunk.data })
            .from(fileChunk)
            .where(and(eq(fileChunk.storageKey, key), eq(fileChunk.idx, next)));
          if (!row) {
            if (next === 0) {
              throw Object.assign(new Error(`no stored file ${key}`), { code: 'ENOENT' });
            }
            return;
          }
          // PGlite answers bytea as Uint8Array, node-postgres as Buffer.
          const data = row.data as Uint8Array;
          if (data.length > 0) yield Buffer.from(data.buffer, data.byteOffset, data.length);
          next = row.idx + 1;
        }
      }
      return Readable.from(chunks(), { objectMode: false });
    },
    async remove(key) {
      checkKey(key);
      await db.delete(fileChunk).where(eq(fileChunk.storageKey, key));
    },
    async list(tx) {
      const rows = await (tx ?? db)
        .select({ key: fileChunk.storageKey })
        .from(fileChunk)
        .where(eq(fileChunk.idx, 0))
        .orderBy(asc(fileChunk.storageKey));
      return rows.map((r) => r.key);
    },
    staged(tx) {
      return {
        write: (key, data) => writeChunks(tx, checkKey(key), data),
        commit: async () => {},
        discard: async () => {},
      };
    },
    async prepare() {
      // The same statements as migration 0008_file_store.
      await db.execute(sql.raw('CREATE SCHEMA IF NOT EXISTS "file_store"'));
      await db.execute(
        sql.raw(
          'CREATE TABLE IF NOT EXISTS "file_store"."file_chunk" ("storage_key" text NOT NULL, "idx" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "file_chunk_storage_key_idx_pk" PRIMARY KEY("storage_key","idx"))',
        ),
      );
    },
  };
}

/**
 * An installation that ran on PostgreSQL before files moved into the database has its files in
 * DATA_DIR/files: at start they are copied into the database storage, each once (keys already there
 * are left alone). The directory stays as it was; the operator removes it once satisfied.
 */
export async function adoptDirectoryFiles(target: FileStorage, dir: string): Promise<number> {
  if (target.kind !== 'database') return 0;
  const source = localStorage(dir);
  const waiting = await source.list();
  if (waiting.length === 0) return 0;
  const present = new Set(await target.list());
  let copied = 0;
  for (const key of waiting) {
    if (present.has(key)) continue;
    await target.write(key, source.read(key));
    copied++;
  }
  return copied;
}
