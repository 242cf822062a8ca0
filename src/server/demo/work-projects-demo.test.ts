import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';
import { seedWorkProjectsDemo } from './work-projects-demo.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('HSK demo projects', () => {
  it('has Praxisphasen, zdi-Netzwerk and Schulwegweiser with tasks and rolled-up progress, once', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    await seedSteeringDemo(ctx.app.deps, networkId);
    await seedWorkProjectsDemo(ctx.app.deps, networkId);
    await seedWorkProjectsDemo(ctx.app.deps, networkId); // idempotent
    const office = await signIn(ctx.app, DEMO_ACCOUNTS[1]!.email, DEMO_PASSWORD);
    const list = (
      await ctx.as(office, { method: 'GET', url: `/api/networks/${networkId}/work/projects` })
    ).json();
    expect(list.map((p: { title: string }) => p.title)).toEqual([
      'Praxisphasen',
      'Schulwegweiser',
      'zdi-Netzwerk',
    ]);
    const praxis = list[0];
    // Tasks: checklist 2/4 → 50 (weight 2), done → 100, 20 → (2·50 + 100 + 20) / 4 = 55
    expect(praxis.rollUp).toMatchObject({ state: 'ok', tasks: 3, tasksDone: 1 });
    expect(praxis.rollUp.progress).toBeGreaterThan(0);
    expect(praxis.fieldName).toBe('Übergang Schule – Beruf (KAoA)');
    const detail = (
      await ctx.as(office, { method: 'GET', url: `/api/networks/${networkId}/work/projects/${praxis.id}` })
    ).json();
    expect(detail.milestones).toHaveLength(2);
    expect(detail.partners).toHaveLength(2);
    expect(detail.tasks[0].checklist).toHaveLength(4);
  });
});
