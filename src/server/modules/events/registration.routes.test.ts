import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  someLoopbackAddress,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import * as t from '../../db/schema.js';
import { linkForMail, renderPersonalLinks } from '../links/links.service.js';
import { settleExpiredOffers } from './registration-office.service.js';

let ctx: TestApp;
let smtp: TestSmtp;
// A clock the tests move forward (offers run out after the event's offer hours).
let shift = 0;
const now = () => new Date(Date.now() + shift);
beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await createTestApp(
    { SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: '3600000', PUBLIC_WRITE_RATE_LIMIT: '100000' },
    { now },
  );
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const day = 24 * 3600_000;
const uniq = () => randomBytes(4).toString('hex');

/** A published network with an event and its sessions (the planning and programme parts' rows). */
async function seedEvent(
  net: TestNetwork,
  opts: {
    capacity?: number | null;
    public?: boolean;
    status?: 'registration_open' | 'announced';
    workshopCapacity?: number;
  } = {},
) {
  const db = ctx.database.db;
  const slug = `netz-${uniq()}`;
  await db.update(t.network).set({ slug }).where(eq(t.network.id, net.id));
  await db.insert(t.publicSite).values({ networkId: net.id, published: true }).onConflictDoNothing();
  const startsAt = new Date(now().getTime() + 30 * day);
  const [ev] = await db
    .insert(t.event)
    .values({
      networkId: net.id,
      type: 'conference',
      title: 'Bildungskonferenz 2027',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7 * 3600_000),
      venue: 'Kreishaus Meschede',
      public: opts.public ?? true,
      status: opts.status ?? 'registration_open',
      capacity: opts.capacity === undefined ? 100 : opts.capacity,
      registrationDeadline: new Date(startsAt.getTime() - 14 * day),
      offerHours: 48,
    })
    .returning();
  const session = (kind: 'plenary' | 'workshop', title: string, h: number, capacity: number | null) => ({
    networkId: net.id,
    eventId: ev!.id,
    kind,
    title,
    startsAt: new Date(startsAt.getTime() + h * 3600_000),
    endsAt: new Date(startsAt.getTime() + (h + 1.5) * 3600_000),
    capacity,
  });
  const sessions = await db
    .insert(t.eventSession)
    .values([
      session('plenary', 'Eröffnung', 0, null),
      session('workshop', 'Workshop 3: Praxisphasen in Betrieben', 2, opts.workshopCapacity ?? 1),
      session('workshop', 'Workshop 1: Übergänge gestalten', 2, 30),
    ])
    .returning();
  return { slug, event: ev!, plenary: sessions[0]!, w3: sessions[1]!, w1: sessions[2]! };
}

type Seeded = Awaited<ReturnType<typeof seedEvent>>;
const person = (first: string, extra: object = {}) => ({
  firstName: first,
  lastName: 'Beispiel',
  email: `${first.toLowerCase()}-${uniq()}@schule.example`,
  institution: 'Städtisches Gymnasium Meschede',
  function: 'Lehrerin',
  ...extra,
});
const register = (s: Seeded, body: object) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/public/networks/${s.slug}/events/${s.event.id}/registrations`,
    remoteAddress: someLoopbackAddress(),
    headers: { origin: BASE_URL },
    payload: body,
  });
const byLink = (method: 'GET' | 'POST' | 'PATCH', token: string, action = '', payload?: object) =>
  ctx.app.inject({
    method,
    url: `/api/event-registrations/${token}${action ? `/${action}` : ''}`,
    remoteAddress: someLoopbackAddress(),
    headers: { origin: BASE_URL },
    payload,
  });

async function deliver() {
  while ((await ctx.app.mailWorker!.runOnce()) > 0) {}
}
const inbox = (to: string) => smtp.received.filter((m) => JSON.stringify(m.to).includes(to));
const tokenOf = (mail: ParsedMail) =>
  mail.text!.match(/\/veranstaltung\/anmeldung\/([A-Za-z0-9_-]{20,})/)![1]!;

/** The VEVENTs of a mail's calendar file, read by an independent parser. */
function calendarOf(mail: ParsedMail) {
  const att = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
  const comp = new ICAL.Component(ICAL.parse(att.content.toString('utf8')));
  const tz = comp.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(tz);
  return comp.getAllSubcomponents('vevent').map((v) => ({
    event: new ICAL.Event(v),
    tzid: v.getFirstProperty('dtstart')!.getParameter('tzid'),
  }));
}

describe('office list per role', () => {
  it('admin and office read, committee, partner and guest are refused, another network sees nothing', async () => {
    const net = await createNetworkWithMembers(ctx);
    const other = await createNetworkWithMembers(ctx);
    const s = await seedEvent(net);
    await register(s, person('Anna'));
    const url = (n: TestNetwork) => `/api/networks/${n.id}/events/${s.event.id}/registrations`;
    for (const role of ['admin', 'office'] as const) {
      const res = await ctx.as(net.users[role].cookie, { method: 'GET', url: url(net) });
      expect(res.statusCode, role).toBe(200);
      expect(res.json().counts).toMatchObject({ capacity: 100, confirmed: 1, waiting: 0 });
    }
    for (const role of ['committee', 'partner', 'guest'] as const)
      expect((await ctx.as(net.users[role].cookie, { method: 'GET', url: url(net) })).statusCode, role).toBe(
        403,
      );
    const foreign = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/events/${s.event.id}/registrations`,
    });
    expect(foreign.statusCode).toBe(404);
    // Writing by hand: the office may, the committee may not.
    const add = (role: 'office' | 'committee') =>
      ctx.as(net.users[role].cookie, { method: 'POST', url: url(net), payload: person('Bernd') });
    expect((await add('committee')).statusCode).toBe(403);
    expect((await add('office')).statusCode).toBe(201);
  });
});

describe('public registration', () => {
  it('registers, refuses the same e-mail twice, needs only with consent, only workshops are choosable', async () => {
    const net = await createNetworkWithMembers(ctx);
    const s = await seedEvent(net);
    const form = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/networks/${s.slug}/events/${s.event.id}/registration`,
    });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ open: true, closedReason: null, freePlaces: 100 });
    expect(form.json().sessions.map((x: { choosable: boolean }) => x.choosable)).toEqual([false, true, true]);

    const anna = person('Anna', { choices: [s.w1.id], needsConsent: true, accessibility: 'Rollstuhl' });
    const res = await register(s, anna);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'confirmed', waitingPosition: null });
    expect(res.json().choices[0]).toMatchObject({ sessionId: s.w1.id, priority: 1, status: 'confirmed' });
    // The audit trail names the place decided.
    const [audited] = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(eq(t.auditEvent.entityId, res.json().id));
    expect(audited).toMatchObject({ action: 'create', after: { status: 'confirmed', source: 'public' } });

    const twice = await register(s, { ...anna, email: anna.email.toUpperCase() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('Sie sind bereits für diese Veranstaltung angemeldet');

    const before = await ctx.database.db
      .select()
      .from(t.registration)
      .where(eq(t.registration.eventId, s.event.id));
    const noConsent = await register(s, person('Carla', { dietary: 'vegetarisch' }));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('Bitte stimmen Sie zu');
    const plenary = await register(s, person('Dora', { choices: [s.plenary.id] }));
    expect(plenary.statusCode).toBe(400);
    const dupChoice = await register(s, person('Emil', { choices: [s.w1.id, s.w1.id] }));
    expect(dupChoice.statusCode).toBe(400);
    const after = await ctx.database.db
      .select()
      .from(t.registration)
      .where(eq(t.registration.eventId, s.event.id));
    expect(after).toHaveLength(before.length);
    // Needs are stored with the moment of consent; the person is not invented in the address book.
    expect(after[0]).toMatchObject({ accessibility: 'Rollstuhl', source: 'public', personId: null });
    expect(after[0]!.needsConsentAt).not.toBeNull();

    // Somebody of the address book is linked to her record by the e-mail (case does not matter).
    const [known] = await ctx.database.db
      .insert(t.person)
      .values({
        networkId: net.id,
        lastName: 'Gerber',
        firstName: 'Gina',
        email: 'Gina.Gerber@Schule.example',
      })
      .returning();
    const gina = await register(s, { ...person('Gina'), email: 'gina.gerber@schule.example' });
    expect(gina.statusCode).toBe(201);
    const [linked] = await ctx.database.db
      .select()
      .from(t.registration)
      .where(eq(t.registration.id, gina.json().id));
    expect(linked!.personId).toBe(known!.id);
  });

  it('internal events are not found for the public; closed ones answer 409 with the reason', async () => {
    const net = await createNetworkWithMembers(ctx);
    const internal = await seedEvent(net, { public: false });
    expect((await register(internal, person('Anna'))).statusCode).toBe(404);
    const announced = await seedEvent(net, { status: 'announced' });
    const res = await register(announced, person('Anna'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Die Anmeldung ist noch nicht geöffnet.');
    const form = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/networks/${announced.slug}/events/${announced.event.id}/registration`,
    });
    expect(form.json()).toMatchObject({
      open: false,
      closedReason: 'Die Anmeldung ist noch nicht geöffnet.',
    });
  });
});

describe('waiting list, offers and mails', () => {
  it('a full workshop puts the next on its waiting list; a cancellation offers her the place; she accepts', async () => {
    const net = await createNetworkWithMembers(ctx);
    const s = await seedEvent(net);
    const anna = person('Anna', { choices: [s.w3.id, s.w1.id] });
    const berta = person('Berta', { choices: [s.w3.id] });
    expect((await register(s, anna)).json().choices.map((c: { status: string }) => c.status)).toEqual([
      'confirmed',
      'confirmed',
    ]);
    const b = (await register(s, berta)).json();
    expect(b.status).toBe('confirmed');
    expect(b.choices[0]).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    await deliver();

    const [annaMail] = inbox(anna.email);
    expect(annaMail!.subject).toBe('Anmeldebestätigung: Bildungskonferenz 2027');
    expect(annaMail!.text).toContain('1. Wahl: Workshop 3: Praxisphasen in Betrieben – Platz bestätigt');
    const cal = calendarOf(annaMail!);
    expect(cal.map((c) => c.event.summary)).toEqual([
      'Bildungskonferenz 2027',
      'Workshop 3: Praxisphasen in Betrieben (Bildungskonferenz 2027)',
      'Workshop 1: Übergänge gestalten (Bildungskonferenz 2027)',
    ]);
    expect(cal[0]!.tzid).toBe('Europe/Berlin');
    expect(cal[0]!.event.startDate.toJSDate().getTime()).toBe(
      Math.floor(s.event.startsAt.getTime() / 1000) * 1000,
    );
    const [bertaMail] = inbox(berta.email);
    expect(bertaMail!.text).toContain('1. Wahl: Workshop 3: Praxisphasen in Betrieben – Warteliste');

    // Anna's personal page: her place, the QR code of the page's own address.
    const annaToken = tokenOf(annaMail!);
    const page = await byLink('GET', annaToken);
    expect(page.statusCode).toBe(200);
    expect(page.json().qrUrl).toBe(`http://bildungsnetz.test/veranstaltung/anmeldung/${annaToken}`);
    expect(page.json().qrSvg).toContain('<svg');
    // Anna gives up workshop 3 (keeps workshop 1): the place goes to Berta as an offer.
    const changed = await byLink('PATCH', annaToken, '', { choices: [s.w1.id] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().choices).toHaveLength(1);
    await deliver();
    const offer = inbox(berta.email).find(
      (m) => m.subject === 'Ein Platz ist frei geworden: Bildungskonferenz 2027',
    )!;
    expect(offer.text).toMatch(
      /Für „Workshop 3: Praxisphasen in Betrieben“ ist ein Platz frei geworden – gültig bis \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/,
    );
    const bertaToken = tokenOf(offer);
    expect((await byLink('GET', bertaToken)).json().choices[0]).toMatchObject({ status: 'offered' });
    const accepted = await byLink('POST', bertaToken, 'accept');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().choices[0]).toMatchObject({ status: 'confirmed' });
    expect((await byLink('POST', bertaToken, 'accept')).statusCode).toBe(409);
    await deliver();
    const confirmed = inbox(berta.email).find(
      (m) => m.subject === 'Platz bestätigt: Bildungskonferenz 2027',
    )!;
    expect(calendarOf(confirmed).map((c) => c.event.summary)).toContain(
      'Workshop 3: Praxisphasen in Betrieben (Bildungskonferenz 2027)',
    );

    // The office sees the workshop full with nobody waiting.
    const list = await ctx.as(net.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/events/${s.event.id}/registrations`,
    });
    const w3 = list.json().sessions.find((x: { id: string }) => x.id === s.w3.id);
    expect(w3).toMatchObject({ capacity: 1, confirmed: 1, waiting: 0, offered: 0 });
  });

  it('an event-level offer runs out after the offer hours and goes to the next; a decline too', async () => {
    const net = await createNetworkWithMembers(ctx);
    const s = await seedEvent(net, { capacity: 1 });
    const [a, b, c, d] = ['Anna', 'Berta', 'Clara', 'Dana'].map((n) => person(n));
    const ra = (await register(s, a!)).json();
    expect(ra.status).toBe('confirmed');
    expect((await register(s, b!)).json()).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect((await register(s, c!)).json()).toMatchObject({ status: 'waiting', waitingPosition: 2 });
    expect((await register(s, d!)).json()).toMatchObject({ status: 'waiting', waitingPosition: 3 });
    await deliver();
    expect(inbox(b!.email)[0]!.subject).toBe('Warteliste: Bildungskonferenz 2027');
    expect(inbox(b!.email)[0]!.attachments).toHaveLength(0);

    const cancel = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/events/${s.event.id}/registrations/${ra.id}/cancel`,
    });
    expect(cancel.statusCode).toBe(200);
    const byName = (list: { registrations: Array<{ firstName: string; status: string }> }) =>
      Object.fromEntries(list.registrations.map((r) => [r.firstName, r.status]));
    expect(byName(cancel.json())).toEqual({
      Anna: 'cancelled',
      Berta: 'offered',
      Clara: 'waiting',
      Dana: 'waiting',
    });
    expect(cancel.json().counts).toMatchObject({ confirmed: 0, offered: 1, waiting: 2, cancelled: 1 });

    // 49 hours later the job finds Berta's offer ran out: Clara is next.
    shift += 49 * 3600_000;
    try {
      expect(
        await settleExpiredOffers({ db: ctx.database.db, now, config: ctx.config } as never),
      ).toBeGreaterThan(0);
    } finally {
      shift -= 49 * 3600_000;
    }
    await deliver();
    expect(inbox(b!.email).map((m) => m.subject)).toContain('Angebot abgelaufen: Bildungskonferenz 2027');
    const clarasOffer = inbox(c!.email).find((m) => m.subject?.startsWith('Ein Platz ist frei geworden'))!;
    const declined = await byLink('POST', tokenOf(clarasOffer), 'decline');
    expect(declined.json().registration.status).toBe('cancelled');
    await deliver();
    const danasOffer = inbox(d!.email).find((m) => m.subject?.startsWith('Ein Platz ist frei geworden'))!;
    expect((await byLink('POST', tokenOf(danasOffer), 'accept')).json().registration.status).toBe(
      'confirmed',
    );

    // Dana cancels herself through her link: nobody is left waiting.
    const gone = await byLink('POST', tokenOf(danasOffer), 'cancel');
    expect(gone.json().registration.status).toBe('cancelled');
    expect((await byLink('POST', tokenOf(danasOffer), 'cancel')).statusCode).toBe(409);
    const audit = await ctx.database.db.select().from(t.auditEvent).where(eq(t.auditEvent.networkId, net.id));
    expect(audit.filter((e) => e.entityType === 'registration').length).toBeGreaterThanOrEqual(8);
  });

  it('the invitation link prefills the form and registers the invitee', async () => {
    const net = await createNetworkWithMembers(ctx);
    const s = await seedEvent(net, { public: false });
    const [inv] = await ctx.database.db
      .insert(t.eventInvitee)
      .values({
        networkId: net.id,
        eventId: s.event.id,
        email: 'petra.lehmann@schule.example',
        name: 'Petra Lehmann',
      })
      .returning();
    const placeholder = await linkForMail(ctx.database.db, {
      networkId: net.id,
      purpose: 'event_invitation',
      inviteeId: inv!.id,
      expiresAt: s.event.endsAt,
    });
    const url = await renderPersonalLinks(ctx.database.db, 'http://x', placeholder);
    const token = url.split('/').at(-1)!;
    const view = await ctx.app.inject({ method: 'GET', url: `/api/event-invitations/${token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      open: true,
      registered: false,
      person: { firstName: 'Petra', lastName: 'Lehmann', email: 'petra.lehmann@schule.example' },
    });
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/event-invitations/${token}/register`,
      headers: { origin: BASE_URL },
      payload: { firstName: 'Petra', lastName: 'Lehmann', email: 'petra.lehmann@schule.example' },
    });
    expect(res.statusCode).toBe(201);
    const [linked] = await ctx.database.db
      .select()
      .from(t.eventInvitee)
      .where(eq(t.eventInvitee.id, inv!.id));
    expect(linked!.registrationId).toBe(res.json().id);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/event-invitations/${token}` })).json().registered,
    ).toBe(true);
  });
});

describe('no overbooking under concurrency', () => {
  it('places taken elsewhere (another app instance, the office) since this one last saw them are never given twice', async () => {
    const net = await createNetworkWithMembers(ctx);
    const s = await seedEvent(net, { capacity: 3, workshopCapacity: 2 });
    // This instance now remembers the event and workshop 3 as free.
    const first = await register(s, { ...person('Erste'), choices: [s.w3.id] });
    expect(first.json()).toMatchObject({ status: 'confirmed', choices: [{ status: 'confirmed' }] });
    // Meanwhile another instance took the last workshop place and then the last places at the event.
    const elsewhere = async (first: string, choice: boolean) => {
      const [r] = await ctx.database.db
        .insert(t.registration)
        .values({
          networkId: net.id,
          eventId: s.event.id,
          firstName: first,
          lastName: 'Woanders',
          email: `${first.toLowerCase()}-${uniq()}@schule.example`,
          status: 'confirmed',
          source: 'public',
        })
        .returning();
      if (choice)
        await ctx.database.db.insert(t.registrationChoice).values({
          networkId: net.id,
          registrationId: r!.id,
          sessionId: s.w3.id,
          priority: 1,
          status: 'confirmed',
        });
    };
    await elsewhere('Zweite', true);
    const third = await register(s, { ...person('Dritte'), choices: [s.w3.id] });
    expect(third.json()).toMatchObject({
      status: 'confirmed',
      choices: [{ status: 'waiting', waitingPosition: 1 }],
    });
    const fourth = await register(s, person('Vierte'));
    expect(fourth.json()).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    const rows = await ctx.database.db
      .select()
      .from(t.registration)
      .where(eq(t.registration.eventId, s.event.id));
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    const choices = await ctx.database.db
      .select()
      .from(t.registrationChoice)
      .where(eq(t.registrationChoice.sessionId, s.w3.id));
    expect(choices.filter((c) => c.status === 'confirmed')).toHaveLength(2);
  });

  it('500 simultaneous registrations for the last 10 places: exactly 10 confirmed, 490 waiting', async () => {
    const net = await createNetworkWithMembers(ctx);
    const s = await seedEvent(net, { capacity: 12 });
    for (const n of ['Erste', 'Zweite'])
      expect((await register(s, person(n))).json().status).toBe('confirmed');
    const people = Array.from({ length: 500 }, (_, i) => person(`P${i}`));
    const answers = await Promise.all(people.map((p) => register(s, p)));
    expect(answers.map((r) => r.statusCode).every((c) => c === 201)).toBe(true);
    const statuses = answers.map((r) => r.json().status);
    expect(statuses.filter((x) => x === 'confirmed')).toHaveLength(10);
    expect(statuses.filter((x) => x === 'waiting')).toHaveLength(490);
    const rows = await ctx.database.db
      .select()
      .from(t.registration)
      .where(eq(t.registration.eventId, s.event.id));
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(12);
    // The waiting positions are 1..490 without gaps or doubles.
    const positions = answers.map((r) => r.json().waitingPosition).filter((x) => x !== null);
    expect(new Set(positions).size).toBe(490);
    // Each got one mail, and it tells the place the answer gave (also when others took it meanwhile).
    const mails = await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, net.id));
    for (const [i, p] of people.entries()) {
      const mine = mails.filter((m) => m.toAddress === p.email);
      expect(mine).toHaveLength(1);
      const confirmed = answers[i]!.json().status === 'confirmed';
      expect(mine[0]!.subject).toBe(
        `${confirmed ? 'Anmeldebestätigung' : 'Warteliste'}: Bildungskonferenz 2027`,
      );
      expect(mine[0]!.attachments).toHaveLength(confirmed ? 1 : 0);
    }
  }, 300_000);
});
