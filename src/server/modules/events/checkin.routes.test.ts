import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  networkCaller,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import * as t from '../../db/schema.js';
import { mintLink, openLink } from '../links/links.service.js';
import { anonymiseDueEvents } from './events.service.js';

let clock = new Date('2027-02-25T08:12:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => clock });
});
afterAll(() => ctx.close());
const call = networkCaller(() => ctx);

type Person = { firstName: string; lastName: string; institution: string; status?: 'confirmed' | 'waiting' };

/** A conference with a plenary and two workshops, and registrations: set up directly in the tables. */
async function conference(net: TestNetwork, people: Person[], capacity: number | null = 120) {
  const db = ctx.database.db;
  const [ev] = await db
    .insert(t.event)
    .values({
      networkId: net.id,
      type: 'conference',
      title: 'Bildungskonferenz 2027',
      startsAt: new Date('2027-02-25T08:00:00Z'),
      endsAt: new Date('2027-02-25T15:00:00Z'),
      venue: 'Kreishaus Meschede',
      public: true,
      capacity,
    })
    .returning();
  const sessions = await db
    .insert(t.eventSession)
    .values(
      (
        [
          ['plenary', 'Eröffnung und Impulsvortrag', '08:00', '09:30'],
          ['workshop', 'Workshop A: Übergang Schule–Beruf', '10:00', '11:30'],
          ['workshop', 'Workshop B: Ganztag', '10:00', '11:30'],
        ] as const
      ).map(([kind, title, from, to], position) => ({
        networkId: net.id,
        eventId: ev!.id,
        kind,
        title,
        position,
        startsAt: new Date(`2027-02-25T${from}:00Z`),
        endsAt: new Date(`2027-02-25T${to}:00Z`),
        capacity: kind === 'workshop' ? 20 : null,
      })),
    )
    .returning();
  const regs = [];
  for (const [i, p] of people.entries()) {
    const [r] = await db
      .insert(t.registration)
      .values({
        networkId: net.id,
        eventId: ev!.id,
        firstName: p.firstName,
        lastName: p.lastName,
        email: `p${i}@schule.example`,
        institution: p.institution,
        status: p.status ?? 'confirmed',
        waitingSince: p.status === 'waiting' ? new Date(Date.UTC(2027, 0, 10 + i)) : null,
        source: 'public',
        dietary: 'vegetarisch',
        needsConsentAt: i === 0 ? new Date('2027-01-05T10:00:00Z') : null,
      })
      .returning();
    regs.push(r!);
    if (p.status !== 'waiting') {
      await db.insert(t.registrationChoice).values({
        networkId: net.id,
        registrationId: r!.id,
        sessionId: sessions[1 + (i % 2)]!.id,
        priority: 1,
        status: 'confirmed',
      });
    }
  }
  return { event: ev!, sessions, regs };
}

const people: Person[] = [
  { firstName: 'Anna', lastName: 'Müller', institution: 'Gesamtschule Meschede' },
  { firstName: 'Ben', lastName: 'Zander', institution: 'Berufskolleg Olsberg' },
  { firstName: 'Cem', lastName: 'Öztürk', institution: 'Jobcenter Hochsauerlandkreis' },
  { firstName: 'Dora', lastName: 'Becker', institution: 'Grundschule Brilon' },
  { firstName: 'Emil', lastName: 'Wart', institution: 'Realschule Arnsberg', status: 'waiting' },
];

describe('check-in at the door', () => {
  it('is for the office: committee, guests and partners 403, another network 404', async () => {
    const net = await createNetworkWithMembers(ctx);
    const other = await createNetworkWithMembers(ctx);
    const { event } = await conference(net, people);
    const url = `/events/${event.id}/checkin`;
    for (const [who, code] of [
      ['admin', 200],
      ['office', 200],
      ['committee', 403],
      ['guest', 403],
      ['partner', 403],
    ] as const)
      expect((await call(net, who, 'GET', url)).statusCode, who).toBe(code);
    const foreign = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/events/${event.id}/checkin`,
    });
    expect(foreign.statusCode).toBe(404);
    for (const who of ['committee', 'partner'] as const)
      expect((await call(net, who, 'GET', `/events/${event.id}/exports/participants.xlsx`)).statusCode).toBe(
        403,
      );
  });

  it('finds confirmed registrations by folded name or institution, sorted by surname', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { event } = await conference(net, people);
    const all = (await call(net, 'office', 'GET', `/events/${event.id}/checkin`)).json();
    expect(all.entries.map((e: { lastName: string }) => e.lastName)).toEqual([
      'Becker',
      'Müller',
      'Öztürk',
      'Zander',
    ]);
    expect(all).toMatchObject({ confirmed: 4, checkedIn: 0, walkIns: 0, capacity: 120 });
    expect(all.sessions.map((s: { confirmed: number }) => s.confirmed)).toEqual([4, 2, 2]);
    const q = async (s: string) =>
      (await call(net, 'office', 'GET', `/events/${event.id}/checkin?q=${encodeURIComponent(s)}`))
        .json()
        .entries.map((e: { lastName: string }) => e.lastName);
    expect(await q('mueller')).toEqual(['Müller']);
    expect(await q('ÖZTÜRK')).toEqual(['Öztürk']);
    expect(await q('oeztuerk cem')).toEqual(['Öztürk']);
    expect(await q('brilon')).toEqual(['Becker']);
    expect(await q('wart')).toEqual([]);
  });

  it('checks in once: the second time 409 with the time, undo lets in again', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { event, regs } = await conference(net, people);
    clock = new Date('2027-02-25T08:12:00Z');
    const url = `/events/${event.id}/checkin/${regs[0]!.id}`;
    const first = await call(net, 'office', 'POST', url);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().checkedInAt).toBe('2027-02-25T08:12:00.000Z');
    clock = new Date('2027-02-25T08:20:00Z');
    const again = await call(net, 'office', 'POST', url);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('bereits eingelassen um 9:12 Uhr');
    expect((await call(net, 'office', 'DELETE', url)).json().checkedInAt).toBeNull();
    expect((await call(net, 'office', 'POST', url)).statusCode).toBe(200);
    // Waiting list: not let in.
    expect((await call(net, 'office', 'POST', `/events/${event.id}/checkin/${regs[4]!.id}`)).statusCode).toBe(
      409,
    );
    const audit = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(eq(t.auditEvent.entityId, regs[0]!.id));
    expect(audit.length).toBe(3);
  });

  it('counts parallel check-ins of the same person once', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { event, regs } = await conference(net, people);
    const url = `/events/${event.id}/checkin/${regs[1]!.id}`;
    const codes = (await Promise.all([1, 2, 3, 4].map(() => call(net, 'office', 'POST', url)))).map(
      (r) => r.statusCode,
    );
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(3);
    expect((await call(net, 'office', 'GET', `/events/${event.id}/checkin`)).json().checkedIn).toBe(1);
  });

  it('checks in by the QR code (URL or bare token); a code of another event is not found', async () => {
    const net = await createNetworkWithMembers(ctx);
    const a = await conference(net, people);
    const b = await conference(net, people.slice(0, 1));
    const link = (registrationId: string) =>
      mintLink(ctx.database.db, BASE_URL, {
        networkId: net.id,
        purpose: 'registration',
        registrationId,
        expiresAt: new Date('2027-02-26T00:00:00Z'),
      });
    const url = await link(a.regs[2]!.id);
    const ok = await call(net, 'office', 'POST', `/events/${a.event.id}/checkin/code`, { code: url });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().lastName).toBe('Öztürk');
    const token = (await link(a.regs[3]!.id)).split('/').at(-1)!;
    const bare = await call(net, 'office', 'POST', `/events/${a.event.id}/checkin/code`, { code: token });
    expect(bare.json().lastName).toBe('Becker');
    const foreign = await link(b.regs[0]!.id);
    expect(
      (await call(net, 'office', 'POST', `/events/${a.event.id}/checkin/code`, { code: foreign })).statusCode,
    ).toBe(404);
    expect(
      (await call(net, 'office', 'POST', `/events/${a.event.id}/checkin/code`, { code: 'x'.repeat(30) }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(net, 'office', 'POST', `/events/${a.event.id}/checkin/code`, { code: '' })).statusCode,
    ).toBe(400);
  });

  it('admits walk-ins over capacity with a warning; marks session attendance', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { event, sessions, regs } = await conference(net, people, 5);
    const w1 = await call(net, 'office', 'POST', `/events/${event.id}/walk-ins`, {
      firstName: 'Fritz',
      lastName: 'Spontan',
      institution: 'Kita Sonnenschein',
    });
    expect(w1.statusCode, w1.body).toBe(201);
    expect(w1.json().warning).toBeNull();
    expect(w1.json().entry).toMatchObject({ walkIn: true, lastName: 'Spontan' });
    expect(w1.json().entry.checkedInAt).not.toBeNull();
    const w2 = await call(net, 'office', 'POST', `/events/${event.id}/walk-ins`, { lastName: 'Zweiter' });
    expect(w2.json().warning).toContain('5 Plätze');
    expect(
      (await call(net, 'office', 'POST', `/events/${event.id}/walk-ins`, { lastName: '' })).statusCode,
    ).toBe(400);
    const overview = (await call(net, 'office', 'GET', `/events/${event.id}/checkin`)).json();
    expect(overview).toMatchObject({ confirmed: 6, checkedIn: 2, walkIns: 2 });

    const workshop = sessions[1]!;
    const att = await call(net, 'office', 'POST', `/events/${event.id}/sessions/${workshop.id}/attendance`, {
      registrationIds: [regs[0]!.id, w1.json().entry.id],
      attended: true,
    });
    expect(att.statusCode, att.body).toBe(200);
    expect(att.json().attended).toBe(2);
    const undo = await call(net, 'office', 'POST', `/events/${event.id}/sessions/${workshop.id}/attendance`, {
      registrationIds: [regs[0]!.id],
      attended: false,
    });
    expect(undo.json().attended).toBe(1);
    expect(
      (
        await call(net, 'office', 'POST', `/events/${event.id}/sessions/${workshop.id}/attendance`, {
          registrationIds: [regs[4]!.id],
          attended: true,
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('paper and lists', () => {
  it('prints the attendance list sorted by surname with a signature column, and badges', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { event, sessions } = await conference(net, people);
    const res = await call(net, 'office', 'GET', `/events/${event.id}/attendance.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.tagged).toBe(true);
    expect(pdf.language).toBe('de-DE');
    expect(pdf.text).toContain('Unterschrift');
    expect(pdf.bookmarks).toEqual([
      'Eröffnung und Impulsvortrag',
      'Workshop A: Übergang Schule–Beruf',
      'Workshop B: Ganztag',
    ]);
    const plenary = pdf.text.slice(0, pdf.text.indexOf('Workshop A'));
    const order = ['Becker, Dora', 'Müller, Anna', 'Öztürk, Cem', 'Zander, Ben'].map((n) =>
      plenary.indexOf(n),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(pdf.text).not.toContain('Wart, Emil');

    const one = await readPdf(
      (await call(net, 'office', 'GET', `/events/${event.id}/attendance.pdf?session=${sessions[2]!.id}`))
        .rawPayload,
    );
    expect(one.bookmarks).toEqual(['Workshop B: Ganztag']);
    expect(one.text).toContain('Zander, Ben');
    expect(one.text).not.toContain('Müller, Anna');

    const badges = await readPdf(
      (await call(net, 'office', 'GET', `/events/${event.id}/badges.pdf`)).rawPayload,
    );
    expect(badges.tagged).toBe(true);
    expect(badges.text).toContain('Anna Müller');
    expect(badges.text).toContain('Gesamtschule Meschede');
    expect(badges.text).toContain('Bildungskonferenz 2027');
  });

  it('exports participants, sessions and waiting lists to Excel', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { event, regs } = await conference(net, people);
    await call(net, 'office', 'POST', `/events/${event.id}/checkin/${regs[0]!.id}`);
    const sheet = async (kind: string) => {
      const res = await call(net, 'office', 'GET', `/events/${event.id}/exports/${kind}.xlsx`);
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    const participants = await sheet('participants');
    expect(participants[0]).toEqual([
      'Name',
      'Einrichtung',
      'Funktion',
      'Status',
      'Programmpunkte',
      'Eingelassen',
      'Ohne Anmeldung',
      'Ernährung',
      'Barrierefreiheit',
    ]);
    const anna = participants.find((r) => r[0] === 'Müller, Anna')!;
    expect(anna[3]).toBe('bestätigt');
    expect(anna[4]).toBe('Workshop A: Übergang Schule–Beruf');
    expect(anna[5]).toContain('Uhr');
    expect(anna[7]).toBe('vegetarisch');
    // Needs only with consent.
    expect(participants.find((r) => r[0] === 'Zander, Ben')![7]).toBe('');
    expect(participants.find((r) => r[0] === 'Wart, Emil')![3]).toBe('Warteliste');

    const sessions = await sheet('sessions');
    expect(sessions.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['Eröffnung und Impulsvortrag', '4'],
      ['Workshop A: Übergang Schule–Beruf', '2'],
      ['Workshop B: Ganztag', '2'],
    ]);
    const waiting = await sheet('waiting-lists');
    expect(waiting.slice(1)).toEqual([
      ['Veranstaltung', '1', 'Wart, Emil', 'Realschule Arnsberg', expect.any(String)],
    ]);
    expect((await call(net, 'office', 'GET', `/events/${event.id}/exports/people.xlsx`)).statusCode).toBe(
      400,
    );
  });
});

describe('retention and erasure', () => {
  it('anonymises personal data after 12 months and keeps the counts', async () => {
    clock = new Date('2027-02-25T08:12:00Z');
    const net = await createNetworkWithMembers(ctx);
    const { event, sessions, regs } = await conference(net, people);
    await call(net, 'office', 'POST', `/events/${event.id}/checkin/${regs[0]!.id}`);
    await call(net, 'office', 'POST', `/events/${event.id}/walk-ins`, { lastName: 'Spontan' });
    await call(net, 'office', 'POST', `/events/${event.id}/sessions/${sessions[1]!.id}/attendance`, {
      registrationIds: [regs[0]!.id],
      attended: true,
    });
    const db = ctx.database.db;
    const [inv] = await db
      .insert(t.eventInvitee)
      .values({
        networkId: net.id,
        eventId: event.id,
        email: 'eingeladen@schule.example',
        name: 'Ines Eingeladen',
      })
      .returning();
    const url = await mintLink(db, BASE_URL, {
      networkId: net.id,
      purpose: 'registration',
      registrationId: regs[1]!.id,
      expiresAt: new Date('2030-01-01T00:00:00Z'),
    });
    const token = url.split('/').at(-1)!;
    const before = (await call(net, 'office', 'GET', `/events/${event.id}/checkin`)).json();

    clock = new Date('2027-06-01T10:00:00Z');
    const early = await call(net, 'office', 'POST', `/events/${event.id}/anonymise`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('25.02.2028');
    expect((await anonymiseDueEvents({ ...ctx.app.deps, now: () => clock }, net.id)).anonymised).toBe(0);

    clock = new Date('2028-02-25T15:00:01Z');
    expect((await anonymiseDueEvents({ ...ctx.app.deps, now: () => clock }, net.id)).anonymised).toBe(1);
    expect((await anonymiseDueEvents({ ...ctx.app.deps, now: () => clock }, net.id)).anonymised).toBe(0);

    const rows = await db.select().from(t.registration).where(eq(t.registration.eventId, event.id));
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect(r).toMatchObject({ firstName: '', email: '', institution: '', dietary: null, personId: null });
      expect(r.lastName).toBe('Anonymisiert');
      expect(r.anonymisedAt).not.toBeNull();
    }
    const [invAfter] = await db.select().from(t.eventInvitee).where(eq(t.eventInvitee.id, inv!.id));
    expect(invAfter!.name).toBe('Anonymisiert');
    expect(invAfter!.email).not.toContain('@');
    await expect(openLink(db, 'registration', token, 'Die Anmeldung', clock)).rejects.toMatchObject({
      kind: 'gone',
    });
    const [ev] = await db.select().from(t.event).where(eq(t.event.id, event.id));
    expect(ev!.anonymisedAt).not.toBeNull();

    const after = (await call(net, 'office', 'GET', `/events/${event.id}/checkin`)).json();
    expect(after).toMatchObject({
      confirmed: before.confirmed,
      checkedIn: before.checkedIn,
      walkIns: before.walkIns,
    });
    expect(after.sessions.map((s: { attended: number }) => s.attended)).toEqual(
      before.sessions.map((s: { attended: number }) => s.attended),
    );
    expect(
      (await call(net, 'office', 'POST', `/events/${event.id}/walk-ins`, { lastName: 'X' })).statusCode,
    ).toBe(409);
    const audit = await db.select().from(t.auditEvent).where(eq(t.auditEvent.entityId, event.id));
    expect(audit.map((a) => a.summary).join()).toContain('anonymisiert');
  });

  it('lets the office anonymise a due event by hand', async () => {
    clock = new Date('2027-02-25T08:12:00Z');
    const net = await createNetworkWithMembers(ctx);
    const { event } = await conference(net, people);
    clock = new Date('2028-03-01T10:00:00Z');
    expect((await call(net, 'committee', 'POST', `/events/${event.id}/anonymise`)).statusCode).toBe(403);
    const res = await call(net, 'office', 'POST', `/events/${event.id}/anonymise`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ registrations: 5, invitees: 0 });
    expect((await call(net, 'office', 'POST', `/events/${event.id}/anonymise`)).statusCode).toBe(409);
    clock = new Date('2027-02-25T08:12:00Z');
  });

  it('blanks the registration and invitation of an erased person', async () => {
    clock = new Date('2027-02-25T08:12:00Z');
    const net = await createNetworkWithMembers(ctx);
    const { event, regs } = await conference(net, people);
    const db = ctx.database.db;
    const [p] = await db
      .insert(t.person)
      .values({ networkId: net.id, firstName: 'Anna', lastName: 'Müller', email: 'p0@schule.example' })
      .returning();
    await db.update(t.registration).set({ personId: p!.id }).where(eq(t.registration.id, regs[0]!.id));
    await db.insert(t.eventInvitee).values({
      networkId: net.id,
      eventId: event.id,
      personId: p!.id,
      email: 'p0@schule.example',
      name: 'Anna Müller',
      registrationId: regs[0]!.id,
    });
    const res = await call(net, 'office', 'POST', `/contacts/people/${p!.id}/erase`, {
      reason: 'Auf Wunsch',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [r] = await db.select().from(t.registration).where(eq(t.registration.id, regs[0]!.id));
    expect(r).toMatchObject({
      firstName: '',
      lastName: 'Anonymisiert',
      email: '',
      personId: null,
      status: 'confirmed',
    });
    const invs = await db.select().from(t.eventInvitee).where(eq(t.eventInvitee.eventId, event.id));
    expect(invs.map((i) => i.name)).toEqual(['Anonymisiert']);
    const [other] = await db.select().from(t.registration).where(eq(t.registration.id, regs[1]!.id));
    expect(other!.lastName).toBe('Zander');
  });
});
