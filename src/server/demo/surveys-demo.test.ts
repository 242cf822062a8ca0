import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import * as t from '../db/schema.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSurveysDemo } from './surveys-demo.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(() => ctx.close());

describe('HSK demo surveys', () => {
  it('has the 2026 conference feedback compared with 2025, the 2027 draft and the hidden actors survey; loads once', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    await seedSurveysDemo(ctx.app.deps, networkId);
    await seedSurveysDemo(ctx.app.deps, networkId); // idempotent
    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[2]!.email, DEMO_PASSWORD);
    const get = async (url: string) =>
      (await ctx.as(cookie, { method: 'GET', url: `/api/networks/${networkId}/surveys${url}` })).json();
    const list = await get('');
    expect(
      list.map((s: { title: string; status: string; answers: number }) => [s.title, s.status, s.answers]),
    ).toEqual(
      expect.arrayContaining([
        ['Rückmeldung Bildungskonferenz 2025', 'closed', 38],
        ['Rückmeldung Bildungskonferenz 2026', 'closed', 45],
        ['Rückmeldung Bildungskonferenz 2027', 'draft', 0],
        ['Jährliche Befragung der Netzwerkakteure 2026', 'open', 4],
      ]),
    );
    expect(list).toHaveLength(4);
    const byTitle = (title: string) => list.find((s: { title: string }) => s.title === title).id;
    const r2026 = await get(`/${byTitle('Rückmeldung Bildungskonferenz 2026')}/results`);
    expect(r2026).toMatchObject({ n: 45, tooFew: false, previous: { year: 2025, n: 38 } });
    expect(r2026.questions[0].mean).toBeGreaterThan(r2026.questions[0].previousMean);
    expect((await get(`/${byTitle('Jährliche Befragung der Netzwerkakteure 2026')}/results`)).tooFew).toBe(
      true,
    );
    const responses = await ctx.database.db
      .select()
      .from(t.surveyResponse)
      .where(eq(t.surveyResponse.networkId, networkId));
    expect(responses).toHaveLength(38 + 45 + 4);
  });
});
