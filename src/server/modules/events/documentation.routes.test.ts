import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { multipart, tinyPng } from '../../../../tests/helpers/multipart.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import { workOrderNetwork } from '../../../../tests/helpers/work.js';
import * as t from '../../db/schema.js';

let clock = new Date('2027-03-01T09:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => clock });
});
afterAll(() => ctx.close());

type Who = 'admin' | 'office' | 'committee' | 'guest' | 'partner';
const call = (
  net: TestNetwork,
  who: Who,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => ctx.as(net.users[who].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

/** A network with a field of action, last year's conference (public, held) with a workshop and a plenary. */
async function conference(opts: { meeting?: boolean; public?: boolean } = {}) {
  clock = new Date('2027-03-01T09:00:00Z');
  const { net, db, fieldId } = await workOrderNetwork(ctx);
  const [ev] = await db
    .insert(t.event)
    .values({
      networkId: net.id,
      type: 'conference',
      title: 'Bildungskonferenz 2026',
      startsAt: new Date('2026-06-18T07:00:00Z'),
      endsAt: new Date('2026-06-18T14:00:00Z'),
      venue: 'Kreishaus Meschede',
      public: opts.public ?? true,
      status: 'held',
    })
    .returning();
  const sessions = await db
    .insert(t.eventSession)
    .values([
      {
        networkId: net.id,
        eventId: ev!.id,
        kind: 'plenary' as const,
        title: 'Eröffnung und Impulsvortrag',
        startsAt: new Date('2026-06-18T07:00:00Z'),
        endsAt: new Date('2026-06-18T08:00:00Z'),
      },
      {
        networkId: net.id,
        eventId: ev!.id,
        kind: 'workshop' as const,
        title: 'Workshop Übergang Schule–Beruf',
        startsAt: new Date('2026-06-18T08:30:00Z'),
        endsAt: new Date('2026-06-18T10:00:00Z'),
      },
    ])
    .returning();
  let meetingId: string | null = null;
  if (opts.meeting ?? true) {
    const m = await call(net, 'office', 'POST', '/meetings', {
      title: 'Frühjahrssitzung 2027',
      startsAt: '2027-03-12T14:00',
      endsAt: '2027-03-12T16:30',
      location: 'Kreishaus Meschede',
    });
    expect(m.statusCode, m.body).toBe(201);
    meetingId = m.json().id;
  }
  const base = `/events/${ev!.id}`;
  return { net, db, fieldId, event: ev!, sessions, meetingId, base };
}

async function agreed(net: TestNetwork, base: string, fieldId: string, title: string) {
  const c = await call(net, 'committee', 'POST', `${base}/recommendations`, {
    title,
    text: `Der Lenkungskreis möge beschließen: ${title}.`,
    fieldId,
  });
  expect(c.statusCode, c.body).toBe(201);
  const a = await call(net, 'committee', 'POST', `${base}/recommendations/${c.json().id}/agree`, {
    version: 1,
  });
  expect(a.statusCode, a.body).toBe(200);
  return a.json() as { id: string; version: number; status: string };
}

describe('documentation per role', () => {
  it('members who see the event read it; the office documents; the committee may not document', async () => {
    const { net, base, event } = await conference();
    for (const who of ['admin', 'office', 'committee', 'partner'] as const) {
      expect((await call(net, who, 'GET', `${base}/documentation`)).statusCode, who).toBe(200);
    }
    expect((await call(net, 'guest', 'GET', `${base}/documentation`)).statusCode).toBe(403);
    const other = await createNetworkWithMembers(ctx);
    expect(
      (
        await ctx.as(other.users.admin.cookie, {
          method: 'GET',
          url: `/api/networks/${other.id}${base}/documentation`,
        })
      ).statusCode,
    ).toBe(404);
    const body = { documentation: 'Rund 110 Teilnehmende.', version: event.version };
    for (const who of ['committee', 'partner', 'guest'] as const)
      expect((await call(net, who, 'PUT', `${base}/documentation`, body)).statusCode, who).toBe(403);
    const ok = await call(net, 'office', 'PUT', `${base}/documentation`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().event.documentation).toBe('Rund 110 Teilnehmende.');
    const audit = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(eq(t.auditEvent.entityId, event.id));
    expect(audit.some((a) => a.summary.includes('Dokumentation'))).toBe(true);
  });

  it('partners do not see an internal event; bad input writes nothing', async () => {
    const { net, base } = await conference({ public: false });
    expect((await call(net, 'partner', 'GET', `${base}/documentation`)).statusCode).toBe(404);
    expect((await call(net, 'committee', 'GET', `${base}/documentation`)).statusCode).toBe(200);
    const bad = await call(net, 'office', 'PUT', `${base}/documentation`, { documentation: 'x' });
    expect(bad.statusCode).toBe(400);
    expect((await call(net, 'office', 'POST', `${base}/documentation/publish`)).statusCode).toBe(409);
  });

  it('a stale save of the summary or of a session is refused with 409', async () => {
    const { net, base, sessions } = await conference();
    const w = sessions[1]!;
    const first = await call(net, 'office', 'PUT', `${base}/sessions/${w.id}/documentation`, {
      documentation: 'Ergebnis A',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await call(net, 'office', 'PUT', `${base}/sessions/${w.id}/documentation`, {
      documentation: 'Ergebnis B',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('wurde inzwischen von');
    expect(
      (await call(net, 'office', 'PUT', `${base}/documentation`, { documentation: 'a', version: 1 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call(net, 'office', 'PUT', `${base}/documentation`, { documentation: 'b', version: 1 }))
        .statusCode,
    ).toBe(409);
  });
});

describe('recommendations', () => {
  it('the committee writes, edits and agrees; partners and guests may not; a stale edit is 409', async () => {
    const { net, base, fieldId, sessions } = await conference();
    for (const who of ['partner', 'guest'] as const)
      expect(
        (await call(net, who, 'POST', `${base}/recommendations`, { title: 'Mehr Praxis' })).statusCode,
      ).toBe(403);
    const c = await call(net, 'committee', 'POST', `${base}/recommendations`, {
      title: 'Mehr Praxisphasen',
      sessionId: sessions[1]!.id,
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({
      status: 'draft',
      sessionTitle: 'Workshop Übergang Schule–Beruf',
      version: 1,
    });
    const id = c.json().id;
    const e = await call(net, 'committee', 'PATCH', `${base}/recommendations/${id}`, {
      text: 'Praxisphasen in allen Schulformen ab Klasse 8.',
      fieldId,
      version: 1,
    });
    expect(e.statusCode, e.body).toBe(200);
    const stale = await call(net, 'office', 'PATCH', `${base}/recommendations/${id}`, {
      title: 'Anders',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call(net, 'office', 'PATCH', `${base}/recommendations/${id}`, { title: 'x', version: 2 }))
        .statusCode,
    ).toBe(400);
    const a = await call(net, 'committee', 'POST', `${base}/recommendations/${id}/agree`, { version: 2 });
    expect(a.json()).toMatchObject({ status: 'agreed', version: 3 });
    expect(
      (await call(net, 'office', 'POST', `${base}/recommendations/${id}/agree`, { version: 3 })).statusCode,
    ).toBe(409);
    // An edit of an agreed recommendation needs agreeing again.
    const back = await call(net, 'office', 'PATCH', `${base}/recommendations/${id}`, {
      title: 'Mehr Praxisphasen!',
      version: 3,
    });
    expect(back.json().status).toBe('draft');
    const w = await call(net, 'office', 'POST', `${base}/recommendations/${id}/withdraw`, { version: 4 });
    expect(w.json().status).toBe('withdrawn');
    const list = await call(net, 'partner', 'GET', `${base}/recommendations`);
    expect(list.json()).toHaveLength(1);
  });

  it('hands two agreed recommendations to the next planned meeting as decision items, traced', async () => {
    const { net, base, fieldId, meetingId, event } = await conference();
    // A later planned meeting: "next" is the earlier one.
    await call(net, 'office', 'POST', '/meetings', {
      title: 'Herbstsitzung 2027',
      startsAt: '2027-09-20T14:00',
      endsAt: '2027-09-20T16:00',
      location: 'Kreishaus',
    });
    const r1 = await agreed(net, base, fieldId, 'Praxisphasen ausbauen');
    const r2 = await agreed(net, base, fieldId, 'Elternarbeit stärken');
    const draft = await call(net, 'office', 'POST', `${base}/recommendations`, {
      title: 'Noch offen',
      fieldId,
    });
    expect(
      (await call(net, 'committee', 'POST', `${base}/recommendations/hand`, { ids: [r1.id, r2.id] }))
        .statusCode,
    ).toBe(403);
    const notAgreed = await call(net, 'office', 'POST', `${base}/recommendations/hand`, {
      ids: [r1.id, draft.json().id],
    });
    expect(notAgreed.statusCode).toBe(409);
    const h = await call(net, 'office', 'POST', `${base}/recommendations/hand`, { ids: [r1.id, r2.id] });
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().meeting.id).toBe(meetingId);
    expect(h.json().recommendations.map((r: { status: string }) => r.status)).toEqual(['handed', 'handed']);
    const m = (await call(net, 'office', 'GET', `/meetings/${meetingId}`)).json();
    const items = m.items.filter((i: { title: string }) => i.title.startsWith('Empfehlung der'));
    expect(items.map((i: { title: string }) => i.title)).toEqual([
      'Empfehlung der Bildungskonferenz 2026: Praxisphasen ausbauen',
      'Empfehlung der Bildungskonferenz 2026: Elternarbeit stärken',
    ]);
    expect(items[0]).toMatchObject({
      kind: 'decision',
      decisionType: 'recommendation',
      proposal: 'Der Lenkungskreis möge beschließen: Praxisphasen ausbauen.',
    });
    expect(h.json().recommendations[0]).toMatchObject({
      agendaItemId: items[0].id,
      meetingTitle: 'Frühjahrssitzung 2027',
    });
    // Handed twice: refused, nothing added.
    expect(
      (await call(net, 'office', 'POST', `${base}/recommendations/hand`, { ids: [r1.id] })).statusCode,
    ).toBe(409);
    const trace = await call(net, 'committee', 'GET', `/trace/recommendation/${r1.id}`);
    expect(trace.statusCode, trace.body).toBe(200);
    const tv = trace.json();
    expect(tv.upstream.map((n: { kind: string; id: string }) => [n.kind, n.id])).toContainEqual([
      'event',
      event.id,
    ]);
    expect(tv.downstream.map((n: { kind: string; id: string }) => [n.kind, n.id])).toContainEqual([
      'agenda_item',
      items[0].id,
    ]);
    expect(tv.edges.map((e: { relation: string }) => e.relation).sort()).toEqual([
      'proposed_as',
      'recommends',
    ]);
    const fromEvent = (await call(net, 'office', 'GET', `/trace/event/${event.id}`)).json();
    expect(fromEvent.downstream.filter((n: { kind: string }) => n.kind === 'agenda_item')).toHaveLength(2);
  });

  it('hands to a chosen meeting; without a planned meeting it is 409 and nothing changes', async () => {
    const { net, base, fieldId } = await conference({ meeting: false });
    const r = await agreed(net, base, fieldId, 'Praxisphasen ausbauen');
    const none = await call(net, 'office', 'POST', `${base}/recommendations/hand`, { ids: [r.id] });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toContain('Es ist keine Sitzung des Lenkungskreises geplant');
    expect((await call(net, 'office', 'GET', `${base}/recommendations`)).json()[0].status).toBe('agreed');
    const m = await call(net, 'office', 'POST', '/meetings', {
      title: 'Sondersitzung',
      startsAt: '2027-04-02T10:00',
      endsAt: '2027-04-02T12:00',
      location: 'Kreishaus',
    });
    const h = await call(net, 'office', 'POST', `${base}/recommendations/hand`, {
      ids: [r.id],
      meetingId: m.json().id,
    });
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().meeting.title).toBe('Sondersitzung');
  });
});

describe("an earlier hand-over recorded (the demo's use case)", () => {
  it('links agreed recommendations to an existing decision item with trace links; a draft is 409, another item 404', async () => {
    const { net, base, fieldId, meetingId, event } = await conference();
    const add = (title: string, kind: 'decision' | 'information') =>
      call(net, 'office', 'POST', `/meetings/${meetingId}/items`, {
        title,
        kind,
        decisionType: kind === 'decision' ? 'work_order' : null,
        fieldId: kind === 'decision' ? fieldId : null,
        proposal: kind === 'decision' ? 'Das Bildungsbüro richtet einen Fachtag aus.' : '',
        presenter: '',
        public: false,
        durationMinutes: 15,
      });
    const item = await add('Arbeitsauftrag: Fachtag', 'decision');
    expect(item.statusCode, item.body).toBe(201);
    const info = await add('Bericht', 'information');
    expect(info.statusCode, info.body).toBe(201);
    const itemId = (await call(net, 'office', 'GET', `/meetings/${meetingId}`))
      .json()
      .items.find((i: { title: string }) => i.title === 'Arbeitsauftrag: Fachtag').id;
    const infoId = (await call(net, 'office', 'GET', `/meetings/${meetingId}`))
      .json()
      .items.find((i: { title: string }) => i.title === 'Bericht').id;
    const r = await agreed(net, base, fieldId, 'Fachtag ausrichten');
    const draft = (
      await call(net, 'office', 'POST', `${base}/recommendations`, { title: 'Noch offen', fieldId })
    ).json();
    const actor = {
      userId: net.users.office.id,
      name: 'Büro',
      email: net.users.office.email,
      networkId: net.id,
      role: 'office' as const,
      requestId: 'test',
      twoFactorEnabled: false,
    };
    const { recordHandOver } = await import('./recommendations.service.js');
    await expect(
      recordHandOver(ctx.app.deps, actor, event.id, [{ id: draft.id, agendaItemId: itemId }]),
    ).rejects.toMatchObject({ code: 'events.recommendation_not_agreed' });
    await expect(
      recordHandOver(ctx.app.deps, actor, event.id, [{ id: r.id, agendaItemId: infoId }]),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await expect(
      recordHandOver(ctx.app.deps, { ...actor, role: 'committee' }, event.id, [
        { id: r.id, agendaItemId: itemId },
      ]),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    const [done] = await recordHandOver(ctx.app.deps, actor, event.id, [{ id: r.id, agendaItemId: itemId }]);
    expect(done).toMatchObject({ status: 'handed', agendaItemId: itemId, meetingId });
    // No item was added to the meeting.
    const items = (await call(net, 'office', 'GET', `/meetings/${meetingId}`)).json().items;
    expect(items).toHaveLength(2);
    const tv = (await call(net, 'committee', 'GET', `/trace/recommendation/${r.id}`)).json();
    expect(tv.upstream.map((n: { kind: string }) => n.kind)).toEqual(['event']);
    expect(tv.downstream.map((n: { kind: string; id: string }) => [n.kind, n.id])).toEqual([
      ['agenda_item', itemId],
    ]);
  });
});

describe('public documentation and PDF', () => {
  it('shows only published documentation and only photos with consent', async () => {
    const { net, db, base, sessions, event } = await conference();
    await db
      .update(t.network)
      .set({ slug: `hsk-${event.id.slice(0, 8)}` })
      .where(eq(t.network.id, net.id));
    await db.insert(t.publicSite).values({ networkId: net.id, published: true });
    const slug = `hsk-${event.id.slice(0, 8)}`;
    const pub = (url: string) =>
      ctx.as(null, { method: 'GET', url: `/api/public/networks/${slug}/events/${event.id}${url}` });
    expect((await pub('/documentation')).statusCode).toBe(404);
    const upload = async (fields: Record<string, string>, name: string) => {
      const { payload, headers } = multipart(fields, { name, content: tinyPng, type: 'image/png' });
      const r = await ctx.as(net.users.office.cookie, {
        method: 'POST',
        url: `/api/networks/${net.id}${base}/documentation/files`,
        payload,
        headers,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json();
    };
    const withConsent = await upload(
      { kind: 'photo', sessionId: sessions[1]!.id, caption: 'Gruppenarbeit', photoConsent: 'true' },
      'gruppe.png',
    );
    expect(withConsent.photoConsent).toBe(true);
    const without = await upload({ kind: 'photo', caption: 'Publikum' }, 'publikum.png');
    expect(without.photoConsent).toBe(false);
    const committee = await ctx.as(net.users.committee.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}${base}/documentation/files`,
      ...multipart({ kind: 'file' }, { name: 'a.png', content: tinyPng }),
    });
    expect(committee.statusCode).toBe(403);
    const p = await call(net, 'office', 'POST', `${base}/documentation/publish`);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().event.status).toBe('documented');
    const doc = await pub('/documentation');
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.json().files.map((f: { name: string }) => f.name)).toEqual(['gruppe.png']);
    expect((await ctx.as(null, { method: 'GET', url: doc.json().files[0].url })).statusCode).toBe(200);
    expect((await pub(`/documentation/files/${without.id}`)).statusCode).toBe(404);
    // The office confirms the consent: now it is shown.
    const c = await call(net, 'office', 'PATCH', `${base}/documentation/files/${without.id}`, {
      photoConsent: true,
    });
    expect(c.json().photoConsent).toBe(true);
    expect((await pub('/documentation')).json().files).toHaveLength(2);
    expect((await pub(`/documentation/files/${without.id}`)).statusCode).toBe(200);
    await call(net, 'office', 'POST', `${base}/documentation/unpublish`);
    expect((await pub('/documentation')).statusCode).toBe(404);
  });

  it('the PDF carries the event, each session and the recommendations, tagged', async () => {
    const { net, base, sessions, fieldId } = await conference();
    await call(net, 'office', 'PUT', `${base}/sessions/${sessions[1]!.id}/documentation`, {
      documentation: 'Drei Vorschläge für Praxistage.',
      version: 1,
    });
    await agreed(net, base, fieldId, 'Praxisphasen ausbauen');
    const r = await call(net, 'committee', 'GET', `${base}/documentation.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(r.rawPayload);
    expect(pdf.tagged).toBe(true);
    for (const s of [
      'Bildungskonferenz 2026',
      'Eröffnung und Impulsvortrag',
      'Workshop Übergang Schule–Beruf',
      'Drei Vorschläge für Praxistage.',
      'Praxisphasen ausbauen',
    ])
      expect(pdf.text.replace(/\s+/g, ' ')).toContain(s);
  });
});
