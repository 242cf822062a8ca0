import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/database.js';
import type { Database } from './client.js';
import * as t from './schema.js';
import { writeTogether } from './statements.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('writeTogether', () => {
  it('writes rows that refer to each other in one statement, and nothing when one of them fails', async () => {
    const db = database.db;
    const networkId = randomUUID();
    const slug = `wt-${networkId.slice(0, 8)}`;
    const eventId = randomUUID();
    const network = db.insert(t.network).values({ id: networkId, name: 'Netz', regionKey: '05958', slug });
    const event = (id: string) =>
      db.insert(t.event).values({
        id,
        networkId,
        type: 'conference',
        title: 'Konferenz',
        startsAt: new Date('2027-02-25T08:00:00Z'),
        endsAt: new Date('2027-02-25T15:00:00Z'),
      });
    await writeTogether(db, [network, event(eventId)]);
    expect(await db.select().from(t.event).where(eq(t.event.networkId, networkId))).toHaveLength(1);

    // The second event's id is taken: neither new event stays.
    const fresh = randomUUID();
    await expect(writeTogether(db, [event(fresh), event(eventId)])).rejects.toThrow();
    expect(
      await db
        .select()
        .from(t.event)
        .where(inArray(t.event.id, [fresh])),
    ).toHaveLength(0);

    await writeTogether(db, []);
    await writeTogether(db, [event(fresh)]);
    expect(await db.select().from(t.event).where(eq(t.event.networkId, networkId))).toHaveLength(2);
  });
});
