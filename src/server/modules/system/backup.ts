import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator';
import { type Database, type Db, migrationsFolder } from '../../db/client.js';
import type { FileStorage, StagedWrites } from '../files/files.storage.js';

/**
 * Backup and restore of a whole installation: every row of every table in schema public plus the
 * contents of the file storage, in one gzip file of JSON lines. The format is the same for PGlite and
 * PostgreSQL, so a backup of an embedded installation restores into a PostgreSQL server and back.
 *
 * Lines, in this order:
 *   {"format":"bildungsnetz-backup","version":1,createdAt,databaseKind,migrations,tables,files}
 *   {"table":NAME,"rows":[row_to_json(…),…]}      batches, tables in foreign-key order
 *   {"file":KEY,"data":BASE64}                      chunks of one file's bytes, in order
 *   {"fileEnd":KEY,"size":N,"sha256":HEX}
 *   {"end":true,"rows":N,"files":N}                 a backup without it is incomplete
 *
 * Rows are copied as PostgreSQL's own JSON text (row_to_json) and read back with
 * json_populate_recordset: no value passes through a JavaScript number or Date, so bigint, numeric,
 * timestamptz with microseconds, jsonb and text keep every digit and character.
 */

export const BACKUP_FORMAT = 'bildungsnetz-backup';
export const BACKUP_VERSION = 1;

const ROWS_PER_LINE = 500;
const FILE_CHUNK_BYTES = 1024 * 1024;

export type BackupMigration = { name: string | null; hash: string; createdAt: number };
export type BackupTable = { name: string; columns: string[]; rows: number };
export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  databaseKind: Database['kind'];
  migrations: BackupMigration[];
  tables: BackupTable[];
  files: string[];
};

export type BackupSummary = {
  file: string;
  bytes: number;
  tables: { name: string; rows: number }[];
  rows: number;
  files: number;
  fileBytes: number;
  migrations: BackupMigration[];
};

export type RestoreSummary = {
  createdAt: string;
  sourceKind: Database['kind'];
  tables: { name: string; rows: number }[];
  rows: number;
  files: number;
  fileBytes: number;
  /** Migrations that ran after the data was loaded, because the backup came from an older version. */
  migrationsAppliedAfterLoad: number;
  truncated: boolean;
  /** With force: stored files that the restored data does not name, removed. */
  removedFiles: number;
};

/** A refusal that the command-line tools print without a stack trace. */
export class BackupError extends Error {}

/** The backup file itself is unusable (missing, empty, damaged, foreign, other version): exit code 2. */
export class BackupFileError extends BackupError {}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Executor = Pick<Db, 'execute'>;

async function rowsOf<T>(tx: Executor, query: SQL | string): Promise<T[]> {
  const res = (await tx.execute(typeof query === 'string' ? sql.raw(query) : query)) as unknown as {
    rows: T[];
  };
  return res.rows;
}

/** Base tables of schema public with their writable columns, parents before children. */
async function listTables(tx: Executor): Promise<{ name: string; columns: string[] }[]> {
  const cols = await rowsOf<{ table_name: string; column_name: string }>(
    tx,
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of cols) {
    const list = byTable.get(c.table_name) ?? [];
    list.push(c.column_name);
    byTable.set(c.table_name, list);
  }
  const fks = await rowsOf<{ child: string; parent: string }>(
    tx,
    `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace cn ON cn.oid = c.relnamespace
       JOIN pg_namespace pn ON pn.oid = p.relnamespace
      WHERE k.contype = 'f' AND cn.nspname = 'public' AND pn.nspname = 'public'`,
  );
  const names = [...byTable.keys()].sort();
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const fk of fks) if (fk.child !== fk.parent) parents.get(fk.child)?.add(fk.parent);
  // Kahn's algorithm, alphabetical among equals so that backups of the same data are identical.
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.find((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)));
    if (!next) {
      const rest = names.filter((n) => !done.has(n));
      throw new BackupError(`Fremdschlüssel bilden einen Kreis zwischen den Tabellen ${rest.join(', ')}`);
    }
    ordered.push(next);
    done.add(next);
  }
  return ordered.map((name) => ({ name, columns: byTable.get(name)! }));
}

/** Applied migrations, oldest first; none when the database was never migrated. */
async function appliedMigrations(tx: Executor): Promise<{ hash: string; createdAt: number }[]> {
  const [exists] = await rowsOf<{ ok: boolean }>(
    tx,
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`,
  );
  if (!exists?.ok) return [];
  const rows = await rowsOf<{ hash: string; created_at: string | number }>(
    tx,
    `SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at, id`,
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

/** The migrations this version of the code ships, oldest first, with their file names. */
export function codeMigrations(folder = migrationsFolder): (MigrationMeta & { name: string })[] {
  const metas = readMigrationFiles({ migrationsFolder: folder });
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return metas.map((m) => ({
    ...m,
    name: journal.entries.find((e) => e.when === m.folderMillis)?.tag ?? '',
  }));
}

async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) {
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        out.off('error', onError);
        out.off('close', onDrain);
        resolve();
      };
      const onError = (err: Error) => {
        out.off('drain', onDrain);
        out.off('close', onDrain);
        reject(err);
      };
      out.once('drain', onDrain);
      out.once('close', onDrain);
      out.once('error', onError);
    });
  }
}

function writeLine(out: Writable, line: string): Promise<void> {
  return writeChunk(out, `${line}\n`);
}

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

/** Longest line a backup of ours writes is about 1.4 MB (a file chunk) or 500 rows: far below this. */
const MAX_LINE_CHARS = 256 * 1024 * 1024;

const notChanged = 'Es wurde nichts verändert.';

/**
 * The lines of a gzip file of JSON lines. Every way the file itself can be unusable (missing, empty,
 * not gzip, cut off, damaged) ends as a BackupFileError with a sentence for the operator; the zlib or
 * JSON error texts, which may quote the content, are never passed on.
 */
async function* readLines(inFile: string): AsyncGenerator<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(inFile, 'r');
  } catch {
    throw new BackupFileError(`Die Datei ${inFile} gibt es nicht oder sie ist nicht lesbar.`);
  }
  const magic = Buffer.alloc(2);
  const { bytesRead } = await handle.read(magic, 0, 2, 0);
  if (bytesRead === 0) {
    await handle.close();
    throw new BackupFileError(`Die Datei ${inFile} ist leer: keine Bildungsnetz-Sicherung. ${notChanged}`);
  }
  if (bytesRead < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) {
    await handle.close();
    throw new BackupFileError(
      `Die Datei ${inFile} ist keine Bildungsnetz-Sicherung (kein gzip-Format). ${notChanged}`,
    );
  }
  const source = handle.createReadStream({ start: 0 });
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  gunzip.setEncoding('utf8');
  let parts: string[] = [];
  let partChars = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      let text = chunk;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n')) {
        const line = parts.length ? parts.join('') + text.slice(0, i) : text.slice(0, i);
        parts = [];
        partChars = 0;
        text = text.slice(i + 1);
        if (line.length > 0) yield line;
      }
      if (text.length > 0) {
        parts.push(text);
        partChars += text.length;
        if (partChars > MAX_LINE_CHARS) {
          throw new BackupFileError(`Die Datei ${inFile} ist keine Bildungsnetz-Sicherung. ${notChanged}`);
        }
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'Z_BUF_ERROR') {
      throw new BackupFileError(
        `Die Sicherung ${inFile} ist abgeschnitten (die komprimierten Daten enden vorzeitig), vermutlich beim Kopieren. Bitte eine vollständige Sicherung verwenden. ${notChanged}`,
      );
    }
    throw new BackupFileError(
      `Die Sicherung ${inFile} ist beschädigt (die komprimierten Daten sind fehlerhaft). Bitte eine andere Sicherung verwenden. ${notChanged}`,
    );
  } finally {
    source.destroy();
    gunzip.destroy();
    await handle.close().catch(() => {});
  }
  if (parts.length) yield parts.join('');
}

type IncomingFile = {
  key: string;
  stream: PassThrough;
  done: Promise<void>;
  hash: ReturnType<typeof createHash>;
  size: number;
};

const TABLE_LINE = /^\{"table":("(?:[^"\\]|\\.)*"),"rows":/;

/** Reads and checks the first line of a backup file (format and version only). */
export async function readBackupHeader(inFile: string): Promise<BackupHeader> {
  for await (const line of readLines(inFile)) return parseHeader(line, inFile);
  throw new BackupFileError(`Die Datei ${inFile} ist leer: keine Bildungsnetz-Sicherung. ${notChanged}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseHeader(line: string, inFile: string): BackupHeader {
  const foreign = new BackupFileError(`Die Datei ${inFile} ist keine Bildungsnetz-Sicherung. ${notChanged}`);
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    throw foreign;
  }
  if (!isObject(header) || header.format !== BACKUP_FORMAT) throw foreign;
  if (header.version !== BACKUP_VERSION) {
    throw new BackupFileError(
      `Die Sicherung ${inFile} hat das Format Version ${String(header.version).slice(0, 20)}, diese Version von Bildungsnetz liest Version ${BACKUP_VERSION}. Bitte mit der Version wiederherstellen, die die Sicherung geschrieben hat. ${notChanged}`,
    );
  }
  const h = header as Partial<BackupHeader>;
  const wellFormed =
    typeof h.createdAt === 'string' &&
    (h.databaseKind === 'pglite' || h.databaseKind === 'postgres') &&
    Array.isArray(h.migrations) &&
    h.migrations.every((m) => isObject(m) && typeof m.hash === 'string') &&
    Array.isArray(h.tables) &&
    h.tables.every(
      (t) =>
        isObject(t) &&
        typeof t.name === 'string' &&
        Array.isArray(t.columns) &&
        t.columns.every((c) => typeof c === 'string') &&
        Number.isInteger(t.rows) &&
        t.rows >= 0,
    ) &&
    new Set(h.tables.map((t) => t.name)).size === h.tables.length &&
    Array.isArray(h.files) &&
    h.files.every((k) => typeof k === 'string' && /^[a-zA-Z0-9_-]+$/.test(k)) &&
    new Set(h.files).size === h.files.length;
  if (!wellFormed) {
    throw new BackupFileError(
      `Die Sicherung ${inFile} ist beschädigt (der Kopf ist unvollständig). Bitte eine andere Sicherung verwenden. ${notChanged}`,
    );
  }
  return header as BackupHeader;
}

type FileLine = { file: string; data: string };
type FileEndLine = { fileEnd: string; size: number; sha256: string };
type EndLine = { end: true; rows: number; files: number };

/**
 * Reads the whole backup once and checks everything that can be checked without a database: gzip
 * integrity, the header, the order of the lines, each table's row count, each file's size and
 * SHA-256, and the closing line. Only a backup that passes is restored; nothing is written before.
 */
export async function verifyBackup(inFile: string): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  let lineNo = 0;
  const damaged = (what: string) =>
    new BackupFileError(
      `Die Sicherung ${inFile} ist beschädigt (${what}). Bitte eine andere Sicherung verwenden. ${notChanged}`,
    );
  const counts = new Map<string, number>();
  let tableIndex = 0;
  let fileIndex = 0;
  let current: { key: string; hash: ReturnType<typeof createHash>; size: number } | undefined;
  let end: EndLine | undefined;
  for await (const line of readLines(inFile)) {
    lineNo++;
    if (!header) {
      header = parseHeader(line, inFile);
      continue;
    }
    if (end) throw damaged(`Zeile ${lineNo}: Daten nach dem Ende`);
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      throw damaged(`Zeile ${lineNo} ist kein gültiger Eintrag`);
    }
    if (!isObject(rec)) throw damaged(`Zeile ${lineNo} ist kein gültiger Eintrag`);
    if (typeof rec.table === 'string') {
      const i = header.tables.findIndex((t) => t.name === rec.table);
      // Tables come in the header's order, each in one run of lines, before the files.
      if (
        i < tableIndex ||
        i < 0 ||
        current ||
        fileIndex > 0 ||
        !Array.isArray(rec.rows) ||
        !TABLE_LINE.test(line)
      ) {
        throw damaged(`Zeile ${lineNo}: unerwartete Zeilen für eine Tabelle`);
      }
      if (!rec.rows.every(isObject)) throw damaged(`Zeile ${lineNo}: ungültige Zeilen`);
      tableIndex = i;
      counts.set(rec.table, (counts.get(rec.table) ?? 0) + rec.rows.length);
      continue;
    }
    if (typeof rec.file === 'string') {
      const r = rec as FileLine;
      if (typeof r.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(r.data)) {
        throw damaged(`Zeile ${lineNo}: ungültige Dateidaten`);
      }
      if (!current) {
        if (header.files[fileIndex] !== r.file) throw damaged(`Zeile ${lineNo}: unerwartete Datei`);
        current = { key: r.file, hash: createHash('sha256'), size: 0 };
      } else if (current.key !== r.file) {
        throw damaged(`Zeile ${lineNo}: Datei ${current.key} unvollständig`);
      }
      const buf = Buffer.from(r.data, 'base64');
      current.hash.update(buf);
      current.size += buf.length;
      continue;
    }
    if (typeof rec.fileEnd === 'string') {
      const r = rec as FileEndLine;
      // An empty file has no data lines.
      current ??=
        header.files[fileIndex] === r.fileEnd
          ? { key: r.fileEnd, hash: createHash('sha256'), size: 0 }
          : undefined;
      if (!current || current.key !== r.fileEnd) throw damaged(`Zeile ${lineNo}: unerwartetes Dateiende`);
      if (current.size !== r.size || current.hash.digest('hex') !== r.sha256) {
        throw damaged(`Datei ${r.fileEnd}: Prüfsumme stimmt nicht`);
      }
      current = undefined;
      fileIndex++;
      continue;
    }
    if (rec.end === true) {
      end = rec as EndLine;
      continue;
    }
    throw damaged(`Zeile ${lineNo}: unbekannte Art von Eintrag`);
  }
  if (!header) {
    throw new BackupFileError(`Die Datei ${inFile} ist leer: keine Bildungsnetz-Sicherung. ${notChanged}`);
  }
  const incomplete = new BackupFileError(
    `Die Sicherung ${inFile} ist unvollständig (das Ende fehlt). Bitte eine vollständige Sicherung verwenden. ${notChanged}`,
  );
  if (!end || current) throw incomplete;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  for (const t of header.tables) {
    if ((counts.get(t.name) ?? 0) !== t.rows) {
      throw damaged(`Tabelle ${t.name}: ${counts.get(t.name) ?? 0} statt ${t.rows} Zeilen`);
    }
  }
  if (fileIndex !== header.files.length) throw incomplete;
  if (end.rows !== total || end.files !== fileIndex) throw damaged('die Summen am Ende stimmen nicht');
  return header;
}

/** The migrations of the backup must be a prefix of the code's. */
function checkMigrations(header: BackupHeader, inFile: string) {
  const code = codeMigrations();
  if (header.migrations.length > code.length) {
    throw new BackupFileError(
      `Die Sicherung ${inFile} stammt von einer neueren Version (${header.migrations.length} Migrationen, diese Version kennt ${code.length}). Bitte zuerst die Software aktualisieren. ${notChanged}`,
    );
  }
  header.migrations.forEach((m, i) => {
    if (code[i]!.hash !== m.hash) {
      throw new BackupFileError(
        `Die Sicherung ${inFile} passt nicht zu dieser Version: Migration ${i + 1} (${String(m.name ?? m.hash.slice(0, 12)).slice(0, 80)}) unterscheidet sich. Bitte mit der Version wiederherstellen, die die Sicherung geschrieben hat, oder einer neueren. ${notChanged}`,
      );
    }
  });
  return code;
}

/** A database error as one short line: drizzle's own message quotes the query and its parameters. */
function databaseReason(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause ?? err;
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n')[0]!.slice(0, 200);
}

/**
 * Restores a backup into the given database and file storage.
 *
 * - The whole file is verified first (verifyBackup): a damaged, cut-off, foreign or unknown-version
 *   file is refused before anything is written.
 * - The backup's migrations must be a prefix of the code's: a backup from a newer version is refused.
 * - The target is brought to the backup's schema version first, the rows are loaded there, and the
 *   remaining migrations run afterwards, so a backup of an older version is upgraded like the live
 *   database would have been.
 * - A target that holds any row is refused unless force is set; then every public table is emptied
 *   (TRUNCATE … CASCADE; the audit trail's trigger guards UPDATE and DELETE, not TRUNCATE), and after
 *   the restore the stored files that the restored data does not name are removed.
 * - All rows are written in ONE transaction. Files go to the storage's staging place and are swapped
 *   in only after that transaction committed (a database storage writes them in the transaction).
 * - Sequences (audit_event.seq) continue after the highest restored value.
 */
export async function restoreBackup(
  database: Database,
  storage: FileStorage,
  inFile: string,
  opts: {
    force?: boolean;
    /** The header from a verifyBackup of this file just before (the restore still checks every line). */
    verified?: BackupHeader;
    onVerified?: (header: BackupHeader) => void;
  } = {},
): Promise<RestoreSummary> {
  const header = opts.verified ?? (await verifyBackup(inFile));
  const code = checkMigrations(header, inFile);
  opts.onVerified?.(header);

  // Bring the target to the backup's schema version.
  const applied = await appliedMigrations(database.db);
  if (applied.length > header.migrations.length) {
    throw new BackupError(
      `Die Zieldatenbank ist auf einem neueren Stand (${applied.length} Migrationen) als die Sicherung (${header.migrations.length}). Bitte in eine leere, neue Datenbank wiederherstellen.`,
    );
  }
  applied.forEach((m, i) => {
    if (code[i]?.hash !== m.hash) {
      throw new BackupError(
        `Die Zieldatenbank passt nicht zu dieser Version (Migration ${i + 1} unbekannt).`,
      );
    }
  });

  const targetTablesNow = await listTables(database.db);
  const nonEmpty: string[] = [];
  for (const t of targetTablesNow) {
    const [r] = await rowsOf<{ any: boolean }>(
      database.db,
      `SELECT EXISTS (SELECT 1 FROM ${ident(t.name)}) AS any`,
    );
    if (r?.any) nonEmpty.push(t.name);
  }
  if (nonEmpty.length > 0 && !opts.force) {
    throw new BackupError(
      `Die Zieldatenbank ist nicht leer (Tabellen mit Daten: ${nonEmpty.join(', ')}). Mit --force wird ihr Inhalt ersetzt.`,
    );
  }

  if (applied.length < header.migrations.length) {
    const internals = database.db as unknown as {
      dialect: { migrate(m: MigrationMeta[], session: unknown, config: object): Promise<void> };
      session: unknown;
    };
    await internals.dialect.migrate(code.slice(0, header.migrations.length), internals.session, {
      migrationsFolder,
    });
  }

  await storage.prepare();
  const targetTables = await listTables(database.db);
  const targetByName = new Map(targetTables.map((t) => [t.name, t]));
  for (const t of header.tables) {
    const target = targetByName.get(t.name);
    if (!target) throw new BackupError(`Tabelle ${t.name} fehlt in der Zieldatenbank`);
    const missing = t.columns.filter((c) => !target.columns.includes(c));
    if (missing.length)
      throw new BackupError(`Tabelle ${t.name}: Spalten fehlen im Ziel: ${missing.join(', ')}`);
  }

  const counts = new Map<string, number>(header.tables.map((t) => [t.name, 0]));
  const columnsOf = new Map(header.tables.map((t) => [t.name, t.columns]));
  let files = 0;
  let fileBytes = 0;
  let sawEnd = false;
  let staging: StagedWrites | undefined;
  // The file changed between the check and now (or cannot be read twice alike): refuse as damaged.
  const changed = () =>
    new BackupFileError(
      `Die Sicherung ${inFile} hat sich während der Wiederherstellung verändert. ${notChanged}`,
    );

  try {
    await database.db.transaction(async (tx) => {
      staging = storage.staged(tx);
      const stage = staging;
      if (nonEmpty.length > 0) {
        await tx.execute(
          sql.raw(`TRUNCATE ${targetTables.map((t) => ident(t.name)).join(', ')} RESTART IDENTITY CASCADE`),
        );
      }
      let current: IncomingFile | undefined;
      const open = (key: string): IncomingFile => {
        const stream = new PassThrough();
        stream.on('error', () => {}); // a failed write is reported through done
        const done = stage.write(key, stream);
        // A failing write must not be an unhandled rejection while we are still feeding it.
        done.catch(() => {});
        return { key, stream, done, hash: createHash('sha256'), size: 0 };
      };
      let first = true;
      for await (const line of readLines(inFile)) {
        if (first) {
          first = false;
          continue;
        }
        if (sawEnd) throw changed();
        const tableMatch = TABLE_LINE.exec(line);
        if (tableMatch) {
          const name = JSON.parse(tableMatch[1]!) as string;
          const columns = columnsOf.get(name);
          if (!columns) throw changed();
          // The rows stay PostgreSQL's JSON text: no JavaScript number ever holds a value.
          const rowsJson = line.slice(tableMatch[0].length, -1);
          const cols = sql.raw(columns.map(ident).join(', '));
          const table = sql.raw(ident(name));
          const res = (await tx.execute(
            sql`INSERT INTO ${table} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(null::${table}, ${rowsJson}::json)`,
          )) as unknown as { rowCount?: number | null; affectedRows?: number };
          counts.set(name, (counts.get(name) ?? 0) + Number(res.rowCount ?? res.affectedRows ?? 0));
          continue;
        }
        const rec = JSON.parse(line) as FileLine | FileEndLine | EndLine;
        if ('file' in rec) {
          if (current && current.key !== rec.file) throw changed();
          current ??= open(rec.file);
          const buf = Buffer.from(rec.data, 'base64');
          current.hash.update(buf);
          current.size += buf.length;
          await writeChunk(current.stream, buf);
        } else if ('fileEnd' in rec) {
          current ??= open(rec.fileEnd); // an empty file has no data lines
          if (current.key !== rec.fileEnd) throw changed();
          current.stream.end();
          await current.done;
          if (current.size !== rec.size || current.hash.digest('hex') !== rec.sha256) throw changed();
          files++;
          fileBytes += current.size;
          current = undefined;
        } else if ('end' in rec) {
          sawEnd = true;
        } else {
          throw changed();
        }
      }
      if (!sawEnd) throw changed();
      for (const t of header.tables) {
        if (counts.get(t.name) !== t.rows) {
          throw new BackupError(
            `Tabelle ${t.name}: ${counts.get(t.name)} von ${t.rows} Zeilen wiederhergestellt. ${notChanged}`,
          );
        }
      }
      // Sequences owned by columns continue after the highest restored value.
      const seqs = await rowsOf<{ tbl: string; col: string; seq: string }>(
        tx,
        `SELECT c.relname AS tbl, a.attname AS col, s.oid::regclass::text AS seq
           FROM pg_depend d
           JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
           JOIN pg_class c ON c.oid = d.refobjid
           JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
          WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')`,
      );
      for (const s of seqs) {
        await tx.execute(
          sql`SELECT setval(${s.seq}::regclass, COALESCE((SELECT max(${sql.raw(ident(s.col))}) FROM ${sql.raw(ident(s.tbl))}), 0) + 1, false)`,
        );
      }
    });
  } catch (err) {
    await (staging as StagedWrites | undefined)?.discard().catch(() => {});
    if (err instanceof BackupError) throw err;
    throw new BackupError(
      `Die Daten der Sicherung ließen sich nicht einspielen (${databaseReason(err)}). ${notChanged}`,
    );
  }
  // The rows are committed: now the files take their place.
  await (staging as StagedWrites | undefined)?.commit();

  let removedFiles = 0;
  if (opts.force) {
    // Files of the replaced content that the restored data does not name.
    const keep = new Set(header.files);
    const named = await rowsOf<{ k: string }>(database.db, 'SELECT storage_key AS k FROM stored_file');
    for (const r of named) keep.add(r.k);
    for (const key of await storage.list()) {
      if (!keep.has(key)) {
        await storage.remove(key);
        removedFiles++;
      }
    }
  }

  // Migrations the backup did not have yet run over the restored data.
  const before = (await appliedMigrations(database.db)).length;
  await database.migrate();
  const after = (await appliedMigrations(database.db)).length;

  const tables = header.tables.map((t) => ({ name: t.name, rows: counts.get(t.name) ?? 0 }));
  return {
    createdAt: header.createdAt,
    sourceKind: header.databaseKind,
    tables,
    rows: tables.reduce((a, t) => a + t.rows, 0),
    files,
    fileBytes,
    removedFiles,
    migrationsAppliedAfterLoad: after - before,
    truncated: nonEmpty.length > 0,
  };
}
