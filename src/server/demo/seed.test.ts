import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, HSK_NAME, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';

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

describe('HSK demo steering committee', () => {
  it('has members of both sides, four meetings, decisions of several types incl. one blocked and later taken', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    await seedSteeringDemo(ctx.app.deps, networkId);
    await seedSteeringDemo(ctx.app.deps, networkId); // idempotent
    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[2]!.email, DEMO_PASSWORD);
    const get = async (url: string, c = cookie) =>
      (await ctx.as(c, { method: 'GET', url: `/api/networks/${networkId}${url}` })).json();
    const members = await get('/committee');
    expect(new Set(members.map((m: { side: string }) => m.side))).toEqual(
      new Set(['land', 'municipality', 'other']),
    );
    // The office's team lead runs the meetings with her account; she is no committee member.
    expect(members.map((m: { email: string | null }) => m.email)).not.toContain(DEMO_ACCOUNTS[1]!.email);
    expect(members.some((m: { deputyOf: string | null }) => m.deputyOf)).toBe(true);
    const meetings = (await get('/meetings')).items;
    expect(meetings.map((m: { status: string }) => m.status).sort()).toEqual([
      'invited',
      'minutes_approved',
      'minutes_drafted',
      'minutes_drafted',
    ]);
    const decisions = (await get('/decisions')).items;
    // The winter retreat's goal and work-plan decision per joint field, then spring (2) and autumn (3).
    const joint = (await get('/fields?on=2026-02-05')).filter((f: { joint: boolean }) => f.joint).length;
    expect(decisions.map((d: { number: string }) => d.number).sort()).toEqual(
      Array.from({ length: 2 * (joint - 1) + 5 }, (_, i) => `LK-2026-${String(i + 1).padStart(2, '0')}`),
    );
    expect(new Set(decisions.map((d: { type: string }) => d.type))).toEqual(
      new Set(['goal', 'work_plan', 'procedural', 'work_order', 'recommendation']),
    );
    expect(decisions.some((d: { type: string; rounds: number }) => d.type === 'goal' && d.rounds === 2)).toBe(
      true,
    );
    const approval = decisions.find((d: { type: string }) => d.type === 'procedural');
    const spring = meetings.find((m: { status: string }) => m.status === 'minutes_approved');
    const minutes = await get(`/meetings/${spring.id}/minutes`);
    expect(minutes[0]).toMatchObject({ status: 'approved', approvedBy: approval.number });

    const guest = await signIn(ctx.app, DEMO_ACCOUNTS[3]!.email, DEMO_PASSWORD);
    const upcoming = meetings.find((m: { status: string }) => m.status === 'invited');
    const seen = await get(`/meetings/${upcoming.id}`, guest);
    expect(seen.items.map((i: { title: string }) => i.title)).toEqual(['Arbeitsauftrag KAoA: Praxisphasen']);

    // The member's meeting page of the coming meeting: a decision item with its proposal and a real PDF.
    const page = await get(`/meetings/${upcoming.id}/preparation`);
    expect(page.viewer).toMatchObject({ name: 'Beispiel Kreisdirektorin', invited: true });
    const top3 = page.items[2];
    expect(top3).toMatchObject({ kind: 'decision', plannedStart: expect.any(String) });
    expect(top3.proposal).toContain('Portal für Praktikumsplätze');
    expect(top3.papers[0]).toMatchObject({
      title: 'Konzept Praxisphasen-Portal',
      mimeType: 'application/pdf',
    });
    const pdf = await ctx.as(cookie, { method: 'GET', url: top3.papers[0].url });
    expect(pdf.headers['content-disposition']).toMatch(/^inline;/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The demo's open question is asked only while the meeting is ahead (its dates are fixed).
    expect(top3.questions.map((q: { text: string }) => q.text)).toEqual(
      new Date(upcoming.startsAt) > new Date()
        ? ['Wie viele Praktikumsplätze stellt die IHK im ersten Jahr bereit?']
        : [],
    );
  });
});
