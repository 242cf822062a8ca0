import { getTableColumns, type Table } from 'drizzle-orm';
import type { Database } from './client.js';

/*
 * Named prepared statements for the few queries that run on nearly every request (the session, the
 * lists the UI opens most). Both databases then parse and plan such a query once instead of on every
 * call: on PGlite planning a join costs several times running it (measured: the decision register
 * 2.3 ms as a parameterised query, 0.5 ms prepared), and on PostgreSQL each pooled connection parses a
 * named statement once. Domain code keeps using Drizzle; this is for measured hot paths only.
 */

export type Param = string | number | boolean | Date | null;

/**
 * A literal for EXECUTE on PGlite, which takes no bind parameters there: numbers must be finite, text
 * is quoted as quote_literal does with standard_conforming_strings (on since PostgreSQL 9.1), and text
 * with NUL is refused (the input guard rejects it before, PostgreSQL refuses it anyway).
 */
export function literal(value: Param): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not a finite number');
    return String(value);
  }
  const text = value instanceof Date ? value.toISOString() : value;
  if (text.includes('\0')) throw new Error('NUL in a statement parameter');
  return `'${text.replaceAll("'", "''")}'`;
}

const preparedOn = new WeakMap<Database, Map<string, Promise<void>>>();

/**
 * Runs the statement `name` (`text` with $1… of the given SQL `types`). The same name must always carry
 * the same text. On PGlite it is PREPAREd once per database handle and then EXECUTEd with literals.
 */
export async function runPrepared<T>(
  database: Database,
  statement: { name: string; text: string; types: readonly string[] },
  params: readonly Param[],
): Promise<T[]> {
  if (database.kind !== 'pglite') return database.query<T>(statement.text, [...params], statement.name);
  let ready = preparedOn.get(database);
  if (!ready) {
    ready = new Map();
    preparedOn.set(database, ready);
  }
  let done = ready.get(statement.name);
  if (!done) {
    done = database
      .query(`PREPARE ${statement.name}(${statement.types.join(', ')}) AS ${statement.text}`)
      .then(
        () => undefined,
        (err: { code?: string }) => {
          // Another app instance on the same PGlite handle prepared it already.
          if (err.code === '42P05') return;
          ready.delete(statement.name);
          throw err;
        },
      );
    ready.set(statement.name, done);
  }
  await done;
  return database.query<T>(`EXECUTE ${statement.name}(${params.map(literal).join(', ')})`);
}

/** `"column" AS "key"` for every column of a Drizzle table, qualified by `alias`. */
export function columnsOf(table: Table, alias: string): string {
  return Object.entries(getTableColumns(table))
    .map(([key, column]) => `${alias}."${column.name}" AS "${key}"`)
    .join(', ');
}

/** A row selected with `columnsOf`, converted as Drizzle converts its own (dates, JSON, enums). */
export function rowOf<T extends Table>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[key];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T['$inferSelect'];
}
