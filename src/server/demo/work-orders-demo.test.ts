import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import * as t from '../db/schema.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';
import { seedWorkOrdersDemo } from './work-orders-demo.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('the demo work orders', () => {
  it('come from the demo decision in every state the office sets, one overdue, one returned; loading twice adds nothing', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    const deps = ctx.app.deps;
    await seedSteeringDemo(deps, networkId);
    await seedWorkOrdersDemo(deps, networkId);
    await seedWorkOrdersDemo(deps, networkId);
    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[2]!.email, DEMO_PASSWORD);
    const orders = (
      await ctx.as(cookie, { method: 'GET', url: `/api/networks/${networkId}/work/orders` })
    ).json() as Array<{
      status: string;
      overdue: boolean;
      returnReason: string | null;
      decision: { id: string };
    }>;
    expect(orders).toHaveLength(6);
    expect(orders.map((o) => o.status).sort()).toEqual([
      'accepted',
      'done',
      'done',
      'in_progress',
      'new',
      'returned',
    ]);
    expect(orders.filter((o) => o.overdue).length).toBeGreaterThanOrEqual(1);
    expect(orders.find((o) => o.status === 'returned')!.returnReason).toMatch(/Berufskolleg/);
    const [d] = await ctx.database.db
      .select()
      .from(t.decision)
      .where(eq(t.decision.id, orders[0]!.decision.id));
    expect(d!.status).toBe('in_progress');
  });
});
