import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import { seedEventsPlanningDemo } from './events-planning-demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(() => ctx.close());

describe('HSK demo events', () => {
  it('seeds the four events with their checklists, once', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    await seedSteeringDemo(ctx.app.deps, networkId);
    await seedEventsPlanningDemo(ctx.app.deps, networkId);
    await seedEventsPlanningDemo(ctx.app.deps, networkId); // idempotent
    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[1]!.email, DEMO_PASSWORD);
    const get = async (url: string) =>
      (await ctx.as(cookie, { method: 'GET', url: `/api/networks/${networkId}/events${url}` })).json();
    const list = await get('');
    expect(list.map((e: { title: string; status: string }) => [e.title, e.status])).toEqual([
      ['Bildungskonferenz 2027', 'registration_open'],
      ['Netzwerktreffen Übergang Schule–Beruf', 'announced'],
      ['Bildungskonferenz 2026', 'documented'],
      ['Dienstbesprechung Bildungsbüro', 'planned'],
    ]);
    const old = await get(`/${list[2].id}`);
    expect(old.tasks.every((t: { doneAt: string | null }) => t.doneAt)).toBe(true);
    const conf = await get(`/${list[0].id}`);
    expect(conf.tasks.filter((t: { doneAt: string | null }) => t.doneAt)).toHaveLength(3);
    expect(conf.tasks.filter((t: { overdue: boolean }) => t.overdue)).toHaveLength(1);
    expect(conf.approvedBy?.title).toBe('Empfehlung an die Bildungskonferenz: MINT-Netzwerk');
    expect(conf).toMatchObject({ capacity: 120, venue: 'Kreishaus Meschede', public: true });
  });
});
