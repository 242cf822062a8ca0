import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  networkCaller,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import * as t from '../../db/schema.js';
import { createMailing, resumeMailings } from './invitations.service.js';

const clock = new Date('2027-01-10T09:00:00Z');
let ctx: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: '3600000' }, { now: () => clock });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const call = networkCaller(() => ctx);
const body = (subject = 'Einladung: Bildungskonferenz 2027') => ({
  subject,
  body: 'herzlich laden wir Sie zur Bildungskonferenz ein.',
});

/** A network with the 2027 conference, a list of five (one without address, one who objected) and two more people. */
async function setting(slug?: string) {
  const net = await createNetworkWithMembers(ctx);
  const db = ctx.database.db;
  if (slug) await db.update(t.network).set({ slug }).where(eq(t.network.id, net.id));
  const [ev] = await db
    .insert(t.event)
    .values({
      networkId: net.id,
      type: 'conference',
      title: 'Bildungskonferenz 2027',
      startsAt: new Date('2027-02-25T08:00:00Z'),
      endsAt: new Date('2027-02-25T15:00:00Z'),
      venue: 'Kreishaus Meschede',
      venueAddress: 'Steinstraße 27, 59872 Meschede',
      public: true,
      status: 'registration_open',
    })
    .returning();
  const person = async (firstName: string, email: string | null) => {
    const [p] = await db
      .insert(t.person)
      .values({ networkId: net.id, firstName, lastName: 'Beispiel', email })
      .returning();
    return p!.id;
  };
  const people = {
    anna: await person('Anna', 'anna@schule.example'),
    bernd: await person('Bernd', 'Bernd@Schule.example'),
    carla: await person('Carla', 'carla@schule.example'),
    emil: await person('Emil', null),
    frieda: await person('Frieda', 'frieda@schule.example'),
    gero: await person('Gero', 'gero@schule.example'),
    hanna: await person('Hanna', 'hanna@schule.example'),
  };
  await db.insert(t.consent).values({
    networkId: net.id,
    personId: people.frieda,
    purpose: 'mailing',
    givenAt: new Date('2026-01-01T00:00:00Z'),
    givenVia: 'paper',
    textVersion: '1',
    withdrawnAt: new Date('2026-06-01T00:00:00Z'),
    withdrawnVia: 'link',
  });
  const [list] = await db
    .insert(t.distributionList)
    .values({ networkId: net.id, name: 'Einladung Bildungskonferenz', kind: 'static' })
    .returning();
  await db.insert(t.distributionListMember).values(
    [people.anna, people.bernd, people.carla, people.emil, people.frieda].map((personId) => ({
      listId: list!.id,
      personId,
    })),
  );
  return { net, eventId: ev!.id, listId: list!.id, people };
}

const mailings = (_net: TestNetwork, eventId: string) => `/events/${eventId}/mailings`;

async function outboxTo(networkId: string) {
  return ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, networkId));
}

function calendarOf(mail: ParsedMail) {
  const att = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  const comp = new ICAL.Component(ICAL.parse(att!.content.toString('utf8')));
  const vtimezone = comp.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const vevent = comp.getFirstSubcomponent('vevent')!;
  return { method: comp.getFirstPropertyValue('method'), event: new ICAL.Event(vevent), vevent };
}

const actorOf = (net: TestNetwork) => ({
  userId: net.users.office.id,
  name: 'Test office',
  email: net.users.office.email,
  networkId: net.id,
  role: 'office' as const,
  requestId: 'test',
  twoFactorEnabled: false,
});

describe('event invitations', () => {
  it('lets admin and office invite; committee, partner and guest are refused; another network sees nothing', async () => {
    const { net, eventId, listId } = await setting();
    const other = await createNetworkWithMembers(ctx);
    for (const who of ['admin', 'office'] as const)
      expect((await call(net, who, 'GET', `/events/${eventId}/invitations`)).statusCode).toBe(200);
    for (const who of ['committee', 'partner', 'guest'] as const) {
      expect((await call(net, who, 'GET', `/events/${eventId}/invitations`)).statusCode).toBe(403);
      expect((await call(net, who, 'POST', mailings(net, eventId), { listId, ...body() })).statusCode).toBe(
        403,
      );
    }
    const foreign = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/events/${eventId}/invitations`,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await call(other, 'admin', 'GET', `/events/${eventId}/invitations`)).statusCode).toBe(404);
    expect(await outboxTo(net.id)).toHaveLength(0);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const { net, eventId, listId } = await setting();
    for (const payload of [
      { ...body() },
      { listId, subject: '', body: 'x' },
      { listId: 'kein-verteiler', ...body() },
      { kind: 'reminder', subject: 'x' },
    ]) {
      const res = await call(net, 'office', 'POST', mailings(net, eventId), payload);
      expect(res.statusCode).toBe(400);
    }
    const unknown = await call(net, 'office', 'POST', mailings(net, eventId), {
      listId: crypto.randomUUID(),
      ...body(),
    });
    expect(unknown.statusCode).toBe(404);
    const rows = await ctx.database.db
      .select()
      .from(t.eventMailing)
      .where(eq(t.eventMailing.eventId, eventId));
    expect(rows).toHaveLength(0);
  });

  it('previews, sends one mail per person with personal link, .ics and public link, and never twice', async () => {
    const { net, eventId, listId, people } = await setting(`hsk-${crypto.randomUUID().slice(0, 8)}`);
    const preview = (
      await call(net, 'office', 'POST', `/events/${eventId}/mailings/preview`, {
        listId,
        personIds: [people.gero],
        ...body(),
      })
    ).json();
    expect(preview.recipients).toBe(4);
    expect(preview.skipped).toEqual({ consent_withdrawn: 1, no_email: 1 });
    expect(preview.text).toContain('[persönlicher Link]');
    expect(preview.text).toContain('herzlich laden wir Sie');
    expect(await outboxTo(net.id)).toHaveLength(0);

    const sent = await call(net, 'office', 'POST', mailings(net, eventId), {
      listId,
      personIds: [people.gero],
      ...body(),
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      kind: 'invitation',
      status: 'sent',
      recipients: 4,
      sent: 4,
      listName: 'Einladung Bildungskonferenz',
      skipped: { consent_withdrawn: 1, no_email: 1 },
      open: 4,
    });
    const box = await outboxTo(net.id);
    expect(box.map((m) => m.toAddress).sort()).toEqual([
      'anna@schule.example',
      'bernd@schule.example',
      'carla@schule.example',
      'gero@schule.example',
    ]);
    // The outbox never holds a token: only the placeholder.
    for (const m of box) expect(m.textBody).not.toMatch(/veranstaltung\/einladung\/[A-Za-z0-9_-]{10}/);

    // The same list again, plus Hanna: only Hanna is new; the others are skipped as already invited.
    const again = await call(net, 'office', 'POST', mailings(net, eventId), {
      listId,
      personIds: [people.hanna, people.gero],
      ...body(),
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({
      recipients: 1,
      skipped: { already_invited: 4, consent_withdrawn: 1, no_email: 1 },
    });
    const nobody = await call(net, 'office', 'POST', mailings(net, eventId), { listId, ...body() });
    expect(nobody.statusCode).toBe(422);
    expect(await outboxTo(net.id)).toHaveLength(5);

    smtp.received.length = 0;
    await ctx.app.mailWorker!.runOnce();
    const anna = smtp.received.find((m) => m.to && JSON.stringify(m.to).includes('anna@schule.example'))!;
    expect(anna.subject).toBe('Einladung: Bildungskonferenz 2027');
    expect(anna.text).toMatch(/http:\/\/bildungsnetz\.test\/veranstaltung\/einladung\/[A-Za-z0-9_-]{20,}/);
    expect(anna.text).toContain(`/netzwerk/hsk-`);
    expect(anna.text).toMatch(/Keine weiteren E-Mails: http:\/\/bildungsnetz\.test\/abmelden\//);
    const hanna = smtp.received.find((m) => JSON.stringify(m.to).includes('hanna@schule.example'))!;
    expect(hanna.text).toContain('Guten Tag Hanna Beispiel,');
    const cal = calendarOf(anna);
    expect(cal.method).toBe('PUBLISH');
    expect(cal.event.summary).toBe('Bildungskonferenz 2027');
    expect(cal.event.location).toContain('Kreishaus Meschede');
    expect(cal.event.startDate.toJSDate().toISOString()).toBe('2027-02-25T08:00:00.000Z');
    expect(cal.event.endDate.toJSDate().toISOString()).toBe('2027-02-25T15:00:00.000Z');
    expect(cal.vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Berlin');

    const audit = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(and(eq(t.auditEvent.networkId, net.id), eq(t.auditEvent.entityType, 'event_mailing')));
    expect(audit).toHaveLength(2);
  });

  it('two sends of the same list at once invite each person once', async () => {
    const { net, eventId, listId } = await setting();
    const [a, b] = await Promise.all([
      call(net, 'office', 'POST', mailings(net, eventId), { listId, ...body() }),
      call(net, 'admin', 'POST', mailings(net, eventId), { listId, ...body() }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 422]);
    const invitees = await ctx.database.db
      .select()
      .from(t.eventInvitee)
      .where(eq(t.eventInvitee.eventId, eventId));
    expect(invitees).toHaveLength(3);
    expect(await outboxTo(net.id)).toHaveLength(3);
  });

  it('a mailing that crashed half-way continues after a restart and sends each exactly once', async () => {
    const { net, eventId, listId, people } = await setting();
    const deps = ctx.app.deps;
    await expect(
      createMailing(
        deps,
        actorOf(net),
        eventId,
        { kind: 'invitation', listId, personIds: [people.gero, people.hanna], ...body() },
        {
          batchSize: 2,
          afterMail: (n) => {
            if (n === 3) throw new Error('Absturz beim dritten Versand');
          },
        },
      ),
    ).rejects.toThrow('Absturz');
    const [m] = await ctx.database.db
      .select()
      .from(t.eventMailing)
      .where(eq(t.eventMailing.eventId, eventId));
    expect(m).toMatchObject({ status: 'sending', sentCount: 2 });
    expect(await outboxTo(net.id)).toHaveLength(2);

    await resumeMailings(deps);
    await resumeMailings(deps);
    const box = await outboxTo(net.id);
    expect(box).toHaveLength(5);
    expect(new Set(box.map((x) => x.toAddress)).size).toBe(5);
    const invitees = await ctx.database.db
      .select()
      .from(t.eventInvitee)
      .where(eq(t.eventInvitee.eventId, eventId));
    expect(invitees.every((i) => i.mailId && i.invitedAt)).toBe(true);
    expect(new Set(invitees.map((i) => i.mailId)).size).toBe(5);
    const [done] = await ctx.database.db.select().from(t.eventMailing).where(eq(t.eventMailing.id, m!.id));
    expect(done).toMatchObject({ status: 'sent', sentCount: 5 });
  });

  it('reminds only the unanswered, once per reminder; a decline through the link counts', async () => {
    const { net, eventId, listId, people } = await setting();
    // Mails of the tests before go out first: the test SMTP server then holds only this network's.
    while ((await ctx.app.mailWorker!.runOnce()) > 0);
    await call(net, 'office', 'POST', mailings(net, eventId), {
      listId,
      personIds: [people.gero],
      ...body(),
    });
    smtp.received.length = 0;
    await ctx.app.mailWorker!.runOnce();
    const tokenOf = (addr: string) => {
      const mail = smtp.received.find((m) => JSON.stringify(m.to).includes(addr))!;
      return /\/veranstaltung\/einladung\/([A-Za-z0-9_-]+)/.exec(mail.text!)![1]!;
    };
    const annaToken = tokenOf('anna@schule.example');
    const bad = await ctx.as(null, {
      method: 'POST',
      url: '/api/event-invitations/unbekannter-token/decline',
    });
    expect(bad.statusCode).toBe(404);
    for (let i = 0; i < 2; i++) {
      const d = await ctx.as(null, { method: 'POST', url: `/api/event-invitations/${annaToken}/decline` });
      expect(d.statusCode).toBe(200);
      expect(d.json()).toEqual({ eventTitle: 'Bildungskonferenz 2027', declined: true });
    }
    // Bernd registered (the registration part links the invitee).
    const db = ctx.database.db;
    const [reg] = await db
      .insert(t.registration)
      .values({
        networkId: net.id,
        eventId,
        firstName: 'Bernd',
        lastName: 'Beispiel',
        email: 'bernd@schule.example',
        status: 'confirmed',
        source: 'invitation',
      })
      .returning();
    await db
      .update(t.eventInvitee)
      .set({ registrationId: reg!.id })
      .where(and(eq(t.eventInvitee.eventId, eventId), eq(t.eventInvitee.email, 'bernd@schule.example')));
    const berndToken = tokenOf('bernd@schule.example');
    expect(
      (await ctx.as(null, { method: 'POST', url: `/api/event-invitations/${berndToken}/decline` }))
        .statusCode,
    ).toBe(409);

    const preview = (
      await call(net, 'office', 'POST', `/events/${eventId}/mailings/preview`, {
        kind: 'reminder',
        ...body('Erinnerung'),
      })
    ).json();
    expect(preview.recipients).toBe(2);
    // Rows come back in no particular order (a sent mail's row moves on PostgreSQL): compare by id.
    const before = new Set((await outboxTo(net.id)).map((m) => m.id));
    const r = await call(net, 'office', 'POST', mailings(net, eventId), {
      kind: 'reminder',
      ...body('Erinnerung'),
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'reminder', status: 'sent', recipients: 2 });
    const reminders = (await outboxTo(net.id)).filter((m) => !before.has(m.id));
    expect(reminders.map((m) => m.toAddress).sort()).toEqual(['carla@schule.example', 'gero@schule.example']);
    // Everyone reminded: a second reminder right away has nobody to go to.
    const again = await call(net, 'office', 'POST', mailings(net, eventId), {
      kind: 'reminder',
      ...body('Erinnerung'),
    });
    expect(again.statusCode).toBe(422);

    const overview = (await call(net, 'office', 'GET', `/events/${eventId}/invitations`)).json();
    expect(overview.counts).toEqual({ invited: 4, registered: 1, declined: 1, open: 2, remindable: 0 });
    expect(overview.mailings).toHaveLength(2);
    expect(overview.invitees.find((i: { email: string }) => i.email === 'anna@schule.example').answer).toBe(
      'declined',
    );
    expect(overview.draft.subject).toBe('Einladung: Bildungskonferenz 2027');
    expect(overview.draft.body).toContain('Donnerstag, 25.02.2027, von 09:00 bis 16:00 Uhr');
    expect(overview.lists).toEqual([{ id: listId, name: 'Einladung Bildungskonferenz' }]);
  });
});
