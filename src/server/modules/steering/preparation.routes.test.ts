import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { multipart, tinyPdf } from '../../../../tests/helpers/multipart.js';
import * as t from '../../db/schema.js';
import { renderPersonalLinks } from '../links/links.service.js';

let clock = new Date('2027-03-01T09:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => clock });
});
afterAll(() => ctx.close());

type Who = 'admin' | 'office' | 'committee' | 'guest' | 'partner';
const call = (net: TestNetwork, who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(net.users[who].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });
const pub = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(null, { method, url: `/api${url}`, payload });

async function tokenFor(net: TestNetwork, to: string) {
  const [mail] = (
    await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, net.id))
  ).filter((m) => m.toAddress === to);
  const delivered = await renderPersonalLinks(ctx.database.db, BASE_URL, mail!.textBody);
  return delivered.match(/\/antwort\/([A-Za-z0-9_-]{20,})/)![1]!;
}

/** The spring meeting of journey 3: three items with durations, papers on TOP 2 and 3, a guest on TOP 3. */
async function springMeeting() {
  clock = new Date('2027-03-01T09:00:00Z');
  const net = await createNetworkWithMembers(ctx);
  for (const [name, side, email] of [
    ['Dr. Ute Land', 'land', net.users.committee.email],
    ['Karl Kreis', 'municipality', 'kreis@u.example'],
  ] as const) {
    const r = await call(net, 'office', 'POST', '/committee', {
      name,
      side,
      voting: true,
      termFrom: '2020-01-01',
      email,
    });
    expect(r.statusCode).toBe(201);
  }
  const mtg = (
    await call(net, 'office', 'POST', '/meetings', {
      title: 'Frühjahrssitzung',
      startsAt: '2027-03-12T14:00',
      endsAt: '2027-03-12T16:30',
      location: 'Kreishaus Meschede, Raum 2',
    })
  ).json();
  const items: string[] = [];
  for (const item of [
    { title: 'Genehmigung der Niederschrift', kind: 'information', durationMinutes: 15 },
    { title: 'Bericht des Bildungsbüros', kind: 'information', durationMinutes: 30 },
    {
      title: 'Arbeitsauftrag KAoA',
      kind: 'decision',
      decisionType: 'procedural',
      proposal: 'Der Lenkungskreis beauftragt das Bildungsbüro mit dem Praxisphasen-Portal.',
      durationMinutes: 45,
    },
  ]) {
    const r = await call(net, 'office', 'POST', `/meetings/${mtg.id}/items`, item);
    expect(r.statusCode, r.body).toBeLessThan(300);
    items.push(r.json().items.at(-1).id);
  }
  for (const [i, name] of [
    [1, 'Sachstandsbericht.pdf'],
    [2, 'Konzept Praxisphasen – Übergänge.pdf'],
  ] as const) {
    const body = multipart({ title: name.replace('.pdf', '') }, { name, content: tinyPdf(name) });
    const up = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/meetings/${mtg.id}/items/${items[i]}/papers`,
      payload: body.payload,
      headers: body.headers,
    });
    expect(up.statusCode, up.body).toBeLessThan(300);
  }
  const g = await call(net, 'office', 'POST', `/meetings/${mtg.id}/guests`, {
    name: 'Frank Lorenz',
    email: net.users.guest.email,
    topic: 'Agentur für Arbeit',
    itemId: items[2],
  });
  expect(g.statusCode, g.body).toBeLessThan(300);
  expect((await call(net, 'office', 'POST', `/meetings/${mtg.id}/invitations`)).statusCode).toBe(200);
  return {
    net,
    meetingId: mtg.id as string,
    items,
    land: await tokenFor(net, net.users.committee.email),
    kreis: await tokenFor(net, 'kreis@u.example'),
    guest: await tokenFor(net, net.users.guest.email),
  };
}

describe('the member’s meeting page through the invitation link', () => {
  it('shows network, agenda with planned times, proposal and papers; reads a PDF inline and all papers as one ZIP', async () => {
    const s = await springMeeting();
    const page = await pub('GET', `/meeting-pages/${s.land}`);
    expect(page.statusCode, page.body).toBe(200);
    const p = page.json();
    expect(p.networkName).toBe(s.net.name);
    expect(p.title).toBe('Frühjahrssitzung');
    expect(p.location).toBe('Kreishaus Meschede, Raum 2');
    expect(p.viewer).toMatchObject({ name: 'Dr. Ute Land', isGuest: false, invited: true, reply: null });
    expect(p.items.map((i: { number: number; plannedStart: string }) => [i.number, i.plannedStart])).toEqual([
      [1, '2027-03-12T13:00:00.000Z'],
      [2, '2027-03-12T13:15:00.000Z'],
      [3, '2027-03-12T13:45:00.000Z'],
    ]);
    expect(p.items[2].proposal).toContain('Praxisphasen-Portal');
    const paper = p.items[2].papers[0];
    expect(paper.fileName).toBe('Konzept Praxisphasen – Übergänge.pdf');

    const inline = await pub('GET', paper.url.replace(/^\/api/, ''));
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(inline.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const all = await pub('GET', p.allPapersUrl.replace(/^\/api/, ''));
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toBe('application/zip');
    expect(all.headers['content-disposition']).toMatch(/^attachment; .*Unterlagen/);
    const zip = await JSZip.loadAsync(all.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['TOP 2 – Sachstandsbericht.pdf', 'TOP 3 – Konzept Praxisphasen – Übergänge.pdf']);
    expect((await zip.file(names[1]!)!.async('nodebuffer')).toString('latin1')).toContain(
      'Konzept Praxisphasen',
    );

    const ics = await pub('GET', p.calendarUrl.replace(/^\/api/, ''));
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('SUMMARY:Frühjahrssitzung');
  });

  it('keeps notes private, shares questions with office and members, and the office answers', async () => {
    const s = await springMeeting();
    const item3 = s.items[2]!;
    const note = await pub('PUT', `/meeting-pages/${s.land}/items/${item3}/note`, {
      text: 'Frage zu Praktikumsplätzen',
    });
    expect(note.statusCode, note.body).toBe(200);
    expect(note.json().items[2].note).toBe('Frage zu Praktikumsplätzen');
    const other = (await pub('GET', `/meeting-pages/${s.kreis}`)).json();
    expect(other.items[2].note).toBe('');
    const audit = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(eq(t.auditEvent.networkId, s.net.id));
    expect(JSON.stringify(audit)).not.toContain('Praktikumsplätzen');

    // Bad input: 400 with a German sentence, nothing written.
    const bad = await pub('POST', `/meeting-pages/${s.land}/items/${item3}/questions`, { text: ' x ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Rückfrage: bitte mindestens 3 Zeichen');
    expect(
      await ctx.database.db.select().from(t.itemQuestion).where(eq(t.itemQuestion.meetingId, s.meetingId)),
    ).toEqual([]);

    const asked = await pub('POST', `/meeting-pages/${s.land}/items/${item3}/questions`, {
      text: 'Wie viele Praktikumsplätze sind geplant?',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().items[2].questions[0]).toMatchObject({
      askedByName: 'Dr. Ute Land',
      mine: true,
      answer: null,
    });
    expect((await pub('GET', `/meeting-pages/${s.kreis}`)).json().items[2].questions[0]).toMatchObject({
      text: 'Wie viele Praktikumsplätze sind geplant?',
      mine: false,
    });

    // A guest invited to TOP 3 does not read the members' questions.
    expect((await pub('GET', `/meeting-pages/${s.guest}`)).json().items[0].questions).toEqual([]);

    const open = await call(s.net, 'office', 'GET', '/open-questions');
    expect(open.statusCode).toBe(200);
    expect(open.json()).toHaveLength(1);
    expect(open.json()[0]).toMatchObject({
      itemNumber: 3,
      itemTitle: 'Arbeitsauftrag KAoA',
      meetingTitle: 'Frühjahrssitzung',
    });
    const qid = open.json()[0].id;
    const url = `/meetings/${s.meetingId}/questions/${qid}/answer`;
    expect((await call(s.net, 'committee', 'PUT', url, { answer: 'Zwanzig.' })).statusCode).toBe(403);
    expect((await call(s.net, 'office', 'PUT', url, { answer: '' })).statusCode).toBe(400);
    const answered = await call(s.net, 'office', 'PUT', url, { answer: 'Zwanzig Plätze im ersten Jahr.' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await call(s.net, 'office', 'GET', '/open-questions')).json()).toEqual([]);
    const seen = (await pub('GET', `/meeting-pages/${s.kreis}`)).json().items[2].questions[0];
    expect(seen).toMatchObject({ answer: 'Zwanzig Plätze im ersten Jahr.', answeredByName: 'Test office' });
    const entries = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(and(eq(t.auditEvent.networkId, s.net.id), eq(t.auditEvent.entityType, 'item_question')));
    expect(entries.map((e) => e.summary).sort()).toEqual([
      'Rückfrage von Dr. Ute Land beantwortet',
      'Rückfrage von Dr. Ute Land zu TOP 3 „Arbeitsauftrag KAoA“ (Frühjahrssitzung)',
    ]);
  });

  it('shows a guest only his item; another item’s paper is not found; he gets a calendar subscription', async () => {
    const s = await springMeeting();
    const p = (await pub('GET', `/meeting-pages/${s.guest}`)).json();
    expect(p.viewer.isGuest).toBe(true);
    expect(p.items.map((i: { number: number }) => i.number)).toEqual([3]);
    const land = (await pub('GET', `/meeting-pages/${s.land}`)).json();
    const otherPaper = land.items[1].papers[0];
    const tryIt = await pub('GET', `/meeting-pages/${s.guest}/papers/${otherPaper.id}/versions/1`);
    expect(tryIt.statusCode).toBe(404);
    expect(
      (await pub('PUT', `/meeting-pages/${s.guest}/items/${s.items[1]}/note`, { text: 'x' })).statusCode,
    ).toBe(404);
    const zip = await JSZip.loadAsync((await pub('GET', `/meeting-pages/${s.guest}/papers.zip`)).rawPayload);
    expect(Object.keys(zip.files)).toEqual(['TOP 3 – Konzept Praxisphasen – Übergänge.pdf']);

    const sub = await pub('POST', `/meeting-pages/${s.guest}/calendar-subscription`);
    expect(sub.statusCode, sub.body).toBe(200);
    const feedPath = sub.json().url.replace(BASE_URL, '');
    const feed = await ctx.as(null, { method: 'GET', url: feedPath });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('SUMMARY:Frühjahrssitzung');
    // A second subscription replaces the first.
    await pub('POST', `/meeting-pages/${s.guest}/calendar-subscription`);
    expect((await ctx.as(null, { method: 'GET', url: feedPath })).statusCode).toBe(410);
  });

  it('answers 404 for an unknown link and 410 once the meeting is over', async () => {
    const s = await springMeeting();
    expect((await pub('GET', `/meeting-pages/${'x'.repeat(40)}`)).statusCode).toBe(404);
    clock = new Date('2027-03-12T16:00:00Z');
    const gone = await pub('GET', `/meeting-pages/${s.land}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.code).toBe('links.meeting_over');
    expect((await pub('GET', `/meeting-pages/${s.land}/papers.zip`)).statusCode).toBe(410);
  });
});

describe('the member’s meeting page signed in', () => {
  it('serves each role as it may: members and office read, guests their items, partners nothing, outsiders 404', async () => {
    const s = await springMeeting();
    const url = `/meetings/${s.meetingId}/preparation`;
    const member = await call(s.net, 'committee', 'GET', url);
    expect(member.statusCode).toBe(200);
    expect(member.json().viewer).toMatchObject({ name: 'Dr. Ute Land', invited: true });
    expect(member.json().items).toHaveLength(3);
    expect((await call(s.net, 'office', 'GET', url)).json().viewer.invited).toBe(false);
    expect((await call(s.net, 'guest', 'GET', url)).json().items).toHaveLength(1);
    expect((await call(s.net, 'partner', 'GET', url)).statusCode).toBe(403);
    expect((await call(s.net, 'partner', 'GET', `${url}/papers.zip`)).statusCode).toBe(403);
    const outsider = await createNetworkWithMembers(ctx);
    const foreign = await ctx.as(outsider.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${s.net.id}${url}`,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await call(outsider, 'office', 'GET', url)).statusCode).toBe(404);
    expect((await call(s.net, 'guest', 'GET', `/meetings/${s.meetingId}/questions`)).statusCode).toBe(403);
    expect((await call(s.net, 'guest', 'GET', '/open-questions')).statusCode).toBe(403);

    // The member answers signed in; the office sees the reply.
    const reply = await call(s.net, 'committee', 'POST', `${url}/reply`, { reply: 'attending' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().viewer.reply).toBe('attending');
    expect((await call(s.net, 'committee', 'POST', `${url}/reply`, { reply: 'vielleicht' })).statusCode).toBe(
      400,
    );
    const office = (await call(s.net, 'office', 'POST', `${url}/reply`, { reply: 'attending' })).json();
    expect(office.error.code).toBe('steering.not_invited');

    const note = await call(s.net, 'committee', 'PUT', `${url}/items/${s.items[2]}/note`, { text: 'Notiz' });
    expect(note.json().items[2].note).toBe('Notiz');
    // The same note is there through the personal link: one invitation, one note.
    expect((await pub('GET', `/meeting-pages/${s.land}`)).json().items[2].note).toBe('Notiz');
  });
});
