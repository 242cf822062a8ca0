import fs from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Database } from '../../db/client.js';

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

/** A refusal that the command-line tools print without a stack trace. */
export class BackupError extends Error {}

/** The backup file itself is unusable (missing, empty, damaged, foreign, other version): exit code 2. */
export class BackupFileError extends BackupError {}

/** Longest line a backup of ours writes is about 1.4 MB (a file chunk) or 500 rows: far below this. */
const MAX_LINE_CHARS = 256 * 1024 * 1024;

export const notChanged = 'Es wurde nichts verändert.';

/**
 * The lines of a gzip file of JSON lines. Every way the file itself can be unusable (missing, empty,
 * not gzip, cut off, damaged) ends as a BackupFileError with a sentence for the operator; the zlib or
 * JSON error texts, which may quote the content, are never passed on.
 */
export async function* readLines(inFile: string): AsyncGenerator<string> {
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

/** The start of a table line: a restore slices the rows after it out unparsed, as PostgreSQL's JSON text. */
export const TABLE_LINE = /^\{"table":("(?:[^"\\]|\\.)*"),"rows":/;

/** Reads and checks the first line of a backup file (format and version only). */
export async function readBackupHeader(inFile: string): Promise<BackupHeader> {
  for await (const line of readLines(inFile)) return parseHeader(line, inFile);
  throw new BackupFileError(`Die Datei ${inFile} ist leer: keine Bildungsnetz-Sicherung. ${notChanged}`);
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseHeader(line: string, inFile: string): BackupHeader {
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

export type FileLine = { file: string; data: string };
export type FileEndLine = { fileEnd: string; size: number; sha256: string };
export type EndLine = { end: true; rows: number; files: number };

/** Waits for the stream to drain, so a large backup is never buffered in memory as a whole. */
export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
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

export function writeLine(out: Writable, line: string): Promise<void> {
  return writeChunk(out, `${line}\n`);
}
