import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import * as t from '../db/schema.js';
import { demoPhoto, seedEventsDocumentationDemo } from './events-documentation-demo.js';
import { seedEventsPlanningDemo } from './events-planning-demo.js';
import { seedEventsProgrammeDemo } from './events-programme-demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';
import { seedWorkOrdersDemo } from './work-orders-demo.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(() => ctx.close());

type Node = { kind: string; label: string; date: string | null };

describe('HSK demo: the documentation of the Bildungskonferenz 2026', () => {
  it('documents every session, files and a consented photo, publishes, and traces two recommendations to the autumn decisions; loads once', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    await seedSteeringDemo(ctx.app.deps, networkId);
    await seedWorkOrdersDemo(ctx.app.deps, networkId);
    await seedEventsPlanningDemo(ctx.app.deps, networkId);
    await seedEventsProgrammeDemo(ctx.app.deps, networkId);
    await seedEventsDocumentationDemo(ctx.app.deps, networkId);

    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[1]!.email, DEMO_PASSWORD);
    const get = async (url: string) =>
      (await ctx.as(cookie, { method: 'GET', url: `/api/networks/${networkId}${url}` })).json();
    const events = await get('/events');
    const id = (title: string) => events.find((e: { title: string }) => e.title === title).id;
    const doc = await get(`/events/${id('Bildungskonferenz 2026')}/documentation`);

    expect(doc.event.status).toBe('documented');
    expect(doc.event.documentationPublishedAt).toMatch(/^2026-06-26/);
    expect(doc.event.documentation).toContain('Übergänge gestalten');
    const sessions = doc.sessions.filter((s: { kind: string }) => s.kind !== 'break');
    expect(sessions.length).toBeGreaterThanOrEqual(8);
    for (const s of sessions) expect(s.documentation.length).toBeGreaterThan(100);
    expect(
      doc.files.map((f: { kind: string; mimeType: string; photoConsent: boolean }) => [
        f.kind,
        f.mimeType,
        f.photoConsent,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['file', 'application/pdf', false],
        ['file', 'application/pdf', false],
        ['photo', 'image/png', true],
      ]),
    );
    expect(doc.files).toHaveLength(3);
    expect(
      doc.recommendations.map((r: { title: string; status: string; meetingTitle: string | null }) => [
        r.title,
        r.status,
        r.meetingTitle,
      ]),
    ).toEqual([
      ['Fachtag Übergang Kita – Grundschule ausrichten', 'handed', 'Lenkungskreis Herbst 2026'],
      ['MINT-Netzwerk der Schulen mit dem zdi-Zentrum aufbauen', 'handed', 'Lenkungskreis Herbst 2026'],
      ['Kooperationsbörse für den Ganztag', 'draft', null],
    ]);
    expect((await get(`/events/${id('Bildungskonferenz 2027')}/documentation`)).recommendations).toEqual([]);

    // The public page shows the summary, the sessions' results and the consented photo.
    const pub = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/networks/hochsauerlandkreis/events/${id('Bildungskonferenz 2026')}/documentation`,
    });
    expect(pub.statusCode).toBe(200);
    expect(
      pub
        .json()
        .files.map((f: { kind: string }) => f.kind)
        .sort(),
    ).toEqual(['file', 'file', 'photo']);
    const photo = await ctx.app.inject({
      method: 'GET',
      url: pub.json().files.find((f: { kind: string }) => f.kind === 'photo').url,
    });
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.subarray(0, 8)).toEqual(demoPhoto().subarray(0, 8));

    // The work programme's trace of the autumn decision on the Fachtag: conference → recommendation →
    // agenda item → decision → work orders.
    const decisions = (await get('/decisions?limit=100')).items;
    const fachtag = decisions.find((d: { title: string }) => d.title.includes('Fachtag Übergang Kita'));
    const trace = await get(`/trace/decision/${fachtag.id}`);
    expect(trace.upstream.map((n: Node) => n.kind)).toEqual(['event', 'recommendation', 'agenda_item']);
    expect(trace.upstream[0].label).toBe('Bildungskonferenz 2026');
    expect(trace.upstream[1].label).toContain('Fachtag Übergang Kita – Grundschule ausrichten');
    expect(trace.downstream.map((n: Node) => n.kind)).toContain('work_order');
    const dates = [...trace.upstream, trace.focus].map((n: Node) => n.date);
    expect(dates).toEqual([...dates].sort());
    // … and of the recommendation decision on the MINT network.
    const mint = decisions.find((d: { title: string }) => d.title.includes('MINT-Netzwerk'));
    const mintTrace = await get(`/trace/decision/${mint.id}`);
    expect(mintTrace.upstream.map((n: Node) => n.kind)).toEqual(['event', 'recommendation', 'agenda_item']);

    // Loading twice adds nothing.
    const count = async () => ({
      recs: (await ctx.database.db.select().from(t.recommendation)).length,
      files: (await ctx.database.db.select().from(t.eventDocumentFile)).length,
      links: (await ctx.database.db.select().from(t.traceLink).where(eq(t.traceLink.networkId, networkId)))
        .length,
      meetings: (await ctx.database.db.select().from(t.meeting)).length,
    });
    const before = await count();
    await seedEventsDocumentationDemo(ctx.app.deps, networkId);
    expect(await count()).toEqual(before);
    expect(await get(`/events/${id('Bildungskonferenz 2026')}/documentation`)).toEqual(doc);
  });
});
