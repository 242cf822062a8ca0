import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import type { FileStorage } from '../files/files.storage.js';
import { appliedMigrations, codeMigrations, ident, listTables, rowsOf } from './backup.database.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  type BackupHeader,
  type BackupMigration,
  type BackupTable,
  writeLine,
} from './backup.format.js';

const ROWS_PER_LINE = 500;
const FILE_CHUNK_BYTES = 1024 * 1024;

export type BackupSummary = {
  file: string;
  bytes: number;
  tables: { name: string; rows: number }[];
  rows: number;
  files: number;
  fileBytes: number;
  migrations: BackupMigration[];
};

/**
 * Writes a consistent backup of the database and the file storage to outFile (written to a .part
 * file first and renamed at the end, so a file of that name is always complete). On PostgreSQL the
 * rows come from one read-only REPEATABLE READ transaction: the app may keep running. On PGlite the
 * app must be stopped, because an embedded database has a single writer: this process.
 */
export async function createBackup(
  database: Database,
  storage: FileStorage,
  outFile: string,
): Promise<BackupSummary> {
  await fs.mkdir(path.dirname(path.resolve(outFile)), { recursive: true });
  const partFile = `${outFile}.part`;
  const gzip = createGzip({ level: 6 });
  const fileOut = createWriteStream(partFile);
  gzip.pipe(fileOut);
  const written = finished(fileOut);
  written.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  const code = codeMigrations();
  const tableSummary: { name: string; rows: number }[] = [];
  let totalRows = 0;
  let fileBytes = 0;
  let migrations: BackupMigration[] = [];
  try {
    let keys: string[] = [];
    await database.db.transaction(
      async (tx) => {
        const applied = await appliedMigrations(tx);
        if (applied.length === 0) {
          throw new BackupError(
            'Die Datenbank ist nicht eingerichtet (keine Migrationen): nichts zu sichern.',
          );
        }
        // The snapshot exists from the first query on. Files are written before their row commits and
        // never removed while referenced, so listing them now finds every file a snapshot row names.
        keys = (await storage.list(tx as unknown as Db)).sort();
        migrations = applied.map((m) => ({
          name: code.find((c) => c.hash === m.hash)?.name ?? null,
          hash: m.hash,
          createdAt: m.createdAt,
        }));
        const tables = await listTables(tx);
        const counted: BackupTable[] = [];
        for (const t of tables) {
          const [c] = await rowsOf<{ n: string | number }>(tx, `SELECT count(*) AS n FROM ${ident(t.name)}`);
          counted.push({ ...t, rows: Number(c?.n ?? 0) });
        }
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          databaseKind: database.kind,
          migrations,
          tables: counted,
          files: keys,
        };
        await writeLine(gzip, JSON.stringify(header));
        for (const t of counted) {
          const cols = t.columns.map(ident).join(', ');
          // row_to_json over the listed columns only (generated columns are left out).
          await tx.execute(
            sql.raw(
              `DECLARE bn_backup NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS j FROM (SELECT ${cols} FROM ${ident(t.name)}) r`,
            ),
          );
          let n = 0;
          for (;;) {
            const batch = await rowsOf<{ j: string }>(tx, `FETCH FORWARD ${ROWS_PER_LINE} FROM bn_backup`);
            if (batch.length === 0) break;
            n += batch.length;
            await writeLine(
              gzip,
              `{"table":${JSON.stringify(t.name)},"rows":[${batch.map((b) => b.j).join(',')}]}`,
            );
            if (batch.length < ROWS_PER_LINE) break;
          }
          await tx.execute(sql.raw('CLOSE bn_backup'));
          if (n !== t.rows) {
            throw new BackupError(`Tabelle ${t.name}: ${n} Zeilen gelesen, ${t.rows} gezählt`);
          }
          tableSummary.push({ name: t.name, rows: n });
          totalRows += n;
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    for (const key of keys) {
      const hash = createHash('sha256');
      let size = 0;
      let pending: Buffer = Buffer.alloc(0);
      for await (const chunk of storage.read(key)) {
        const buf = chunk as Buffer;
        hash.update(buf);
        size += buf.length;
        pending = pending.length ? Buffer.concat([pending, buf]) : buf;
        while (pending.length >= FILE_CHUNK_BYTES) {
          await writeLine(
            gzip,
            JSON.stringify({ file: key, data: pending.subarray(0, FILE_CHUNK_BYTES).toString('base64') }),
          );
          pending = pending.subarray(FILE_CHUNK_BYTES);
        }
      }
      if (pending.length > 0) {
        await writeLine(gzip, JSON.stringify({ file: key, data: pending.toString('base64') }));
      }
      await writeLine(gzip, JSON.stringify({ fileEnd: key, size, sha256: hash.digest('hex') }));
      fileBytes += size;
    }
    await writeLine(gzip, JSON.stringify({ end: true, rows: totalRows, files: keys.length }));
    gzip.end();
    await written;
    await fs.rename(partFile, outFile);
    const { size } = await fs.stat(outFile);
    return {
      file: outFile,
      bytes: size,
      tables: tableSummary,
      rows: totalRows,
      files: keys.length,
      fileBytes,
      migrations,
    };
  } catch (err) {
    gzip.destroy();
    fileOut.destroy();
    await written.catch(() => {});
    await fs.rm(partFile, { force: true });
    throw err;
  }
}
