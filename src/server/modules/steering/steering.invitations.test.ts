import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';

let ctx: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: '3600000' });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const call = (net: TestNetwork, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(net.users.office.cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

/** The VEVENT of a mail's calendar attachment, parsed by an independent iCalendar parser. */
function eventOf(mail: ParsedMail) {
  const att = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  const comp = new ICAL.Component(ICAL.parse(att!.content.toString('utf8')));
  const vtimezone = comp.getFirstSubcomponent('vtimezone');
  // The calendar's own VTIMEZONE defines Europe/Berlin, as an Outlook client would read it.
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const vevent = comp.getFirstSubcomponent('vevent')!;
  return {
    method: comp.getFirstPropertyValue('method'),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    hasTimezone: Boolean(vtimezone),
    event: new ICAL.Event(vevent),
    vevent,
  };
}

async function deliver() {
  await ctx.app.mailWorker!.runOnce();
}

describe('invitations', () => {
  it('mail every member, deputy and guest an agenda PDF and an Outlook invitation; updates and cancellation follow', async () => {
    const net = await createNetworkWithMembers(ctx);
    const add = async (name: string, side: string, email: string, deputyOf: string | null = null) =>
      (
        await call(net, 'POST', '/committee', {
          name,
          side,
          voting: side !== 'office',
          termFrom: '2020-01-01',
          email,
          deputyOf,
        })
      ).json().id;
    const land = await add('Beispiel Schulamtsdirektorin', 'land', 'land@test.example');
    await add('Beispiel Schulrat', 'land', 'stv@test.example', land);
    await add('Beispiel Dezernentin', 'municipality', '');
    const mtg = (
      await call(net, 'POST', '/meetings', {
        title: 'Lenkungskreis Frühjahr',
        startsAt: '2027-03-12T14:00',
        endsAt: '2027-03-12T16:30',
        location: 'Kreishaus Meschede, Raum 2',
      })
    ).json();
    const empty = await call(net, 'POST', `/meetings/${mtg.id}/invitations`);
    expect(empty.statusCode).toBe(400);
    for (const title of ['Genehmigung der Niederschrift', 'Bericht des Bildungsbüros']) {
      await call(net, 'POST', `/meetings/${mtg.id}/items`, { title, kind: 'information' });
    }
    const third = (
      await call(net, 'POST', `/meetings/${mtg.id}/items`, {
        title: 'Arbeitsauftrag KAoA',
        kind: 'discussion',
      })
    ).json().items[2];
    await call(net, 'POST', `/meetings/${mtg.id}/guests`, {
      name: 'Beispiel Agentur für Arbeit',
      email: 'gast@aa.example',
      topic: 'Berufsberatung',
      itemId: third.id,
    });

    // Only those who manage the committee send: a member, guest or partner is refused before anything
    // is queued (the SEQUENCE below is still 0).
    for (const role of ['committee', 'guest', 'partner'] as const) {
      const refused = await ctx.as(net.users[role].cookie, {
        method: 'POST',
        url: `/api/networks/${net.id}/meetings/${mtg.id}/invitations`,
      });
      expect(refused.statusCode, role).toBe(403);
    }
    const res = await call(net, 'POST', `/meetings/${mtg.id}/invitations`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      sent: 3,
      manualDelivery: [{ name: 'Beispiel Dezernentin', reason: 'keine E-Mail-Adresse hinterlegt' }],
    });
    await deliver();
    const inbox = (to: string) => smtp.received.filter((m) => m.to && JSON.stringify(m.to).includes(to));

    const [member] = inbox('land@test.example');
    expect(member!.subject).toBe('Einladung: Lenkungskreis Frühjahr am 12.03.2027');
    expect(member!.text).toContain('Termin: Freitag, 12.03.2027, von 14:00 bis 16:30 Uhr');
    expect(member!.text).toMatch(/\/antwort\/[A-Za-z0-9_-]{20,}/);
    expect(member!.text).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{20,}\.ics/);
    const inv = eventOf(member!);
    expect(inv.method).toBe('REQUEST');
    expect(inv.hasTimezone).toBe(true);
    expect(inv.tzid).toBe('Europe/Berlin');
    expect(inv.event.startDate.toJSDate().toISOString()).toBe('2027-03-12T13:00:00.000Z');
    expect(inv.event.endDate.toJSDate().toISOString()).toBe('2027-03-12T15:30:00.000Z');
    expect(inv.event.sequence).toBe(0);
    const uid = inv.event.uid;
    const agenda = await readPdf(member!.attachments.find((a) => a.filename === 'Tagesordnung.pdf')!.content);
    expect(agenda.tagged).toBe(true);
    expect(agenda.language).toBe('de-DE');
    expect(agenda.text).toContain('Termin: Freitag, 12.03.2027, von 14:00 bis 16:30 Uhr');
    expect(agenda.text).toContain('TOP 1 Genehmigung der Niederschrift');
    expect(agenda.text).toContain('TOP 3 Arbeitsauftrag KAoA');
    expect(agenda.bookmarks).toContain('Tagesordnung');

    expect(inbox('stv@test.example')).toHaveLength(1);
    const guestMail = inbox('gast@aa.example')[0]!;
    const guestAgenda = await readPdf(
      guestMail.attachments.find((a) => a.filename === 'Tagesordnung.pdf')!.content,
    );
    expect(guestAgenda.text).toContain('TOP 3 Arbeitsauftrag KAoA');
    expect(guestAgenda.text).not.toContain('Bericht des Bildungsbüros');
    expect(guestMail.text).toContain('als Gast (beratend)');

    // Moved across the change to summer time: an update with the next SEQUENCE, same UID.
    const moved = await call(net, 'PUT', `/meetings/${mtg.id}`, {
      title: 'Lenkungskreis Frühjahr',
      startsAt: '2027-04-02T14:00',
      endsAt: '2027-04-02T16:30',
      location: 'Kreishaus Meschede, Raum 2',
    });
    expect(moved.statusCode).toBe(200);
    await deliver();
    const update = inbox('land@test.example').find((m) => m.subject?.startsWith('Änderung'))!;
    const upd = eventOf(update);
    expect(upd.event.uid).toBe(uid);
    expect(upd.event.sequence).toBe(1);
    expect(upd.event.startDate.toJSDate().toISOString()).toBe('2027-04-02T12:00:00.000Z');

    const cancel = await call(net, 'POST', `/meetings/${mtg.id}/cancel`, {
      reason: 'Terminkollision mit der Bildungskonferenz',
    });
    expect(cancel.statusCode).toBe(200);
    await deliver();
    const cancelled = inbox('land@test.example').find((m) => m.subject?.startsWith('Abgesagt'))!;
    const c = eventOf(cancelled);
    expect(c.method).toBe('CANCEL');
    expect(c.event.uid).toBe(uid);
    expect(c.event.sequence).toBe(2);
    expect(c.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.text).toContain('Terminkollision');
  });

  it('takes replies through the personal link and offers each member a calendar subscription', async () => {
    const net = await createNetworkWithMembers(ctx);
    const land = (
      await call(net, 'POST', '/committee', {
        name: 'Beispiel Mitglied',
        side: 'land',
        voting: true,
        termFrom: '2020-01-01',
        email: 'mitglied@test.example',
      })
    ).json().id;
    await call(net, 'POST', '/committee', {
      name: 'Beispiel Stellvertretung',
      side: 'land',
      voting: true,
      termFrom: '2020-01-01',
      email: 'stv2@test.example',
      deputyOf: land,
    });
    const mtg = (
      await call(net, 'POST', '/meetings', {
        title: 'Herbstsitzung',
        startsAt: '2027-10-08T14:00',
        endsAt: '2027-10-08T16:00',
        location: 'Kreishaus',
      })
    ).json();
    await call(net, 'POST', `/meetings/${mtg.id}/items`, { title: 'Bericht', kind: 'information' });
    await call(net, 'POST', `/meetings/${mtg.id}/invitations`);
    await deliver();
    const mail = smtp.received.find(
      (m) =>
        m.subject?.startsWith('Einladung: Herbstsitzung') &&
        JSON.stringify(m.to).includes('mitglied@test.example'),
    )!;
    const token = mail.text!.match(/\/antwort\/([A-Za-z0-9_-]+)/)![1]!;
    const info = await ctx.as(null, { method: 'GET', url: `/api/meeting-replies/${token}` });
    expect(info.json()).toMatchObject({
      meetingTitle: 'Herbstsitzung',
      name: 'Beispiel Mitglied',
      hasDeputy: true,
      reply: null,
    });
    const answered = await ctx.as(null, {
      method: 'POST',
      url: `/api/meeting-replies/${token}`,
      payload: { reply: 'deputy' },
    });
    expect(answered.json().reply).toBe('deputy');
    const recipients = (await call(net, 'GET', `/meetings/${mtg.id}/recipients`)).json();
    expect(recipients.find((r: { name: string }) => r.name === 'Beispiel Mitglied').reply).toBe('deputy');
    expect(
      (
        await ctx.as(null, {
          method: 'POST',
          url: `/api/meeting-replies/${token}`,
          payload: { reply: 'vielleicht' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await ctx.as(null, { method: 'GET', url: `/api/meeting-replies/${'x'.repeat(32)}` })).statusCode,
    ).toBe(404);

    const feedUrl = mail.text!.match(/(\/api\/calendar\/[A-Za-z0-9_-]+\.ics)/)![1]!;
    const feed = await ctx.as(null, { method: 'GET', url: feedUrl });
    expect(feed.headers['content-type']).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(feed.body));
    expect(comp.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(comp.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'))).toEqual([
      'Herbstsitzung',
    ]);
    expect(
      (await ctx.as(null, { method: 'GET', url: `/api/calendar/${'y'.repeat(32)}.ics` })).statusCode,
    ).toBe(404);
  });
});
