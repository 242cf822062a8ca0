import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import * as t from '../db/schema.js';
import { seedContactsDemo } from './contacts-demo.js';
import { seedContactsListsDemo } from './contacts-lists-demo.js';
import { seedEventsCheckinDemo } from './events-checkin-demo.js';
import { seedEventsInvitationsDemo } from './events-invitations-demo.js';
import { seedEventsPlanningDemo } from './events-planning-demo.js';
import { seedEventsProgrammeDemo } from './events-programme-demo.js';
import { seedEventsRegistrationDemo } from './events-registration-demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';

const NOW = new Date('2026-12-02T10:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => NOW });
});
afterAll(() => ctx.close());

type Counts = {
  capacity: number | null;
  confirmed: number;
  offered: number;
  waiting: number;
  cancelled: number;
};
type SessionCounts = Counts & { title: string };

describe('HSK demo registrations', () => {
  it('fills both conferences as the brief says, the check-in demo builds on 2026, loading twice adds nothing', async () => {
    const db = ctx.database.db;
    const deps = ctx.app.deps;
    const { networkId } = await seedDemo(db);
    await seedSteeringDemo(deps, networkId);
    await seedContactsDemo(deps, networkId);
    await seedContactsListsDemo(deps, networkId);
    await seedEventsPlanningDemo(deps, networkId);
    await seedEventsProgrammeDemo(deps, networkId);
    await seedEventsInvitationsDemo(deps, networkId);
    await seedEventsRegistrationDemo(deps, networkId);
    await seedEventsCheckinDemo(deps, networkId);

    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[1]!.email, DEMO_PASSWORD);
    const events = await db.select().from(t.event).where(eq(t.event.networkId, networkId));
    const id = (title: string) => events.find((e) => e.title === title)!.id;
    const list = async (title: string) =>
      (
        await ctx.as(cookie, {
          method: 'GET',
          url: `/api/networks/${networkId}/events/${id(title)}/registrations`,
        })
      ).json() as Promise<{
        counts: Counts;
        sessions: SessionCounts[];
        registrations: Array<{ status: string; needs: boolean; source: string; createdAt: string }>;
      }>;

    const next = await list('Bildungskonferenz 2027');
    const live = next.registrations.filter((r) => r.status !== 'cancelled');
    expect(live.length).toBeGreaterThanOrEqual(55);
    expect(live.length).toBeLessThanOrEqual(65);
    expect(next.counts).toMatchObject({ confirmed: live.length, waiting: 0, offered: 0, cancelled: 1 });
    const w3 = next.sessions.find((s) => s.title.startsWith('Workshop 3'))!;
    expect(w3).toMatchObject({ capacity: 12, confirmed: 11, offered: 1, waiting: 3 });
    for (const s of next.sessions) expect(s.confirmed + s.offered).toBeLessThanOrEqual(s.capacity ?? 1e9);
    expect(next.registrations.filter((r) => r.needs)).toHaveLength(2);
    expect(next.registrations.every((r) => new Date(r.createdAt) <= NOW)).toBe(true);
    const linked = await db
      .select()
      .from(t.eventInvitee)
      .where(
        and(
          eq(t.eventInvitee.eventId, id('Bildungskonferenz 2027')),
          isNotNull(t.eventInvitee.registrationId),
        ),
      );
    expect(linked.length).toBeGreaterThan(0);
    expect(next.registrations.filter((r) => r.source === 'invitation')).toHaveLength(linked.length);

    const old = await list('Bildungskonferenz 2026');
    const oldEvent = events.find((e) => e.title === 'Bildungskonferenz 2026')!;
    const booked = old.registrations.filter((r) => r.source !== 'walk_in');
    expect(booked).toHaveLength(90);
    expect(booked.every((r) => new Date(r.createdAt) < oldEvent.startsAt)).toBe(true);
    expect(old.counts.cancelled).toBe(2);
    expect(old.registrations.filter((r) => r.source === 'walk_in')).toHaveLength(2);
    const checkin = (
      await ctx.as(cookie, {
        method: 'GET',
        url: `/api/networks/${networkId}/events/${oldEvent.id}/checkin`,
      })
    ).json();
    expect(checkin.checkedIn).toBeGreaterThan(70);

    const before = {
      regs: (await db.select().from(t.registration).where(eq(t.registration.networkId, networkId))).length,
      choices: (
        await db.select().from(t.registrationChoice).where(eq(t.registrationChoice.networkId, networkId))
      ).length,
      mails: (await db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, networkId))).length,
    };
    await seedEventsRegistrationDemo(deps, networkId);
    await seedEventsCheckinDemo(deps, networkId);
    expect({
      regs: (await db.select().from(t.registration).where(eq(t.registration.networkId, networkId))).length,
      choices: (
        await db.select().from(t.registrationChoice).where(eq(t.registrationChoice.networkId, networkId))
      ).length,
      mails: (await db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, networkId))).length,
    }).toEqual(before);
    expect(await list('Bildungskonferenz 2027')).toEqual(next);
  });
});
