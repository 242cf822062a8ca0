import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Runs `guard` (a query of one row) and then `writes` as one statement, and returns the guard's row: the
 * guard as the materialized CTE `g`, which the writes may read (`guardValue`), the writes as
 * data-modifying CTEs. When the guard raises an error, nothing is written. Made for a decision under a
 * lock that the guard takes: outside a transaction the lock is held for this one statement only.
 */
export async function writeAfter<Row extends Record<string, unknown>>(
  db: Db,
  guard: SQL,
  writes: SQLWrapper[],
): Promise<Row> {
  const ctes = [
    sql`g AS MATERIALIZED (${guard})`,
    ...writes.map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w.getSQL()})`),
  ];
  const result = await db.execute<Row>(sql`WITH ${sql.join(ctes, sql`, `)} SELECT * FROM g`);
  const [row] = (result as unknown as { rows: Row[] }).rows;
  if (!row) throw new Error('writeAfter: the guard returned no row');
  return row;
}

/** A column of `writeAfter`'s guard row, as a value in one of its writes. */
export const guardValue = (column: string) => sql`(SELECT ${sql.identifier(column)} FROM g)`;

/** The SQLSTATE and detail of a database error (node-postgres and PGlite set them; Drizzle wraps it in `cause`). */
export function sqlError(err: unknown): { code: string; detail?: string } | undefined {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, detail } = e as { code?: unknown; detail?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
      return { code, detail: typeof detail === 'string' ? detail : undefined };
  }
  return undefined;
}
