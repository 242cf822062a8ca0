import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import * as t from '../db/schema.js';
import { seedEventsCheckinDemo } from './events-checkin-demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(() => ctx.close());

describe('HSK demo: the day of the Bildungskonferenz 2026', () => {
  it('checks most in, ticks attendance, adds two walk-ins, and loading twice adds nothing', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    await seedEventsCheckinDemo(ctx.app.deps, networkId);
    const [ev] = await ctx.database.db
      .select()
      .from(t.event)
      .where(eq(t.event.title, 'Bildungskonferenz 2026'));
    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[1]!.email, DEMO_PASSWORD);
    const get = async () =>
      (
        await ctx.as(cookie, { method: 'GET', url: `/api/networks/${networkId}/events/${ev!.id}/checkin` })
      ).json();
    const first = await get();
    expect(first.walkIns).toBe(2);
    expect(first.checkedIn).toBeGreaterThan(first.confirmed * 0.8);
    expect(first.checkedIn).toBeLessThan(first.confirmed);
    expect(first.sessions.every((s: { attended: number }) => s.attended > 0)).toBe(true);
    const checkedIn = first.entries.filter((e: { checkedInAt: string | null }) => e.checkedInAt);
    expect(checkedIn.every((e: { checkedInAt: string }) => e.checkedInAt.startsWith('2026-06-18'))).toBe(
      true,
    );
    await seedEventsCheckinDemo(ctx.app.deps, networkId);
    expect(await get()).toEqual(first);
  });
});
