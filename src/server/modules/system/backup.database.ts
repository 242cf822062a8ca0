import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator';
import { type Db, migrationsFolder } from '../../db/client.js';
import { BackupError } from './backup.format.js';

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Executor = Pick<Db, 'execute'>;

export async function rowsOf<T>(tx: Executor, query: SQL | string): Promise<T[]> {
  const res = (await tx.execute(typeof query === 'string' ? sql.raw(query) : query)) as unknown as {
    rows: T[];
  };
  return res.rows;
}

/** Base tables of schema public with their writable columns, parents before children. */
export async function listTables(tx: Executor): Promise<{ name: string; columns: string[] }[]> {
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
export async function appliedMigrations(tx: Executor): Promise<{ hash: string; createdAt: number }[]> {
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
