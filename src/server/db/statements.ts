import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Runs several writes (Drizzle insert or update builders) as one statement: all but the last become
 * data-modifying CTEs of the last. One round trip instead of one per write, with the same atomicity
 * (and foreign keys checked at the end of the statement, so a later write may refer to an earlier
 * one's row). The writes see the same snapshot: none may read what another writes.
 */
export async function writeTogether(tx: Db, writes: SQLWrapper[]): Promise<void> {
  const [last, ...first] = writes.map((w) => w.getSQL()).reverse();
  if (!last) return;
  if (first.length === 0) {
    await tx.execute(last);
    return;
  }
  await tx.execute(
    sql`WITH ${sql.join(
      first.reverse().map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`),
      sql`, `,
    )} ${last}`,
  );
}
