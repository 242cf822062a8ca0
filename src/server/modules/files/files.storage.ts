import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where file contents live; the database keeps only their metadata and checksum. */
export type FileStorage = {
  write(key: string, data: Readable): Promise<void>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
  /** Every stored key, for backups. */
  list(): Promise<string[]>;
};

/** Default storage: a local directory (DATA_DIR/files), keys are opaque generated names. */
export function localStorage(dir: string): FileStorage {
  const pathOf = (key: string) => {
    if (!/^[a-zA-Z0-9_-]+$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(dir, key.slice(0, 2), key);
  };
  return {
    async write(key, data) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.part`;
      await pipeline(data, createWriteStream(tmp));
      await fs.rename(tmp, target);
    },
    read: (key) => createReadStream(pathOf(key)),
    async remove(key) {
      await fs.rm(pathOf(key), { force: true });
    },
    async list() {
      const out: string[] = [];
      const shards = await fs.readdir(dir).catch(() => [] as string[]);
      for (const shard of shards) {
        const names = await fs.readdir(path.join(dir, shard)).catch(() => [] as string[]);
        out.push(...names.filter((n) => !n.endsWith('.part')));
      }
      return out;
    },
  };
}
