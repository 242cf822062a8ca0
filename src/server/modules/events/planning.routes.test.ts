import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  networkCaller,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';
import { insertDecision } from '../steering/steering.service.js';

let ctx: TestApp;
// "Today" is 10 January 2027: the 2027 conference lies ahead.
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2027-01-10T10:00:00Z') });
});
afterAll(() => ctx.close());

const call = networkCaller(() => ctx, '/events');

const conference = {
  type: 'conference',
  title: 'Bildungskonferenz 2027',
  startsAt: '2027-02-25T09:00',
  endsAt: '2027-02-25T16:00',
  venue: 'Kreishaus Meschede',
  public: true,
  capacity: 120,
  registrationDeadline: '2027-02-11T23:59',
};
const staffMeeting = {
  type: 'staff_meeting',
  title: 'Dienstbesprechung Bildungsbüro',
  startsAt: '2026-12-14T10:00',
  endsAt: '2026-12-14T12:00',
  public: false,
};

async function published(net: TestNetwork, slug: string) {
  await ctx.database.db.update(t.network).set({ slug }).where(eq(t.network.id, net.id));
  await ctx.database.db.insert(t.publicSite).values({ networkId: net.id, published: true });
}

describe('events planning', () => {
  let net: TestNetwork;
  let other: TestNetwork;
  let eventId: string;
  beforeAll(async () => {
    net = await createNetworkWithMembers(ctx);
    other = await createNetworkWithMembers(ctx);
    const res = await call(net, 'office', 'POST', '', conference);
    expect(res.statusCode, res.body).toBe(201);
    eventId = res.json().id;
    expect((await call(net, 'office', 'POST', '', staffMeeting)).statusCode).toBe(201);
    expect(
      (
        await call(net, 'admin', 'POST', '', {
          ...staffMeeting,
          type: 'network_meeting',
          title: 'Netzwerktreffen 2027',
          startsAt: '2027-01-20T14:00',
          endsAt: '2027-01-20T17:00',
          public: true,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('creates the checklist from the conference template with Berlin due days', async () => {
    const e = (await call(net, 'office', 'GET', `/${eventId}`)).json();
    expect(e.status).toBe('planned');
    expect(e.startsAt).toBe('2027-02-25T08:00:00.000Z');
    const due = Object.fromEntries(e.tasks.map((x: { title: string; dueOn: string }) => [x.title, x.dueOn]));
    expect(due['Räume buchen']).toBe('2026-12-31');
    expect(due['Einladungen versenden']).toBe('2027-01-14');
    expect(due['Anmeldung schließen']).toBe('2027-02-11');
    expect(due['Dokumentation veröffentlichen']).toBe('2027-03-25');
    // 31 December has passed on 10 January: overdue.
    expect(e.tasks.find((x: { title: string }) => x.title === 'Räume buchen').overdue).toBe(true);
    expect(e.overdueTasks).toBeGreaterThan(0);
    expect(e.nextStatuses).toEqual(['announced']);
  });

  it('lists per role: the conference first in its year; partners see public events only', async () => {
    for (const role of ['admin', 'office', 'committee'] as const) {
      const res = await call(net, role, 'GET', '');
      expect(res.statusCode).toBe(200);
      expect(res.json().map((e: { title: string }) => e.title)).toEqual([
        'Bildungskonferenz 2027',
        'Netzwerktreffen 2027',
        'Dienstbesprechung Bildungsbüro',
      ]);
    }
    const partner = (await call(net, 'partner', 'GET', '')).json();
    expect(partner.map((e: { title: string }) => e.title)).toEqual([
      'Bildungskonferenz 2027',
      'Netzwerktreffen 2027',
    ]);
    expect((await call(net, 'guest', 'GET', '')).statusCode).toBe(403);
    expect((await call(other, 'admin', 'GET', `/${eventId}`)).statusCode).toBe(404);
    const filtered = (await call(net, 'office', 'GET', '?year=2026')).json();
    expect(filtered.map((e: { title: string }) => e.title)).toEqual(['Dienstbesprechung Bildungsbüro']);
    expect((await call(net, 'office', 'GET', '?type=conference')).json()).toHaveLength(1);
  });

  it('partners do not see an internal event; committee and partner cannot change events', async () => {
    const internal = (await call(net, 'office', 'GET', '?type=staff_meeting')).json()[0];
    expect((await call(net, 'partner', 'GET', `/${internal.id}`)).statusCode).toBe(404);
    expect((await call(net, 'committee', 'GET', `/${internal.id}`)).statusCode).toBe(200);
    expect((await call(net, 'committee', 'POST', '', conference)).statusCode).toBe(403);
    expect(
      (await call(net, 'partner', 'PATCH', `/${eventId}`, { version: 1, title: 'X-Titel' })).statusCode,
    ).toBe(403);
    expect(
      (await call(net, 'guest', 'POST', `/${eventId}/status`, { status: 'announced', version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(other, 'admin', 'PATCH', `/${eventId}`, { version: 1, title: 'Fremd' })).statusCode,
    ).toBe(404);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = (await call(net, 'office', 'GET', '')).json().length;
    const bad = [
      { ...conference, endsAt: '2027-02-25T08:00' },
      { ...conference, registrationDeadline: '2027-02-26T10:00' },
      { ...conference, type: 'party' },
      { ...conference, title: '' },
      { ...conference, startsAt: '2027-02-30T09:00' },
      { ...conference, fieldIds: ['00000000-0000-4000-8000-000000000000'] },
      { ...conference, approvedByDecisionId: '00000000-0000-4000-8000-000000000000' },
      { ...conference, organizerId: net.users.committee.id },
    ];
    for (const body of bad) {
      const res = await call(net, 'office', 'POST', '', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toMatch(/[a-zäöü]/);
    }
    expect((await call(net, 'office', 'GET', '')).json().length).toBe(before);
    // An end before the stored start is refused on change too.
    const e = (await call(net, 'office', 'GET', `/${eventId}`)).json();
    expect(
      (await call(net, 'office', 'PATCH', `/${eventId}`, { version: e.version, endsAt: '2027-02-24T10:00' }))
        .statusCode,
    ).toBe(400);
    expect((await call(net, 'office', 'GET', `/${eventId}`)).json().version).toBe(e.version);
  });

  it('edits with version; a stale save is 409 naming who changed it', async () => {
    const e = (await call(net, 'office', 'GET', `/${eventId}`)).json();
    const ok = await call(net, 'office', 'PATCH', `/${eventId}`, {
      version: e.version,
      description: 'Die Bildungskonferenz des Kreises.',
      organizerId: net.users.office.id,
      targetGroups: ['teachers', 'school_leaders'],
      endsAt: '2027-02-26T13:00',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      version: e.version + 1,
      organizerName: 'Test office',
      targetGroups: ['teachers', 'school_leaders'],
    });
    const stale = await call(net, 'admin', 'PATCH', `/${eventId}`, {
      version: e.version,
      title: 'Bildungskonferenz 27',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('Test office');
    await call(net, 'office', 'PATCH', `/${eventId}`, { version: e.version + 1, endsAt: '2027-02-25T16:00' });
  });

  it('links the approving decision and traces it', async () => {
    const number = await insertDecision(ctx.database.db, net.id, {
      itemId: null,
      roundId: null,
      type: 'recommendation',
      fieldId: null,
      contractVersionId: null,
      title: 'Programm der Bildungskonferenz 2027',
      text: 'Der Lenkungskreis stimmt dem Programm zu.',
      decidedOn: '2026-11-20',
    });
    const [d] = await ctx.database.db.select().from(t.decision).where(eq(t.decision.number, number));
    const e = (await call(net, 'office', 'GET', `/${eventId}`)).json();
    const res = await call(net, 'office', 'PATCH', `/${eventId}`, {
      version: e.version,
      approvedByDecisionId: d!.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().approvedBy).toMatchObject({ number, title: 'Programm der Bildungskonferenz 2027' });
    const links = await ctx.database.db.select().from(t.traceLink).where(eq(t.traceLink.toId, eventId));
    expect(links).toMatchObject([{ fromKind: 'decision', fromId: d!.id, relation: 'approves_programme' }]);
  });

  it('moves the status one step at a time, with audit', async () => {
    let e = (await call(net, 'office', 'GET', `/${eventId}`)).json();
    const skip = await call(net, 'office', 'POST', `/${eventId}/status`, {
      status: 'registration_open',
      version: e.version,
    });
    expect(skip.statusCode).toBe(422);
    for (const status of ['announced', 'registration_open']) {
      const res = await call(net, 'office', 'POST', `/${eventId}/status`, { status, version: e.version });
      expect(res.statusCode, res.body).toBe(200);
      e = res.json();
    }
    expect(e.status).toBe('registration_open');
    expect(e.nextStatuses).toEqual(['closed', 'announced']);
    const audit = await ctx.database.db.select().from(t.auditEvent).where(eq(t.auditEvent.entityId, eventId));
    expect(audit.some((a) => a.summary.includes('„Angekündigt“ → „Anmeldung offen“'))).toBe(true);
  });

  it('ticks, edits, adds and removes checklist steps', async () => {
    let e = (await call(net, 'office', 'GET', `/${eventId}`)).json();
    const step = e.tasks.find((x: { title: string }) => x.title === 'Räume buchen');
    let res = await call(net, 'office', 'PATCH', `/${eventId}/tasks/${step.id}`, {
      version: step.version,
      done: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json().tasks.find((x: { id: string }) => x.id === step.id);
    expect(done.doneAt).not.toBeNull();
    expect(done.overdue).toBe(false);
    expect(
      (
        await call(net, 'office', 'PATCH', `/${eventId}/tasks/${step.id}`, {
          version: step.version,
          done: false,
        })
      ).statusCode,
    ).toBe(409);
    res = await call(net, 'office', 'POST', `/${eventId}/tasks`, {
      title: 'Fotografin anfragen',
      dueOn: '2027-02-01',
      assigneeId: net.users.admin.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    e = res.json();
    const added = e.tasks.find((x: { title: string }) => x.title === 'Fotografin anfragen');
    expect(added.assigneeName).toBe('Test admin');
    expect(
      (
        await call(net, 'office', 'POST', `/${eventId}/tasks`, {
          title: 'X',
          assigneeId: net.users.partner.id,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call(net, 'committee', 'PATCH', `/${eventId}/tasks/${added.id}`, { version: 1, done: true }))
        .statusCode,
    ).toBe(403);
    res = await call(net, 'office', 'DELETE', `/${eventId}/tasks/${added.id}`);
    expect(res.json().tasks.some((x: { id: string }) => x.id === added.id)).toBe(false);
    expect((await call(other, 'office', 'DELETE', `/${eventId}/tasks/${step.id}`)).statusCode).toBe(404);
  });

  it('a network template overrides the built-in one for new events', async () => {
    expect((await call(net, 'office', 'GET', '/checklist-templates/workshop')).json()).toMatchObject({
      own: false,
    });
    const res = await call(net, 'office', 'PUT', '/checklist-templates/workshop', {
      steps: [
        { title: 'Moderation klären', offsetDays: -10 },
        { title: 'Fotoprotokoll', offsetDays: 2, anchor: 'end' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().own).toBe(true);
    expect(
      (await call(net, 'committee', 'PUT', '/checklist-templates/workshop', { steps: [] })).statusCode,
    ).toBe(403);
    const w = (
      await call(net, 'office', 'POST', '', {
        type: 'workshop',
        title: 'Werkstatt KAoA',
        startsAt: '2027-03-10T09:00',
        endsAt: '2027-03-11T15:00',
      })
    ).json();
    expect(w.tasks.map((x: { title: string; dueOn: string }) => [x.title, x.dueOn])).toEqual([
      ['Moderation klären', '2027-02-28'],
      ['Fotoprotokoll', '2027-03-13'],
    ]);
  });

  it('public: lists public events (not internal, not cancelled) and serves the calendar', async () => {
    await published(net, `netz-${net.id.slice(0, 8)}`);
    const slug = `netz-${net.id.slice(0, 8)}`;
    const list = await ctx.as(null, { method: 'GET', url: `/api/public/networks/${slug}/events` });
    expect(list.statusCode).toBe(200);
    const titles = list.json().upcoming.map((e: { title: string }) => e.title);
    expect(titles).toEqual(['Netzwerktreffen 2027', 'Bildungskonferenz 2027']);
    expect(JSON.stringify(list.json())).not.toContain('Dienstbesprechung');
    expect(list.json().upcoming[1].registrationOpen).toBe(true);
    const internal = (await call(net, 'office', 'GET', '?type=staff_meeting')).json()[0];
    expect(
      (await ctx.as(null, { method: 'GET', url: `/api/public/networks/${slug}/events/${internal.id}` }))
        .statusCode,
    ).toBe(404);
    const one = await ctx.as(null, { method: 'GET', url: `/api/public/networks/${slug}/events/${eventId}` });
    expect(one.json()).toMatchObject({ title: 'Bildungskonferenz 2027', venue: 'Kreishaus Meschede' });

    // The public network page announces the upcoming public events with their ids (for the link).
    const home = (await ctx.as(null, { method: 'GET', url: `/api/public/networks/${slug}` })).json();
    expect(home.upcomingEvents.map((e: { title: string }) => e.title)).toEqual(titles);
    expect(home.upcomingEvents[1]).toMatchObject({
      id: eventId,
      startsAt: '2027-02-25T08:00:00.000Z',
      endsAt: '2027-02-25T15:00:00.000Z',
      place: 'Kreishaus Meschede',
    });

    const meeting = (await call(net, 'office', 'GET', '?type=network_meeting')).json()[0];
    await call(net, 'office', 'POST', `/${meeting.id}/cancel`, { version: 1 });
    const after = (await ctx.as(null, { method: 'GET', url: `/api/public/networks/${slug}` })).json();
    expect(after.upcomingEvents.map((e: { title: string }) => e.title)).toEqual(['Bildungskonferenz 2027']);
    const feed = await ctx.as(null, { method: 'GET', url: `/api/public/networks/${slug}/events.ics` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(feed.body));
    const tz = comp.getFirstSubcomponent('vtimezone');
    if (tz) ICAL.TimezoneService.register(tz);
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Bildungskonferenz 2027']);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2027-02-25T08:00:00.000Z');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2027-02-25T15:00:00.000Z');
    expect(comp.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(
      'Europe/Berlin',
    );
    // Another network's or an unpublished network's address is not found.
    expect(
      (await ctx.as(null, { method: 'GET', url: `/api/public/networks/${other.id}/events` })).statusCode,
    ).toBe(404);
  });
});
