import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';
import { seedWorkGoalsDemo } from './work-goals-demo.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(() => ctx.close());

describe('HSK demo goals and work plans', () => {
  it('has goals in every joint field and an agreed 2026 plan per field, KAoA with a newer draft and published', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    await seedSteeringDemo(ctx.app.deps, networkId);
    await seedWorkGoalsDemo(ctx.app.deps, networkId);
    await seedWorkGoalsDemo(ctx.app.deps, networkId); // idempotent
    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[2]!.email, DEMO_PASSWORD);
    const get = async (url: string) =>
      (await ctx.as(cookie, { method: 'GET', url: `/api/networks/${networkId}${url}` })).json();
    const fields = (await get('/fields?on=2026-03-12')).filter((f: { joint: boolean }) => f.joint);
    const goals = await get('/work/goals');
    for (const f of fields) expect(goals.some((g: { fieldId: string }) => g.fieldId === f.id)).toBe(true);
    expect(goals.some((g: { reviewDue: boolean }) => g.reviewDue)).toBe(true);
    const plans = await get('/work/plans?year=2026');
    expect(plans).toHaveLength(fields.length);
    expect(plans.every((p: { agreed: unknown }) => p.agreed)).toBe(true);
    const kaoa = plans.find((p: { fieldName: string }) => p.fieldName.includes('KAoA'));
    expect(kaoa).toMatchObject({ published: true, hasDraft: true, latest: { version: 2 } });
  });
});
