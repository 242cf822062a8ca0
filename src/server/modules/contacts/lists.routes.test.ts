import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  networkCaller,
  type TestApp,
} from '../../../../tests/helpers/app.js';
import { secondaryOneSchoolTypes } from '../../../contracts/contacts.js';
import * as t from '../../db/schema.js';
import { insertInstitution, insertPerson } from './records.service.js';

const clock = new Date('2027-03-01T09:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => clock });
});
afterAll(() => ctx.close());

const call = networkCaller(() => ctx);

/**
 * A small address book: Sek I and primary schools in Brilon, Olsberg and Winterberg, heads of school with
 * and without address or consent, multipliers, an erased person.
 */
async function addressBook() {
  const net = await createNetworkWithMembers(ctx);
  const db = ctx.database.db;
  const [brilon, olsberg, winterberg] = await db
    .insert(t.municipality)
    .values([
      { networkId: net.id, regionKey: '05958004', name: 'Brilon' },
      { networkId: net.id, regionKey: '05958032', name: 'Olsberg' },
      { networkId: net.id, regionKey: '05958048', name: 'Winterberg' },
    ])
    .returning();
  const school = (name: string, schoolType: string, m: typeof brilon, num: string) =>
    insertInstitution(db, {
      networkId: net.id,
      name,
      type: 'school',
      schoolType,
      schoolNumber: num,
      municipalityId: m!.id,
      place: m!.name,
    });
  const gymBrilon = await school('Beispiel-Gymnasium Brilon', 'Gymnasium', brilon, '100001');
  const rsOlsberg = await school('Beispiel-Realschule Olsberg', 'Realschule', olsberg, '100002');
  const gsBrilon = await school('Beispiel-Grundschule Brilon', 'Grundschule', brilon, '100003');
  const gymWinterberg = await school('Beispiel-Gymnasium Winterberg', 'Gymnasium', winterberg, '100004');
  const people: Record<string, string> = {};
  const add = async (
    key: string,
    values: Partial<typeof t.person.$inferInsert>,
    at?: { institutionId: string; function: string },
  ) => {
    const p = await insertPerson(db, {
      networkId: net.id,
      firstName: key,
      lastName: `${key}-Beispiel`,
      email: `${key.toLowerCase()}@schule.example`,
      ...values,
    });
    if (at) await db.insert(t.affiliation).values({ networkId: net.id, personId: p.id, ...at });
    people[key] = p.id;
    return p;
  };
  await add(
    'Anna',
    { salutation: 'Frau', lastName: 'Müller' },
    { institutionId: gymBrilon.id, function: 'Schulleitung' },
  );
  await add('Bernd', {}, { institutionId: rsOlsberg.id, function: 'SCHULLEITUNG (kommissarisch)' });
  await add('Carla', {}, { institutionId: gsBrilon.id, function: 'Schulleitung' });
  await add('Dieter', {}, { institutionId: gymWinterberg.id, function: 'Schulleitung' });
  await add('Emil', { email: null }, { institutionId: rsOlsberg.id, function: 'stellv. Schulleitung' });
  await add('Frieda', {}, { institutionId: gymBrilon.id, function: 'Schulleitung' });
  await add('Gero', {}, { institutionId: gymBrilon.id, function: 'StuBO' });
  await add('Hanna', { multiplier: true, multiplierTopics: ['Übergang Schule–Beruf'] });
  await add('Ingo', { multiplier: true, multiplierTopics: ['Übergang Schule–Beruf', 'Inklusion'] });
  await add('Jonas', { multiplier: true, multiplierTopics: ['Inklusion'] });
  await add('Erika', { lastName: 'Gelöschte Person', email: null, erasedAt: clock });
  await db.insert(t.consent).values([
    // Frieda clicked "keine weiteren E-Mails".
    {
      networkId: net.id,
      personId: people.Frieda!,
      purpose: 'mailing',
      givenAt: new Date('2026-01-01T00:00:00Z'),
      givenVia: 'form',
      textVersion: 'Verteiler 2026-01',
      withdrawnAt: new Date('2026-06-01T00:00:00Z'),
      withdrawnVia: 'link',
    },
    {
      networkId: net.id,
      personId: people.Hanna!,
      purpose: 'mailing',
      givenAt: new Date('2026-01-01T00:00:00Z'),
      givenVia: 'form',
      textVersion: 'Verteiler 2026-01',
    },
  ]);
  return { net, people, brilon: brilon!, olsberg: olsberg!, winterberg: winterberg! };
}

const sekOneHeads = (m: string[]) => ({
  name: 'Schulleitungen Sek I in Brilon und Olsberg',
  kind: 'dynamic',
  filter: {
    institutionTypes: ['school'],
    schoolTypes: [...secondaryOneSchoolTypes],
    municipalityIds: m,
    functions: ['schulleitung'],
  },
});

describe('distribution lists by role', () => {
  it('admin and office manage lists; committee, guests and partners get 403; another network 404', async () => {
    const { net } = await addressBook();
    const other = await createNetworkWithMembers(ctx);
    const created = await call(net, 'office', 'POST', '/contacts/lists', {
      name: 'Feste Liste',
      kind: 'static',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    for (const who of ['admin', 'office'] as const) {
      expect((await call(net, who, 'GET', '/contacts/lists')).statusCode).toBe(200);
      expect((await call(net, who, 'GET', `/contacts/lists/${id}/preview`)).statusCode).toBe(200);
    }
    for (const who of ['committee', 'guest', 'partner'] as const) {
      expect((await call(net, who, 'GET', '/contacts/lists')).statusCode).toBe(403);
      expect((await call(net, who, 'GET', `/contacts/lists/${id}`)).statusCode).toBe(403);
      expect(
        (await call(net, who, 'POST', '/contacts/lists', { name: 'X-Liste', kind: 'static' })).statusCode,
      ).toBe(403);
      expect(
        (await call(net, who, 'POST', `/contacts/lists/${id}/mail`, { subject: 'Hallo', text: 'Hallo Welt' }))
          .statusCode,
      ).toBe(403);
    }
    const foreign = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/contacts/lists/${id}`,
    });
    expect(foreign.statusCode).toBe(404);
    // Another network's admin in their own network does not find the list either.
    expect((await call(other, 'admin', 'GET', `/contacts/lists/${id}`)).statusCode).toBe(404);
    expect((await call(other, 'admin', 'GET', '/contacts/lists')).json()).toEqual([]);
  });
});

describe('dynamic lists and their preview', () => {
  it('"Schulleitungen Sek I in Brilon und Olsberg": the right heads, folded function, reasons for the others', async () => {
    const { net, people, brilon, olsberg } = await addressBook();
    const body = sekOneHeads([brilon.id, olsberg.id]);
    const unsaved = await call(net, 'office', 'POST', '/contacts/lists/preview', { filter: body.filter });
    expect(unsaved.statusCode, unsaved.body).toBe(200);
    const r = await call(net, 'office', 'POST', '/contacts/lists', body);
    expect(r.statusCode, r.body).toBe(201);
    const list = r.json();
    expect(list).toMatchObject({ kind: 'dynamic', includedCount: 2, excludedCount: 2, version: 1 });
    const p = (await call(net, 'office', 'GET', `/contacts/lists/${list.id}/preview`)).json();
    expect(p).toEqual(unsaved.json());
    expect(p.included.map((x: { name: string }) => x.name)).toEqual(['Bernd Bernd-Beispiel', 'Anna Müller']);
    expect(p.included[1]).toMatchObject({
      personId: people.Anna,
      email: 'anna@schule.example',
      affiliations: [{ institution: 'Beispiel-Gymnasium Brilon', function: 'Schulleitung', place: 'Brilon' }],
    });
    // Emil is "stellv. Schulleitung": contains the word, has no address; Frieda objected.
    expect(p.excluded.map((x: { personId: string; reason: string }) => [x.personId, x.reason])).toEqual([
      [people.Emil, 'no_email'],
      [people.Frieda, 'consent_withdrawn'],
    ]);
    expect(p.counts).toEqual({
      included: 2,
      excluded: 2,
      noEmail: 1,
      noConsent: 0,
      consentWithdrawn: 1,
      erased: 0,
    });
  });

  it('a withdrawn consent takes a person off at once', async () => {
    const { net, people, brilon, olsberg } = await addressBook();
    const list = (
      await call(net, 'office', 'POST', '/contacts/lists', sekOneHeads([brilon.id, olsberg.id]))
    ).json();
    await ctx.database.db.insert(t.consent).values({
      networkId: net.id,
      personId: people.Anna!,
      purpose: 'mailing',
      givenAt: new Date('2026-01-01T00:00:00Z'),
      givenVia: 'link',
      textVersion: 'Widerspruch',
      withdrawnAt: new Date('2026-01-01T00:00:00Z'),
      withdrawnVia: 'link',
    });
    const p = (await call(net, 'office', 'GET', `/contacts/lists/${list.id}/preview`)).json();
    expect(p.included.map((x: { personId: string }) => x.personId)).toEqual([people.Bernd]);
    expect(p.excluded).toContainEqual(
      expect.objectContaining({ personId: people.Anna, reason: 'consent_withdrawn' }),
    );
  });

  it('multipliers by topic, on a list that needs consent: no consent → left out', async () => {
    const { net, people } = await addressBook();
    const r = await call(net, 'office', 'POST', '/contacts/lists', {
      name: 'Multiplikatoren Übergang Schule–Beruf',
      kind: 'dynamic',
      needsConsent: true,
      filter: { multiplierOnly: true, multiplierTopics: ['uebergang schule'] },
    });
    expect(r.statusCode, r.body).toBe(201);
    const p = (await call(net, 'office', 'GET', `/contacts/lists/${r.json().id}/preview`)).json();
    expect(p.included.map((x: { personId: string }) => x.personId)).toEqual([people.Hanna]);
    expect(p.excluded.map((x: { personId: string; reason: string }) => [x.personId, x.reason])).toEqual([
      [people.Ingo, 'no_consent'],
    ]);
  });

  it('bad input writes nothing: unknown school type, short name; names unique; stale version 409', async () => {
    const { net, brilon } = await addressBook();
    for (const bad of [
      { name: 'Falsch', kind: 'dynamic', filter: { schoolTypes: ['Hogwarts'] } },
      { name: 'X', kind: 'static' },
      { name: 'Ohne Art' },
    ]) {
      const res = await call(net, 'office', 'POST', '/contacts/lists', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.message).toMatch(/Bitte/);
    }
    expect((await call(net, 'office', 'GET', '/contacts/lists')).json()).toEqual([]);
    // A new dynamic list without conditions selects nobody (never the whole address book).
    const empty = await call(net, 'office', 'POST', '/contacts/lists', {
      name: 'Noch leer',
      kind: 'dynamic',
    });
    expect(empty.json()).toMatchObject({ filter: {}, includedCount: 0, excludedCount: 0 });
    const nobody = await call(net, 'office', 'POST', '/contacts/lists/preview', {
      filter: { multiplierOnly: false },
    });
    expect(nobody.json().counts.included).toBe(0);
    const first = (await call(net, 'office', 'POST', '/contacts/lists', sekOneHeads([brilon.id]))).json();
    const dup = await call(net, 'office', 'POST', '/contacts/lists', {
      ...sekOneHeads([brilon.id]),
      name: 'schulleitungen sek i in brilon und olsberg',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('Es gibt schon einen Verteiler');
    const upd = {
      name: 'Schulleitungen Sek I Brilon',
      description: 'nur Brilon',
      needsConsent: false,
      filter: first.filter,
    };
    const ok = await call(net, 'office', 'PUT', `/contacts/lists/${first.id}`, { ...upd, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, name: 'Schulleitungen Sek I Brilon' });
    const stale = await call(net, 'admin', 'PUT', `/contacts/lists/${first.id}`, { ...upd, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/wurde inzwischen von Test office geändert/);
    const audit = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(eq(t.auditEvent.entityId, first.id));
    expect(audit.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        'Verteiler „Schulleitungen Sek I in Brilon und Olsberg“ angelegt (dynamisch)',
        'Verteiler „Schulleitungen Sek I Brilon“ geändert',
      ]),
    );
    expect((await call(net, 'office', 'DELETE', `/contacts/lists/${first.id}`)).statusCode).toBe(204);
    expect((await call(net, 'office', 'GET', `/contacts/lists/${first.id}`)).statusCode).toBe(404);
  });
});

describe('static lists', () => {
  it('people are added and removed; another network’s person is not found; erased members show as erased', async () => {
    const { net, people } = await addressBook();
    const other = await addressBook();
    const list = (
      await call(net, 'office', 'POST', '/contacts/lists', {
        name: 'Einladung Bildungskonferenz',
        kind: 'static',
      })
    ).json();
    const found = await call(net, 'office', 'GET', '/contacts/lists/people?q=MÜL');
    expect(found.json().map((x: { personId: string }) => x.personId)).toEqual([people.Anna]);
    expect((await call(net, 'office', 'GET', '/contacts/lists/people?q=gelösch')).json()).toEqual([]);
    const add = await call(net, 'office', 'POST', `/contacts/lists/${list.id}/members`, {
      personIds: [people.Anna, people.Emil, people.Erika, people.Hanna],
    });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json().members).toHaveLength(4);
    expect(add.json()).toMatchObject({ includedCount: 2, excludedCount: 2, version: 2 });
    const p = (await call(net, 'office', 'GET', `/contacts/lists/${list.id}/preview`)).json();
    expect(p.excluded.map((x: { name: string; reason: string }) => [x.name, x.reason])).toEqual([
      ['Emil Emil-Beispiel', 'no_email'],
      ['Gelöschte Person', 'erased'],
    ]);
    const foreign = await call(net, 'office', 'POST', `/contacts/lists/${list.id}/members`, {
      personIds: [other.people.Anna],
    });
    expect(foreign.statusCode).toBe(404);
    const removed = await call(net, 'office', 'DELETE', `/contacts/lists/${list.id}/members/${people.Emil}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().members).toHaveLength(3);
    expect(
      (await call(net, 'office', 'DELETE', `/contacts/lists/${list.id}/members/${people.Emil}`)).statusCode,
    ).toBe(404);
    const dyn = (await call(net, 'office', 'POST', '/contacts/lists', sekOneHeads([other.brilon.id]))).json();
    const onDynamic = await call(net, 'office', 'POST', `/contacts/lists/${dyn.id}/members`, {
      personIds: [people.Anna],
    });
    expect(onDynamic.statusCode).toBe(422);
  });
});

describe('Rundmail an Verteiler', () => {
  it('one outbox mail per included person, each with a consent-withdrawal link of a year; activity noted; audit', async () => {
    const { net, people, brilon, olsberg } = await addressBook();
    const list = (
      await call(net, 'office', 'POST', '/contacts/lists', sekOneHeads([brilon.id, olsberg.id]))
    ).json();
    const r = await call(net, 'office', 'POST', `/contacts/lists/${list.id}/mail`, {
      subject: 'Einladung zur Bildungskonferenz',
      text: 'wir laden Sie herzlich ein.',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ sent: 2, excluded: 2 });
    const db = ctx.database.db;
    const mails = await db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, net.id));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['anna@schule.example', 'bernd@schule.example']);
    const anna = mails.find((m) => m.toAddress === 'anna@schule.example')!;
    expect(anna.subject).toBe('Einladung zur Bildungskonferenz');
    expect(anna.textBody).toMatch(/^Sehr geehrte Frau Müller,\n\nwir laden Sie herzlich ein\./);
    const linkId = anna.textBody.match(/Keine weiteren E-Mails: \[\[personal-link:([0-9a-f-]{36})\]\]/)![1]!;
    const [link] = await db.select().from(t.personalLink).where(eq(t.personalLink.id, linkId));
    expect(link).toMatchObject({ purpose: 'consent_withdrawal', personId: people.Anna, networkId: net.id });
    expect(link!.expiresAt!.toISOString()).toBe('2028-02-29T09:00:00.000Z');
    const [p] = await db.select().from(t.person).where(eq(t.person.id, people.Anna!));
    expect(p!.lastActivityAt?.toISOString()).toBe(clock.toISOString());
    const [frieda] = await db.select().from(t.person).where(eq(t.person.id, people.Frieda!));
    expect(frieda!.lastActivityAt).toBeNull();
    const audit = await db.select().from(t.auditEvent).where(eq(t.auditEvent.entityId, list.id));
    expect(audit.map((a) => a.summary)).toContain(
      'Rundmail „Einladung zur Bildungskonferenz“ an Verteiler „Schulleitungen Sek I in Brilon und Olsberg“: 2 E-Mails, 2 ausgelassen',
    );
    const empty = await call(net, 'office', 'POST', '/contacts/lists/preview', {
      filter: { functions: ['Hausmeister'] },
    });
    expect(empty.json().counts.included).toBe(0);
    const bad = await call(net, 'office', 'POST', `/contacts/lists/${list.id}/mail`, {
      subject: '',
      text: 'x',
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('guests from a list', () => {
  it('the list’s included people become guests of the meeting, once; committee members may not', async () => {
    const { net, people, brilon, olsberg } = await addressBook();
    const list = (
      await call(net, 'office', 'POST', '/contacts/lists', sekOneHeads([brilon.id, olsberg.id]))
    ).json();
    const mtg = (
      await call(net, 'office', 'POST', '/meetings', {
        title: 'Frühjahrssitzung',
        startsAt: '2027-03-12T14:00',
        endsAt: '2027-03-12T16:30',
        location: 'Kreishaus Meschede',
      })
    ).json();
    const url = `/meetings/${mtg.id}/guests/from-list`;
    expect((await call(net, 'committee', 'POST', url, { listId: list.id })).statusCode).toBe(403);
    const first = await call(net, 'office', 'POST', url, { listId: list.id });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ added: 2, skipped: 0, excluded: 2 });
    const again = await call(net, 'office', 'POST', url, { listId: list.id });
    expect(again.json()).toEqual({ added: 0, skipped: 2, excluded: 2 });
    const guests = await ctx.database.db.select().from(t.guest).where(eq(t.guest.meetingId, mtg.id));
    expect(guests.map((g) => [g.personId, g.name, g.email]).sort()).toEqual(
      [
        [people.Anna, 'Anna Müller', 'anna@schule.example'],
        [people.Bernd, 'Bernd Bernd-Beispiel', 'bernd@schule.example'],
      ].sort(),
    );
    const meeting = (await call(net, 'office', 'GET', `/meetings/${mtg.id}`)).json();
    expect(meeting.guests).toHaveLength(2);
  });
});

describe('export', () => {
  it('CSV with BOM and ; and Excel, with the reasons of those left out', async () => {
    const { net, brilon, olsberg } = await addressBook();
    const list = (
      await call(net, 'office', 'POST', '/contacts/lists', sekOneHeads([brilon.id, olsberg.id]))
    ).json();
    const csv = await call(net, 'office', 'GET', `/contacts/lists/${list.id}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(
      'Verteiler-Schulleitungen-Sek-I-in-Brilon-und-Olsberg.csv',
    );
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Name;E-Mail;Funktionen;Einrichtungen;Orte;Erhält E-Mails;Grund');
    expect(lines).toContain(
      'Anna Müller;anna@schule.example;Schulleitung;Beispiel-Gymnasium Brilon;Brilon;ja;',
    );
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toContain('hat widersprochen');
    const xlsx = await call(net, 'admin', 'GET', `/contacts/lists/${list.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.getWorksheet('Verteiler')!;
    expect(ws.rowCount).toBe(5);
    expect(ws.getRow(2).getCell(1).value).toBe('Bernd Bernd-Beispiel');
    expect((await call(net, 'committee', 'GET', `/contacts/lists/${list.id}/export.csv`)).statusCode).toBe(
      403,
    );
  });

  it('the filter builder’s options: municipalities with ids, functions and topics in use', async () => {
    const { net, brilon } = await addressBook();
    const o = (await call(net, 'office', 'GET', '/contacts/lists/options')).json();
    expect(o.municipalities).toContainEqual({ id: brilon.id, name: 'Brilon' });
    expect(o.functions).toEqual(
      expect.arrayContaining([
        'Schulleitung',
        'SCHULLEITUNG (kommissarisch)',
        'StuBO',
        'stellv. Schulleitung',
      ]),
    );
    expect(o.topics).toEqual(['Inklusion', 'Übergang Schule–Beruf']);
    expect(o.secondaryOne).toEqual([...secondaryOneSchoolTypes]);
  });
});
