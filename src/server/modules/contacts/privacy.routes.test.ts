import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  networkCaller,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { backupText } from '../../../../tests/helpers/backup.js';
import * as t from '../../db/schema.js';
import { linkForMail, renderPersonalLinks } from '../links/links.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { insertInstitution, insertPerson } from './records.service.js';

let clock = new Date('2027-03-01T09:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => clock });
});
afterAll(() => ctx.close());

const call = networkCaller(() => ctx);
const pub = (method: 'GET' | 'POST', url: string) => ctx.as(null, { method, url: `/api${url}` });

async function jana(net: TestNetwork, extra: Partial<typeof t.person.$inferInsert> = {}) {
  return insertPerson(ctx.database.db, {
    networkId: net.id,
    salutation: 'Frau',
    firstName: 'Jana',
    lastName: 'Müller-Beispiel',
    email: 'jana.mueller-beispiel@schule.example',
    phone: '02961 123456',
    legalBasis: 'consent',
    ...extra,
  });
}

/** A list mail to the person with the withdrawal link, delivered: the token as the mail carries it. */
async function withdrawalToken(
  net: TestNetwork,
  personId: string,
  expiresAt: Date,
  to = { address: 'jana.mueller-beispiel@schule.example', name: 'Jana Müller-Beispiel' },
) {
  const text = await ctx.database.db.transaction(async (tx) => {
    const link = await linkForMail(tx, {
      networkId: net.id,
      purpose: 'consent_withdrawal',
      personId,
      expiresAt,
    });
    const body = `Guten Tag,\n\nKeine weiteren E-Mails: ${link}`;
    await enqueueMail(tx, {
      networkId: net.id,
      to: to.address,
      toName: to.name,
      subject: 'Rundmail an Verteiler: Einladung Bildungskonferenz',
      text: body,
    });
    return body;
  });
  const delivered = await renderPersonalLinks(ctx.database.db, BASE_URL, text);
  return delivered.match(/\/abmelden\/([A-Za-z0-9_-]{20,})/)![1]!;
}

describe('consents', () => {
  it('are given and withdrawn by the office, never overwritten, each audited; other roles may not', async () => {
    const net = await createNetworkWithMembers(ctx);
    const other = await createNetworkWithMembers(ctx);
    const p = await jana(net);
    const given = await call(net, 'office', 'POST', `/contacts/people/${p.id}/consents`, {
      purpose: 'mailing',
      givenOn: '2027-02-20',
      givenVia: 'paper',
      textVersion: 'Verteiler 2027-01',
    });
    expect(given.statusCode, given.body).toBe(201);
    const c = given.json().consents[0];
    expect(c).toMatchObject({
      purpose: 'mailing',
      givenVia: 'paper',
      textVersion: 'Verteiler 2027-01',
      withdrawnAt: null,
    });
    expect(given.json().legalBasis).toBe('consent');

    // The person is told, with the one-click withdrawal link (a placeholder until the mail leaves).
    const [confirmation] = await ctx.database.db
      .select()
      .from(t.outboxMail)
      .where(eq(t.outboxMail.networkId, net.id));
    expect(confirmation).toMatchObject({
      toAddress: 'jana.mueller-beispiel@schule.example',
      subject: `Ihre Einwilligung: E-Mails von „${net.name}“`,
    });
    expect(confirmation!.textBody).toMatch(/mit einem Klick widerrufen: \[\[personal-link:[0-9a-f-]{36}\]\]/);
    const w = await call(net, 'admin', 'POST', `/contacts/people/${p.id}/consents/${c.id}/withdraw`, {
      via: 'email',
    });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().consents[0]).toMatchObject({ id: c.id, withdrawnVia: 'email', givenVia: 'paper' });
    const again = await call(net, 'office', 'POST', `/contacts/people/${p.id}/consents/${c.id}/withdraw`, {
      via: 'email',
    });
    expect(again.statusCode).toBe(409);
    // Given again: a new row, the withdrawn one stays as evidence.
    await call(net, 'office', 'POST', `/contacts/people/${p.id}/consents`, {
      purpose: 'mailing',
      givenVia: 'form',
      textVersion: 'Verteiler 2027-02',
    });
    const list = await call(net, 'committee', 'GET', `/contacts/people/${p.id}/consents`);
    expect(list.statusCode).toBe(403);
    expect(
      (await call(net, 'office', 'GET', `/contacts/people/${p.id}/consents`)).json().consents,
    ).toHaveLength(2);

    const bad = await call(net, 'office', 'POST', `/contacts/people/${p.id}/consents`, {
      purpose: 'mailing',
      givenVia: 'fax',
      textVersion: '',
    });
    expect(bad.statusCode).toBe(400);
    for (const who of ['committee', 'guest', 'partner'] as const) {
      expect(
        (
          await call(net, who, 'POST', `/contacts/people/${p.id}/consents`, {
            purpose: 'photos',
            givenVia: 'form',
            textVersion: 'x',
          })
        ).statusCode,
      ).toBe(403);
      expect((await call(net, who, 'GET', `/contacts/people/${p.id}/export.json`)).statusCode).toBe(403);
      expect(
        (await call(net, who, 'POST', `/contacts/people/${p.id}/erase`, { reason: 'Auf Wunsch' })).statusCode,
      ).toBe(403);
      expect((await call(net, who, 'GET', '/contacts/retention')).statusCode).toBe(403);
    }
    // Another network's admin does not even learn that the person exists.
    const foreign = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/contacts/people/${p.id}/consents`,
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (
        await ctx.as(other.users.admin.cookie, {
          method: 'GET',
          url: `/api/networks/${net.id}/contacts/people/${p.id}/consents`,
        })
      ).statusCode,
    ).toBe(404);

    const audit = (await call(net, 'admin', 'GET', '/audit?entityType=consent')).json();
    expect(audit.items.map((i: { summary: string }) => i.summary)).toEqual([
      'Einwilligung „E-Mails über Verteiler“ erfasst (Verteiler 2027-02)',
      'Einwilligung „E-Mails über Verteiler“ widerrufen',
      'Einwilligung „E-Mails über Verteiler“ erfasst (Verteiler 2027-01)',
    ]);
  });
});

describe('the withdrawal link', () => {
  it('shows whose link it is and withdraws the mailing consent with one click, audited "über persönlichen Link"', async () => {
    clock = new Date('2027-03-01T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const p = await jana(net);
    await call(net, 'office', 'POST', `/contacts/people/${p.id}/consents`, {
      purpose: 'mailing',
      givenVia: 'form',
      textVersion: 'Verteiler 2027-01',
    });
    const token = await withdrawalToken(net, p.id, new Date('2028-03-01T09:00:00Z'));
    const info = await pub('GET', `/consent-withdrawals/${token}`);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toEqual({
      networkName: net.name,
      personName: 'Jana Müller-Beispiel',
      withdrawn: false,
    });
    const done = await pub('POST', `/consent-withdrawals/${token}`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().withdrawn).toBe(true);
    // Clicking again changes nothing.
    expect((await pub('POST', `/consent-withdrawals/${token}`)).json().withdrawn).toBe(true);
    const consents = (await call(net, 'office', 'GET', `/contacts/people/${p.id}/consents`)).json().consents;
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ withdrawnVia: 'link', objection: false });
    const audit = (await call(net, 'admin', 'GET', '/audit?entityType=consent')).json().items;
    expect(audit[0]).toMatchObject({
      actorName: 'über persönlichen Link',
      summary: 'Einwilligung „E-Mails über Verteiler“ über persönlichen Link widerrufen',
    });
  });

  it('records an objection when no consent was on file', async () => {
    clock = new Date('2027-03-01T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const p = await jana(net, { legalBasis: 'public_task' });
    const token = await withdrawalToken(net, p.id, new Date('2028-03-01T09:00:00Z'));
    expect((await pub('POST', `/consent-withdrawals/${token}`)).statusCode).toBe(200);
    const [c] = (await call(net, 'office', 'GET', `/contacts/people/${p.id}/consents`)).json().consents;
    expect(c).toMatchObject({ purpose: 'mailing', givenVia: 'link', withdrawnVia: 'link', objection: true });
    expect(c.givenAt).toBe(c.withdrawnAt);
  });

  it('answers 404 for an unknown token, 410 when expired and 410 when revoked by erasure', async () => {
    clock = new Date('2027-03-01T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const p = await jana(net);
    expect((await pub('GET', `/consent-withdrawals/${'x'.repeat(43)}`)).statusCode).toBe(404);
    const token = await withdrawalToken(net, p.id, new Date('2027-04-01T09:00:00Z'));
    expect((await pub('GET', `/consent-withdrawals/${token}`)).statusCode).toBe(200);
    clock = new Date('2027-04-01T09:00:01Z');
    const expired = await pub('POST', `/consent-withdrawals/${token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.message).toContain('abgelaufen');
    clock = new Date('2027-03-02T09:00:00Z');
    const token2 = await withdrawalToken(net, p.id, new Date('2028-04-01T09:00:00Z'));
    expect(
      (await call(net, 'office', 'POST', `/contacts/people/${p.id}/erase`, { reason: 'Auf eigenen Wunsch' }))
        .statusCode,
    ).toBe(200);
    const revoked = await pub('GET', `/consent-withdrawals/${token2}`);
    expect(revoked.statusCode).toBe(410);
    expect(revoked.json().error.message).toBe('Dieser persönliche Link gilt nicht mehr.');
  });
});

describe('erasure', () => {
  it('leaves no personal data anywhere (rows, outbox, search, audit, backup) and keeps the counts', async () => {
    clock = new Date('2027-03-01T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const db = ctx.database.db;
    const p = await jana(net, {
      firstName: 'Ilse',
      lastName: 'Schröder-Testfall',
      email: 'ilse.schroeder-testfall@schule.example',
      phone: '02961 987654',
      notes: 'Telefonisch am besten vormittags',
      multiplier: true,
      multiplierTopics: ['Übergang Schule–Beruf'],
    });
    const school = await insertInstitution(db, {
      networkId: net.id,
      name: 'Beispiel-Gymnasium Brilon',
      type: 'school',
      schoolNumber: '123456',
      place: 'Brilon',
    });
    await db
      .insert(t.affiliation)
      .values({ networkId: net.id, personId: p.id, institutionId: school.id, function: 'StuBO' });
    const [list] = await db
      .insert(t.distributionList)
      .values({ networkId: net.id, name: 'Einladung Bildungskonferenz', kind: 'static' })
      .returning();
    await db.insert(t.distributionListMember).values({ listId: list!.id, personId: p.id });
    await call(net, 'office', 'POST', `/contacts/people/${p.id}/consents`, {
      purpose: 'mailing',
      givenVia: 'form',
      textVersion: 'Verteiler 2027-01',
    });
    await withdrawalToken(net, p.id, new Date('2028-03-01T09:00:00Z'), {
      address: 'ilse.schroeder-testfall@schule.example',
      name: 'Ilse Schröder-Testfall',
    });
    // Invited as a guest to a meeting, with the invitation mailed.
    const mtg = (
      await call(net, 'office', 'POST', '/meetings', {
        title: 'Frühjahrssitzung',
        startsAt: '2027-03-12T14:00',
        endsAt: '2027-03-12T16:00',
        location: 'Kreishaus Meschede',
      })
    ).json();
    await call(net, 'office', 'POST', `/meetings/${mtg.id}/items`, {
      title: 'Bericht',
      kind: 'information',
      durationMinutes: 15,
    });
    const g = await call(net, 'office', 'POST', `/meetings/${mtg.id}/guests`, {
      name: 'Dr. Ilse Schröder-Testfall',
      email: 'Ilse.Schroeder-Testfall@schule.example',
      topic: 'Berufsorientierung',
      itemId: null,
    });
    expect(g.statusCode, g.body).toBeLessThan(300);
    await db.update(t.guest).set({ personId: p.id }).where(eq(t.guest.meetingId, mtg.id));
    const inv = await call(net, 'office', 'POST', `/meetings/${mtg.id}/invitations`);
    expect(inv.statusCode, inv.body).toBe(200);
    const mailsBefore = (await db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, net.id)))
      .length;
    // Found by search before.
    const [found] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(t.person)
      .where(sql`search_vector @@ to_tsquery('simple', 'schroeder:*')`);
    expect(found!.n).toBeGreaterThan(0);

    const before = await backupText(ctx.app);

    const erased = await call(net, 'office', 'POST', `/contacts/people/${p.id}/erase`, {
      reason: 'Auf Wunsch von Frau Schröder-Testfall',
    });
    expect(erased.statusCode, erased.body).toBe(200);

    const dump = await backupText(ctx.app);
    // Each as a word of its own: random tokens in the dump (sessions, ids) may hold "ilse" inside them.
    const secrets = ['Schröder-Testfall', 'schroeder-testfall', 'Ilse', '02961 987654', 'vormittags'];
    const asWord = (w: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    for (const secret of secrets) {
      expect(before, secret).toMatch(asWord(secret));
      expect(dump, secret).not.toMatch(asWord(secret));
    }
    const [row] = await db.select().from(t.person).where(eq(t.person.id, p.id));
    expect(row).toMatchObject({
      firstName: '',
      lastName: 'Gelöschte Person',
      email: null,
      phone: null,
      searchText: '',
      multiplier: false,
    });
    expect(row!.erasedAt).not.toBeNull();
    expect(await db.select().from(t.affiliation).where(eq(t.affiliation.personId, p.id))).toHaveLength(0);
    expect(
      await db.select().from(t.distributionListMember).where(eq(t.distributionListMember.personId, p.id)),
    ).toHaveLength(0);
    // Consents stay as anonymous evidence.
    expect(await db.select().from(t.consent).where(eq(t.consent.personId, p.id))).toHaveLength(1);
    // Counts kept: the meeting still has its guest, the outbox its mails.
    const meeting = (await call(net, 'office', 'GET', `/meetings/${mtg.id}`)).json();
    expect(meeting.guests).toHaveLength(1);
    expect(meeting.guests[0].name).toBe('Gelöschte Person');
    const mails = await db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, net.id));
    expect(mails).toHaveLength(mailsBefore);
    const toHer = mails.filter((m) => m.toAddress === '[gelöscht]');
    // The consent's confirmation, the list mail and the meeting invitation.
    expect(toHer.length).toBe(3);
    expect(toHer.every((m) => m.status !== 'pending' && m.textBody === '[Inhalt gelöscht]')).toBe(true);
    // The audit list shows the entries anonymised, and the erasure without the name.
    const audit = (await call(net, 'admin', 'GET', '/audit?pageSize=100')).json().items as Array<{
      summary: string;
      entityType: string;
    }>;
    expect(audit[0]).toMatchObject({ summary: 'Person gelöscht (anonymisiert)', entityType: 'person' });
    expect(audit.some((e) => e.summary.includes('[gelöscht]'))).toBe(true);
    expect(JSON.stringify(audit)).not.toMatch(/Schröder-Testfall|schroeder-testfall/i);
    // A second erasure is refused; search finds nothing.
    expect(
      (await call(net, 'office', 'POST', `/contacts/people/${p.id}/erase`, { reason: 'nochmal' })).statusCode,
    ).toBe(409);
  });

  it('is refused for a committee member, naming the membership', async () => {
    const net = await createNetworkWithMembers(ctx);
    const p = await jana(net);
    const m = await call(net, 'office', 'POST', '/committee', {
      name: 'Jana Müller-Beispiel',
      side: 'municipality',
      voting: true,
      termFrom: '2026-01-01',
      email: 'jm@u.example',
    });
    expect(m.statusCode, m.body).toBe(201);
    await ctx.database.db
      .update(t.committeeMember)
      .set({ personId: p.id })
      .where(eq(t.committeeMember.networkId, net.id));
    const info = (await call(net, 'office', 'GET', `/contacts/people/${p.id}/consents`)).json();
    expect(info.erasureBlockedBy).toContain('Mitglied im Lenkungskreis');
    const r = await call(net, 'office', 'POST', `/contacts/people/${p.id}/erase`, { reason: 'Auf Wunsch' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain(
      'Mitglied im Lenkungskreis (Jana Müller-Beispiel, seit 01.01.2026)',
    );
    const [row] = await ctx.database.db.select().from(t.person).where(eq(t.person.id, p.id));
    expect(row!.erasedAt).toBeNull();
  });

  it('is refused for a person with an account in the network, naming it', async () => {
    const net = await createNetworkWithMembers(ctx);
    const p = await jana(net, { userId: net.users.partner.id });
    const r = await call(net, 'office', 'POST', `/contacts/people/${p.id}/erase`, { reason: 'Auf Wunsch' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('Benutzerkonto');
    const [row] = await ctx.database.db.select().from(t.person).where(eq(t.person.id, p.id));
    expect(row!.erasedAt).toBeNull();
  });

  it('the audit trail still refuses changes outside an erasure', async () => {
    await expect(
      ctx.database.db.execute(
        sql`update audit_event set summary = 'x' where seq = (select max(seq) from audit_event)`,
      ),
    ).rejects.toThrow();
  });
});

describe('access export', () => {
  it('holds the record, consents, lists, guest invitations, mails and audit entries, as JSON and PDF', async () => {
    clock = new Date('2027-03-01T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const db = ctx.database.db;
    const p = await jana(net);
    const [list] = await db
      .insert(t.distributionList)
      .values({ networkId: net.id, name: 'Multiplikatoren Übergang Schule–Beruf', kind: 'static' })
      .returning();
    await db.insert(t.distributionListMember).values({ listId: list!.id, personId: p.id });
    await call(net, 'office', 'POST', `/contacts/people/${p.id}/consents`, {
      purpose: 'photos',
      givenVia: 'form',
      textVersion: 'Fotos 2027',
    });
    await withdrawalToken(net, p.id, new Date('2028-03-01T09:00:00Z'));
    const r = await call(net, 'office', 'GET', `/contacts/people/${p.id}/export.json`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toContain('attachment');
    const d = r.json();
    expect(d.person).toMatchObject({
      firstName: 'Jana',
      lastName: 'Müller-Beispiel',
      email: 'jana.mueller-beispiel@schule.example',
    });
    expect(d.consents).toEqual([expect.objectContaining({ purpose: 'photos', textVersion: 'Fotos 2027' })]);
    expect(d.distributionLists).toEqual([
      expect.objectContaining({ name: 'Multiplikatoren Übergang Schule–Beruf' }),
    ]);
    expect(d.mails).toEqual([
      expect.objectContaining({ subject: 'Rundmail an Verteiler: Einladung Bildungskonferenz' }),
    ]);
    expect(d.auditEntries.map((e: { summary: string }) => e.summary)).toContain(
      'Einwilligung „Fotos“ erfasst (Fotos 2027)',
    );
    const pdf = await call(net, 'admin', 'GET', `/contacts/people/${p.id}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = (await call(net, 'admin', 'GET', '/audit?entityType=person')).json().items;
    expect(audit.map((e: { summary: string }) => e.summary)).toEqual([
      'Auskunft über gespeicherte Daten erstellt (PDF)',
      'Auskunft über gespeicherte Daten erstellt (JSON)',
    ]);
  });
});

describe('retention', () => {
  it('offers due records to the archive once, deletes only after export or decline, each step audited', async () => {
    clock = new Date('2027-03-01T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const old = await jana(net, { updatedAt: new Date('2023-01-10T09:00:00Z') });
    await insertPerson(ctx.database.db, {
      networkId: net.id,
      lastName: 'Aktiv',
      lastActivityAt: new Date('2026-12-01T09:00:00Z'),
    });
    const ov = (await call(net, 'office', 'GET', '/contacts/retention')).json();
    expect(ov.rules).toContainEqual({ recordType: 'inactive_person', months: 36 });
    expect(ov.due).toEqual([]);
    const saved = await call(net, 'office', 'PUT', '/contacts/retention/rules', {
      rules: [{ recordType: 'outbox_mail', months: 6 }],
    });
    expect(saved.json().rules).toContainEqual({ recordType: 'outbox_mail', months: 6 });
    expect(
      (
        await call(net, 'office', 'PUT', '/contacts/retention/rules', {
          rules: [{ recordType: 'outbox_mail', months: 0 }],
        })
      ).statusCode,
    ).toBe(400);

    expect((await call(net, 'office', 'POST', '/contacts/retention/run')).json()).toEqual({ offered: 1 });
    expect((await call(net, 'office', 'POST', '/contacts/retention/run')).json()).toEqual({ offered: 0 });
    const due = (await call(net, 'office', 'GET', '/contacts/retention')).json().due;
    expect(due).toEqual([
      expect.objectContaining({
        recordType: 'inactive_person',
        recordId: old.id,
        label: 'Jana Müller-Beispiel',
        exportedAt: null,
      }),
    ]);

    const early = await call(net, 'office', 'POST', `/contacts/retention/cases/${due[0].id}/delete`);
    expect(early.statusCode).toBe(409);
    const archive = await call(net, 'office', 'POST', '/contacts/retention/archive-export');
    expect(archive.statusCode, archive.body).toBe(200);
    expect(archive.json().people).toEqual([expect.objectContaining({ lastName: 'Müller-Beispiel' })]);
    const del = await call(net, 'office', 'POST', `/contacts/retention/cases/${due[0].id}/delete`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().due).toEqual([]);
    const [row] = await ctx.database.db.select().from(t.person).where(eq(t.person.id, old.id));
    expect(row!.lastName).toBe('Gelöschte Person');
    const audit = (await call(net, 'admin', 'GET', '/audit?entityType=retention_case')).json().items;
    expect(audit.map((e: { summary: string }) => e.summary)).toEqual([
      '1 Datensatz für das Archiv exportiert',
      '1 Datensatz nach Ablauf der Aufbewahrungsfrist dem Archiv angeboten',
    ]);
  });
});

describe('retention of people who withdrew', () => {
  it('offers them after the shorter period once; the archive may decline, then they are deleted', async () => {
    clock = new Date('2027-03-01T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const db = ctx.database.db;
    const p = await insertPerson(db, {
      networkId: net.id,
      firstName: 'Olaf',
      lastName: 'Widerruf-Test',
      legalBasis: 'consent',
      lastActivityAt: new Date('2026-08-01T09:00:00Z'),
    });
    await db.insert(t.consent).values({
      networkId: net.id,
      personId: p.id,
      purpose: 'mailing',
      givenAt: new Date('2026-01-01T09:00:00Z'),
      givenVia: 'form',
      textVersion: 'V1',
      withdrawnAt: new Date('2026-08-01T09:00:00Z'),
      withdrawnVia: 'link',
    });
    // Withdrawn 7 months ago: due after 6 months, although active within 36 months.
    expect((await call(net, 'office', 'POST', '/contacts/retention/run')).json()).toEqual({ offered: 1 });
    const [c] = (await call(net, 'office', 'GET', '/contacts/retention')).json().due;
    expect(c).toMatchObject({ recordType: 'withdrawn_person', label: 'Olaf Widerruf-Test' });
    const declined = await call(net, 'office', 'POST', `/contacts/retention/cases/${c.id}/decline`);
    expect(declined.json().due[0].declinedAt).not.toBeNull();
    expect((await call(net, 'office', 'POST', `/contacts/retention/cases/${c.id}/delete`)).statusCode).toBe(
      200,
    );
    const [row] = await db.select().from(t.person).where(eq(t.person.id, p.id));
    expect(row!.erasedAt).not.toBeNull();
    // Erased people are never offered again.
    expect((await call(net, 'office', 'POST', '/contacts/retention/run')).json()).toEqual({ offered: 0 });
  });
});
