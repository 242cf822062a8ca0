import { randomUUID } from 'node:crypto';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/database.js';
import type { Database } from './client.js';
import * as t from './schema.js';
import { guardValue, sqlError, writeAfter } from './statements.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('writeAfter', () => {
  it('runs the guard first, lets the writes use its row, and writes nothing when it raises', async () => {
    const db = database.db;
    const networkId = randomUUID();
    const slug = `wa-${networkId.slice(0, 8)}`;
    const eventId = randomUUID();
    const network = db.insert(t.network).values({ id: networkId, name: 'Netz', regionKey: '05958', slug });
    const event = (id: string, title: SQL | string) =>
      db.insert(t.event).values({
        id,
        networkId,
        type: 'conference',
        title,
        startsAt: new Date('2027-02-25T08:00:00Z'),
        endsAt: new Date('2027-02-25T15:00:00Z'),
      });
    // Rows that refer to each other, in one statement, with a value the guard decided.
    const row = await writeAfter<{ title: string }>(db, sql`SELECT 'Bildungskonferenz ' || 2027 AS title`, [
      network,
      event(eventId, guardValue('title')),
    ]);
    expect(row).toEqual({ title: 'Bildungskonferenz 2027' });
    const [made] = await db.select().from(t.event).where(eq(t.event.networkId, networkId));
    expect(made?.title).toBe('Bildungskonferenz 2027');

    // The guard raises: the error names its SQLSTATE, and no write stays.
    const fresh = randomUUID();
    const stored = async (id: string) =>
      (
        await db
          .select()
          .from(t.event)
          .where(inArray(t.event.id, [id]))
      ).length > 0;
    const failed = await writeAfter(db, sql`SELECT 1 / 0 AS n`, [event(fresh, 'Nie')]).catch((e) => e);
    expect(sqlError(failed)?.code).toBe('22012');
    expect(await stored(fresh)).toBe(false);

    // A write fails (the id is taken): nothing of the statement stays either.
    await expect(
      writeAfter(db, sql`SELECT 1 AS n`, [event(fresh, 'Neu'), event(eventId, 'Doppelt')]),
    ).rejects.toThrow();
    expect(await stored(fresh)).toBe(false);
    expect(sqlError(new Error('kein Datenbankfehler'))).toBeUndefined();
  });
});
