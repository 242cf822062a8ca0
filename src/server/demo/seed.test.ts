import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, HSK_NAME, seedDemo } from './seed.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('HSK demo network', () => {
  it('loads once; every demo account signs in with its role and sees the network', async () => {
    const first = await seedDemo(ctx.database.db);
    expect(first.created).toBe(true);
    expect((await seedDemo(ctx.database.db)).created).toBe(false);
    for (const account of DEMO_ACCOUNTS) {
      const cookie = await signIn(ctx.app, account.email, DEMO_PASSWORD);
      const me = (await ctx.as(cookie, { method: 'GET', url: '/api/me' })).json();
      const hsk = me.networks.find((n: { name: string }) => n.name === HSK_NAME);
      expect(hsk, account.email).toMatchObject({ role: account.role, regionKey: '05958' });
    }
    const admin = await signIn(ctx.app, DEMO_ACCOUNTS[0]!.email, DEMO_PASSWORD);
    const me = (await ctx.as(admin, { method: 'GET', url: '/api/me' })).json();
    expect(me.networks).toHaveLength(2);
    expect(me.platformAdmin).toBe(true);
  });

  it('has the three bodies, the 12 municipalities and the office team with the phone numbers of the seed', async () => {
    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[2]!.email, DEMO_PASSWORD);
    const res = await ctx.as(cookie, {
      method: 'GET',
      url: `/api/networks/${(await seedDemo(ctx.database.db)).networkId}/structure`,
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.bodies.map((b: { name: string }) => b.name)).toEqual([
      'Regionales Bildungsbüro',
      'Lenkungskreis',
      'Regionale Bildungskonferenz',
    ]);
    expect(s.municipalities).toHaveLength(12);
    expect(s.municipalities.find((m: { name: string }) => m.name === 'Meschede').regionKey).toBe('05958032');
    expect(s.team.map((m: { phone: string }) => m.phone)).toEqual([
      '02931 / 94-4126',
      '02931 / 94-4148',
      '02931 / 94-4121',
      '02931 / 94-4122',
    ]);
    expect(s.team[3].function).toContain('pädagogische Mitarbeiterin');
  });
});
