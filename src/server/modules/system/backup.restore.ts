import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { type Database, migrationsFolder } from '../../db/client.js';
import type { FileStorage, StagedWrites } from '../files/files.storage.js';
import { appliedMigrations, ident, listTables, rowsOf } from './backup.database.js';
import {
  BackupError,
  BackupFileError,
  type BackupHeader,
  type EndLine,
  type FileEndLine,
  type FileLine,
  notChanged,
  readLines,
  TABLE_LINE,
  writeChunk,
} from './backup.format.js';
import { checkMigrations, verifyBackup } from './backup.verify.js';

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

type IncomingFile = {
  key: string;
  stream: PassThrough;
  done: Promise<void>;
  hash: ReturnType<typeof createHash>;
  size: number;
};

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
