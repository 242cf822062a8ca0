import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';
import { seedContactsDemo } from '../../demo/contacts-demo.js';
import { seedEventsProgrammeDemo } from '../../demo/events-programme-demo.js';
import { seedDemo } from '../../demo/seed.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(() => ctx.close());

describe('HSK demo programme and rooms', () => {
  it('seeds rooms, media, both conference programmes with speakers and a booking; loading twice adds nothing', async () => {
    const db = ctx.database.db;
    const { networkId } = await seedDemo(db);
    await seedContactsDemo(ctx.app.deps, networkId);
    await seedEventsProgrammeDemo(ctx.app.deps, networkId);
    const count = async () => ({
      resources: (await db.select().from(t.resource).where(eq(t.resource.networkId, networkId))).length,
      sessions: (await db.select().from(t.eventSession).where(eq(t.eventSession.networkId, networkId)))
        .length,
      bookings: (await db.select().from(t.resourceBooking).where(eq(t.resourceBooking.networkId, networkId)))
        .length,
      speakers: (await db.select().from(t.sessionSpeaker).where(eq(t.sessionSpeaker.networkId, networkId)))
        .length,
    });
    const first = await count();
    expect(first.resources).toBe(12);
    expect(first.sessions).toBe(18);
    expect(first.speakers).toBeGreaterThan(0);
    // 2 × (2 plenaries + 6 workshops in rooms) + Sitzungsraum 2 for the network meeting.
    expect(first.bookings).toBe(17);
    await seedEventsProgrammeDemo(ctx.app.deps, networkId);
    expect(await count()).toEqual(first);
  });
});
