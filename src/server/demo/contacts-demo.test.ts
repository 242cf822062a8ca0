import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import { DEMO_INSTITUTIONS, seedContactsDemo } from './contacts-demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, HSK_MUNICIPALITIES, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** Issue 10's "Done when" for people and institutions, on the demo network. */
describe('the demo address book', { timeout: 300_000 }, () => {
  it('has example institutions in all 12 municipalities, people with functions and consents, the committee linked; loading twice adds nothing', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    await seedSteeringDemo(ctx.app.deps, networkId);
    await seedContactsDemo(ctx.app.deps, networkId);
    const office = await signIn(ctx.app, DEMO_ACCOUNTS[1]!.email, DEMO_PASSWORD);
    const get = async (url: string) => {
      const res = await ctx.as(office, { method: 'GET', url: `/api/networks/${networkId}/contacts${url}` });
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    const institutions = await get('/institutions');
    const people = await get('/people');
    expect(institutions).toHaveLength(DEMO_INSTITUTIONS.length);
    expect(
      institutions.every((i: { example: boolean; name: string }) => i.example && i.name.includes('Beispiel')),
    ).toBe(true);
    expect(new Set(institutions.map((i: { municipalityName: string }) => i.municipalityName))).toEqual(
      new Set(HSK_MUNICIPALITIES.map(([, name]) => name)),
    );
    expect(new Set(institutions.map((i: { type: string }) => i.type)).size).toBeGreaterThanOrEqual(8);
    expect(people.length).toBeGreaterThanOrEqual(40);
    expect(people.filter((p: { consent: string }) => p.consent === 'given').length).toBeGreaterThanOrEqual(8);
    expect(people.filter((p: { multiplier: boolean }) => p.multiplier).length).toBeGreaterThanOrEqual(10);

    const jana = (await get('/search?q=mueller')).people;
    expect(jana.map((p: { name: string }) => p.name)).toEqual(['Dr. Jana Müller-Beispiel']);
    expect(jana[0].detail).toBe('Schulleitung, Beispiel-Realschule Brilon');

    // Every committee member is a person, with their place of work.
    const committee = (
      await ctx.as(office, { method: 'GET', url: `/api/networks/${networkId}/committee` })
    ).json();
    expect(committee.length).toBeGreaterThan(0);
    for (const m of committee) {
      expect(m.personId, m.name).toBeTruthy();
      const p = await get(`/people/${m.personId}`);
      expect(p.committee.map((c: { memberId: string }) => c.memberId)).toContain(m.id);
      expect(p.affiliations.length, m.name).toBeGreaterThan(0);
    }
    // The office's staff are people with their account.
    const staff = (await get('/search?q=teamleitung')).people;
    expect((await get(`/people/${staff[0].id}`)).account).toMatchObject({ role: 'office' });

    await seedContactsDemo(ctx.app.deps, networkId);
    expect(await get('/people')).toHaveLength(people.length);
    expect(await get('/institutions')).toHaveLength(institutions.length);
  });
});
