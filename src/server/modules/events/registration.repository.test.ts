import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/database.js';
import type { Database } from '../../db/client.js';
import * as t from '../../db/schema.js';
import { sqlError, writeAfter } from '../../db/statements.js';
import * as repo from './registration.repository.js';

/*
 * The decision of a new registration's places in the database (migration 0027): what the guard raises,
 * what it gives back, and the waiting moments of the careful paths. The routes' tests show the same
 * through the API; these name the database's own answers.
 */

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const now = new Date('2027-01-10T09:00:00Z');

async function seed(capacity: number) {
  const db = database.db;
  const networkId = randomUUID();
  await db
    .insert(t.network)
    .values({ id: networkId, name: 'Netz', regionKey: '05958', slug: `rr-${networkId.slice(0, 8)}` });
  const [ev] = await db
    .insert(t.event)
    .values({
      networkId,
      type: 'conference',
      title: 'Bildungskonferenz',
      startsAt: new Date('2027-02-25T08:00:00Z'),
      endsAt: new Date('2027-02-25T15:00:00Z'),
      capacity,
      status: 'registration_open',
      public: true,
    })
    .returning();
  const add = async (status: 'confirmed' | 'waiting', waitingSince: Date | null = null) => {
    const [r] = await db
      .insert(t.registration)
      .values({
        networkId,
        eventId: ev!.id,
        firstName: 'Test',
        lastName: status,
        email: `${randomUUID().slice(0, 8)}@schule.example`,
        status,
        waitingSince,
        source: 'public',
      })
      .returning();
    return r!;
  };
  return { networkId, ev: ev!, add };
}

const hold = (eventId: string, expected: 'free' | 'full', email = 'neu@schule.example') =>
  writeAfter<{ at: Date | string; places: Record<string, [number, number, number]> }>(
    database.db,
    repo.placeHold(eventId, randomUUID(), email, now, { event: expected, sessions: [] }),
    [],
  );

describe('registration_place_hold', () => {
  it('passes a plan that still holds and gives the others’ places and the next waiting moment', async () => {
    const s = await seed(1);
    await s.add('confirmed');
    const latest = new Date('2027-01-10T09:00:05Z');
    await s.add('waiting', latest);
    const row = await hold(s.ev.id, 'full');
    expect(repo.heldPlaces(row).event).toEqual({ taken: 1, waiting: 1, expired: 0 });
    // After the latest on the list (which is later than `now`): one millisecond.
    expect(new Date(row.at).getTime()).toBe(latest.getTime() + 1);
    expect(await repo.waitingMoment(database.db, s.ev.id, now)).toEqual(new Date(latest.getTime() + 1));
  });

  it('raises BN412 with the fresh places when the plan no longer holds, and BN409 for the same e-mail', async () => {
    const s = await seed(1);
    const taken = await s.add('confirmed');
    const changed = sqlError(await hold(s.ev.id, 'free').catch((e) => e));
    expect(changed?.code).toBe(repo.placesChanged);
    expect(JSON.parse(changed!.detail!)).toEqual({ event: [1, 0, 0] });
    expect(sqlError(await hold(s.ev.id, 'full', taken.email.toUpperCase()).catch((e) => e))?.code).toBe(
      repo.duplicateEmail,
    );
  });

  it('raises BN410 for an event cancelled meanwhile', async () => {
    const s = await seed(10);
    await database.db.update(t.event).set({ cancelledAt: now }).where(eq(t.event.id, s.ev.id));
    expect(sqlError(await hold(s.ev.id, 'free').catch((e) => e))?.code).toBe(repo.eventCancelled);
  });

  it('refuses to decide outside READ COMMITTED, where it would read the places from before its lock', async () => {
    const s = await seed(10);
    const attempt = database.db.transaction(
      (tx) =>
        writeAfter(
          tx,
          repo.placeHold(s.ev.id, randomUUID(), 'x@schule.example', now, { event: 'free', sessions: [] }),
          [],
        ),
      { isolationLevel: 'repeatable read' },
    );
    await expect(attempt).rejects.toThrow();
    expect(String((await attempt.catch((e) => e)).cause ?? '')).toMatch(/READ COMMITTED/);
  });
});
