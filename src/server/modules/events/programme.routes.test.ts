import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  networkCaller,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(() => ctx.close());

const call = networkCaller(() => ctx, '/events');
/** The instant an answer carries (25.02.2027 is winter time in Berlin). */
const at = (hm: string, day = '2027-02-25') => new Date(`${day}T${hm}:00+01:00`).toISOString();
/** What a request carries: Berlin wall-clock time as typed. */
const local = (hm: string, day = '2027-02-25') => `${day}T${hm}`;

/** An event of the network, inserted directly (the planning part owns its API). */
async function anEvent(net: TestNetwork, title: string, over: Partial<typeof t.event.$inferInsert> = {}) {
  const [e] = await ctx.database.db
    .insert(t.event)
    .values({
      networkId: net.id,
      type: 'conference',
      title,
      startsAt: new Date(at('09:00')),
      endsAt: new Date(at('16:00')),
      venue: 'Kreishaus Meschede',
      public: true,
      ...over,
    })
    .returning();
  return e!;
}

async function aPerson(net: TestNetwork, firstName: string, lastName: string) {
  const [p] = await ctx.database.db
    .insert(t.person)
    .values({ networkId: net.id, firstName, lastName })
    .returning();
  return p!;
}

async function aRoom(net: TestNetwork, name: string, capacity: number) {
  const res = await call(net, 'office', 'POST', '/resources', {
    kind: 'room',
    name,
    capacity,
    location: 'Kreishaus',
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('rooms and media', () => {
  it('lists per role, creates, edits with version and archives; refuses a stale save', async () => {
    const net = await createNetworkWithMembers(ctx);
    const room = await aRoom(net, 'Sitzungsraum 1', 30);
    expect(room).toMatchObject({ kind: 'room', capacity: 30, archived: false, version: 1, nextBookings: [] });
    for (const role of ['admin', 'office', 'committee', 'partner'] as const)
      expect((await call(net, role, 'GET', '/resources')).statusCode).toBe(200);
    expect((await call(net, 'guest', 'GET', '/resources')).statusCode).toBe(403);
    for (const role of ['committee', 'partner', 'guest'] as const)
      expect((await call(net, role, 'POST', '/resources', { kind: 'room', name: 'X Raum' })).statusCode).toBe(
        403,
      );
    const outsider = await createNetworkWithMembers(ctx);
    expect(
      (
        await ctx.as(outsider.users.admin.cookie, {
          method: 'GET',
          url: `/api/networks/${net.id}/events/resources`,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await call(outsider, 'admin', 'PATCH', `/resources/${room.id}`, { version: 1, name: 'Yvonne-Raum' }))
        .statusCode,
    ).toBe(404);

    const bad = await call(net, 'office', 'POST', '/resources', { kind: 'room', name: 'R', capacity: -1 });
    expect(bad.statusCode).toBe(400);
    expect(
      (await call(net, 'office', 'POST', '/resources', { kind: 'room', name: 'Sitzungsraum 1' })).statusCode,
    ).toBe(409);

    const changed = await call(net, 'office', 'PATCH', `/resources/${room.id}`, {
      version: 1,
      capacity: 24,
      accessibility: ['step_free', 'lift'],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ capacity: 24, accessibility: ['step_free', 'lift'], version: 2 });
    const stale = await call(net, 'admin', 'PATCH', `/resources/${room.id}`, { version: 1, capacity: 20 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('wurde inzwischen von Test office geändert');

    const archived = await call(net, 'office', 'PATCH', `/resources/${room.id}`, {
      version: 2,
      archived: true,
    });
    expect(archived.json().archived).toBe(true);
    expect((await call(net, 'office', 'GET', '/resources')).json()).toEqual([]);
    expect((await call(net, 'office', 'GET', '/resources?archived=true')).json()).toHaveLength(1);
  });
});

describe('bookings', () => {
  it('books a room for the event, refuses a double booking naming the other, allows touching spans', async () => {
    const net = await createNetworkWithMembers(ctx);
    const room = await aRoom(net, 'Sitzungsraum 2', 30);
    const meeting = await anEvent(net, 'Netzwerktreffen Übergang Schule–Beruf', { type: 'network_meeting' });
    const conference = await anEvent(net, 'Bildungskonferenz 2027');

    const first = await call(net, 'office', 'POST', `/${meeting.id}/bookings`, { resourceId: room.id });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      resourceName: 'Sitzungsraum 2',
      startsAt: at('09:00'),
      endsAt: at('16:00'),
    });

    const refused = await call(net, 'office', 'POST', `/${conference.id}/bookings`, {
      resourceId: room.id,
      startsAt: local('10:00'),
      endsAt: local('11:00'),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      'Sitzungsraum 2 ist am 25.02.2027 von 9:00 bis 16:00 Uhr schon für „Netzwerktreffen Übergang Schule–Beruf“ gebucht.',
    );
    // Touching spans are no conflict.
    const touching = await call(net, 'office', 'POST', `/${conference.id}/bookings`, {
      resourceId: room.id,
      startsAt: local('16:00'),
      endsAt: local('17:00'),
    });
    expect(touching.statusCode).toBe(201);
    const invalid = await call(net, 'office', 'POST', `/${conference.id}/bookings`, {
      resourceId: room.id,
      startsAt: local('18:00'),
      endsAt: local('17:00'),
    });
    expect(invalid.statusCode).toBe(400);

    for (const role of ['admin', 'office', 'committee', 'partner'] as const)
      expect((await call(net, role, 'GET', `/${conference.id}/bookings`)).statusCode).toBe(200);
    expect((await call(net, 'guest', 'GET', `/${conference.id}/bookings`)).statusCode).toBe(403);
    expect(
      (await call(net, 'committee', 'POST', `/${conference.id}/bookings`, { resourceId: room.id }))
        .statusCode,
    ).toBe(403);

    // The room lists its next bookings; removing one frees the time.
    const listed = (await call(net, 'office', 'GET', '/resources')).json()[0];
    expect(listed.nextBookings.map((b: { eventTitle: string }) => b.eventTitle)).toEqual([
      'Netzwerktreffen Übergang Schule–Beruf',
      'Bildungskonferenz 2027',
    ]);
    expect(
      (await call(net, 'office', 'DELETE', `/${meeting.id}/bookings/${first.json().id}`)).statusCode,
    ).toBe(204);
    expect(
      (
        await call(net, 'office', 'POST', `/${conference.id}/bookings`, {
          resourceId: room.id,
          endsAt: local('16:00'),
        })
      ).statusCode,
    ).toBe(201);
  });

  it('hides internal events from partners: their bookings and the event itself', async () => {
    const net = await createNetworkWithMembers(ctx);
    const room = await aRoom(net, 'Raum 104', 20);
    const internal = await anEvent(net, 'Dienstbesprechung Bildungsbüro', {
      type: 'staff_meeting',
      public: false,
    });
    await call(net, 'office', 'POST', `/${internal.id}/bookings`, { resourceId: room.id });
    expect((await call(net, 'partner', 'GET', `/${internal.id}/bookings`)).statusCode).toBe(404);
    expect((await call(net, 'partner', 'GET', '/resources')).json()[0].nextBookings).toEqual([]);
    expect((await call(net, 'committee', 'GET', '/resources')).json()[0].nextBookings).toHaveLength(1);
  });

  it('lets exactly one of two parallel overlapping bookings pass', async () => {
    const net = await createNetworkWithMembers(ctx);
    const room = await aRoom(net, 'Foyer', 150);
    const events = await Promise.all([1, 2, 3, 4].map((i) => anEvent(net, `Treffen ${i}`)));
    const results = await Promise.all(
      events.map((e) => call(net, 'office', 'POST', `/${e.id}/bookings`, { resourceId: room.id })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const stored = await ctx.database.db.select().from(t.resourceBooking);
    expect(stored.filter((b) => b.resourceId === room.id)).toHaveLength(1);
  });
});

describe('programme', () => {
  it('builds a plenary and two parallel workshops with rooms and speakers, groups them by time slot', async () => {
    const net = await createNetworkWithMembers(ctx);
    const conference = await anEvent(net, 'Bildungskonferenz 2027');
    const saal = await aRoom(net, 'Kreistagssaal', 200);
    const r1 = await aRoom(net, 'Sitzungsraum 1', 30);
    const r104 = await aRoom(net, 'Raum 104', 20);
    const url = `/${conference.id}/sessions`;

    const plenary = await call(net, 'office', 'POST', url, {
      kind: 'plenary',
      title: 'Eröffnung und Impuls',
      startsAt: local('09:00'),
      endsAt: local('10:30'),
      roomId: saal.id,
    });
    expect(plenary.statusCode).toBe(201);
    expect(plenary.json()).toMatchObject({ roomName: 'Kreistagssaal', place: 'Kreistagssaal', warnings: [] });
    const w1 = await call(net, 'office', 'POST', url, {
      kind: 'workshop',
      title: 'Workshop 1: Berufsorientierung',
      startsAt: local('10:45'),
      endsAt: local('12:30'),
      roomId: r1.id,
      capacity: 24,
    });
    expect(w1.statusCode).toBe(201);
    // A room smaller than the session's places: booked, with a warning.
    const w2 = await call(net, 'office', 'POST', url, {
      kind: 'workshop',
      title: 'Workshop 2: Praxisphasen',
      startsAt: local('10:45'),
      endsAt: local('12:30'),
      roomId: r104.id,
      capacity: 30,
    });
    expect(w2.statusCode).toBe(201);
    expect(w2.json().warnings).toEqual(['Raum 104 hat nur 20 Plätze, der Programmpunkt aber 30.']);
    // The same room at the same time for another workshop: refused, naming the booking.
    const clash = await call(net, 'office', 'POST', url, {
      kind: 'workshop',
      title: 'Workshop 3',
      startsAt: local('11:00'),
      endsAt: local('12:00'),
      roomId: r1.id,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toBe(
      'Sitzungsraum 1 ist am 25.02.2027 von 10:45 bis 12:30 Uhr schon für „Bildungskonferenz 2027: Workshop 1: Berufsorientierung“ gebucht.',
    );
    // Outside the event: refused, nothing written.
    const outside = await call(net, 'office', 'POST', url, {
      kind: 'break',
      title: 'Abendessen',
      startsAt: local('17:00'),
      endsAt: local('18:00'),
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toBe(
      'Der Programmpunkt muss innerhalb der Zeit der Veranstaltung liegen.',
    );

    const anna = await aPerson(net, 'Anna', 'Beispiel');
    const ben = await aPerson(net, 'Ben', 'Muster');
    const speakers = `${url}/${w1.json().id}/speakers`;
    const sp = await call(net, 'office', 'POST', speakers, { personId: anna.id, role: 'speaker' });
    expect(sp.statusCode).toBe(201);
    expect(sp.json()).toMatchObject({ name: 'Anna Beispiel', status: 'asked', version: 1 });
    expect((await call(net, 'office', 'POST', speakers, { personId: anna.id })).statusCode).toBe(409);
    await call(net, 'office', 'POST', speakers, { personId: ben.id, role: 'facilitator' });
    const confirmed = await call(net, 'office', 'PATCH', `${speakers}/${sp.json().id}`, {
      version: 1,
      status: 'confirmed',
    });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', version: 2 });
    expect(
      (await call(net, 'office', 'PATCH', `${speakers}/${sp.json().id}`, { version: 1, status: 'declined' }))
        .statusCode,
    ).toBe(409);
    const foreign = await createNetworkWithMembers(ctx);
    const stranger = await aPerson(foreign, 'Fremd', 'Person');
    expect((await call(net, 'office', 'POST', speakers, { personId: stranger.id })).statusCode).toBe(404);

    for (const role of ['admin', 'office', 'committee', 'partner'] as const)
      expect((await call(net, role, 'GET', url)).statusCode).toBe(200);
    expect((await call(net, 'guest', 'GET', url)).statusCode).toBe(403);
    expect(
      (
        await call(net, 'committee', 'POST', url, {
          kind: 'break',
          title: 'Pause',
          startsAt: local('12:30'),
          endsAt: local('13:30'),
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(foreign, 'admin', 'GET', url)).statusCode).toBe(404);

    const programme = (await call(net, 'committee', 'GET', url)).json();
    expect(
      programme.slots.map((s: { sessions: { title: string }[] }) => s.sessions.map((x) => x.title)),
    ).toEqual([['Eröffnung und Impuls'], ['Workshop 1: Berufsorientierung', 'Workshop 2: Praxisphasen']]);
    expect(programme.slots[1].sessions[0].speakers.map((s: { name: string }) => s.name)).toEqual([
      'Anna Beispiel',
      'Ben Muster',
    ]);

    // Moving a workshop moves its room booking; a stale save is refused.
    const moved = await call(net, 'office', 'PATCH', `${url}/${w1.json().id}`, {
      version: 1,
      startsAt: local('13:30'),
      endsAt: local('15:00'),
    });
    expect(moved.statusCode).toBe(200);
    const bookings = (await call(net, 'office', 'GET', `/${conference.id}/bookings`)).json();
    expect(bookings.find((b: { resourceName: string }) => b.resourceName === 'Sitzungsraum 1')).toMatchObject(
      {
        startsAt: at('13:30'),
        sessionTitle: 'Workshop 1: Berufsorientierung',
      },
    );
    expect(
      (await call(net, 'admin', 'PATCH', `${url}/${w1.json().id}`, { version: 1, title: 'Alt' })).json().error
        .message,
    ).toContain('wurde inzwischen von Test office geändert');
    // Now Sitzungsraum 1 is free in the morning again.
    expect(
      (
        await call(net, 'office', 'POST', url, {
          kind: 'forum',
          title: 'Forum',
          startsAt: local('11:00'),
          endsAt: local('12:00'),
          roomId: r1.id,
        })
      ).statusCode,
    ).toBe(201);

    // The public timetable: confirmed speakers only, no status.
    await ctx.database.db
      .update(t.network)
      .set({ slug: `netz-${net.id.slice(0, 8)}` })
      .where(eqId(net.id));
    await ctx.database.db.insert(t.publicSite).values({ networkId: net.id, published: true });
    const pub = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/networks/netz-${net.id.slice(0, 8)}/events/${conference.id}/programme`,
    });
    expect(pub.statusCode).toBe(200);
    const sessions = pub.json().slots.flatMap((s: { sessions: unknown[] }) => s.sessions);
    const w1Public = sessions.find((s: { title: string }) => s.title === 'Workshop 1: Berufsorientierung');
    expect(w1Public.speakers).toEqual([{ name: 'Anna Beispiel', role: 'speaker' }]);
    expect(JSON.stringify(pub.json())).not.toContain('status');
    const internal = await anEvent(net, 'Dienstbesprechung', { public: false });
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/public/networks/netz-${net.id.slice(0, 8)}/events/${internal.id}/programme`,
        })
      ).statusCode,
    ).toBe(404);

    // The printable timetable: a tagged PDF with the sessions' titles.
    const pdf = await call(net, 'partner', 'GET', `/${conference.id}/programme.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = await readPdf(pdf.rawPayload);
    expect(read.tagged).toBe(true);
    for (const title of ['Eröffnung und Impuls', 'Workshop 2: Praxisphasen', 'Anna Beispiel'])
      expect(read.text.replace(/\s+/g, ' ')).toContain(title);

    // Deleting a session frees its room.
    expect((await call(net, 'office', 'DELETE', `${url}/${w2.json().id}`)).statusCode).toBe(204);
    expect(
      (await call(net, 'office', 'GET', `/${conference.id}/bookings`))
        .json()
        .map((b: { resourceName: string }) => b.resourceName),
    ).not.toContain('Raum 104');
  });
});

describe('times as typed (Berlin wall-clock time in, instants out)', () => {
  it('converts winter and summer time, refuses instants with an offset and impossible times', async () => {
    const net = await createNetworkWithMembers(ctx);
    const summer = await anEvent(net, 'Bildungskonferenz 2026', {
      startsAt: new Date('2026-06-18T09:00:00+02:00'),
      endsAt: new Date('2026-06-18T16:00:00+02:00'),
    });
    const room = await aRoom(net, 'Kreistagssaal', 200);
    const url = `/${summer.id}/sessions`;
    const made = await call(net, 'office', 'POST', url, {
      kind: 'plenary',
      title: 'Eröffnung',
      startsAt: '2026-06-18T09:00',
      endsAt: '2026-06-18T10:30',
      roomId: room.id,
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      startsAt: '2026-06-18T07:00:00.000Z',
      endsAt: '2026-06-18T08:30:00.000Z',
    });
    const moved = await call(net, 'office', 'PATCH', `${url}/${made.json().id}`, {
      version: 1,
      endsAt: '2026-06-18T11:00',
    });
    expect(moved.json()).toMatchObject({
      startsAt: '2026-06-18T07:00:00.000Z',
      endsAt: '2026-06-18T09:00:00.000Z',
    });
    const booked = await call(net, 'office', 'POST', `/${summer.id}/bookings`, {
      resourceId: (await aRoom(net, 'Foyer', 150)).id,
      startsAt: '2026-06-18T12:00',
      endsAt: '2026-06-18T13:00',
    });
    expect(booked.json()).toMatchObject({
      startsAt: '2026-06-18T10:00:00.000Z',
      endsAt: '2026-06-18T11:00:00.000Z',
    });

    const before = (await call(net, 'office', 'GET', url)).json();
    for (const [startsAt, message] of [
      ['2026-06-18T11:00:00+02:00', 'Bitte Datum und Uhrzeit im Format JJJJ-MM-TTTHH:MM angeben.'],
      ['2026-06-31T11:00', 'Dieses Datum oder diese Uhrzeit gibt es nicht.'],
    ] as const) {
      const bad = await call(net, 'office', 'POST', url, {
        kind: 'break',
        title: 'Pause',
        startsAt,
        endsAt: '2026-06-18T12:00',
      });
      expect(bad.statusCode, startsAt).toBe(400);
      expect(bad.body).toContain(message);
      const badBooking = await call(net, 'office', 'POST', `/${summer.id}/bookings`, {
        resourceId: room.id,
        startsAt,
      });
      expect(badBooking.statusCode, startsAt).toBe(400);
    }
    expect((await call(net, 'office', 'GET', url)).json()).toEqual(before);
  });
});

import { eq } from 'drizzle-orm';

const eqId = (id: string) => eq(t.network.id, id);
