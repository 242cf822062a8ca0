import { createHash } from 'node:crypto';
import { codeMigrations } from './backup.database.js';
import {
  BackupFileError,
  type BackupHeader,
  type EndLine,
  type FileEndLine,
  type FileLine,
  isObject,
  notChanged,
  parseHeader,
  readLines,
  TABLE_LINE,
} from './backup.format.js';

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
export function checkMigrations(header: BackupHeader, inFile: string) {
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
