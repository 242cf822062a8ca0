import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';
import { runProcedureJobs } from './steering.procedures.js';

/*
 * Running a meeting and the mass actions around it, through the API as each role: what the page may
 * offer (actions), "alle stimmen zu" with exceptions, advice that never counts, looking before sending
 * (previews), a year's meetings at once, and a written procedure with a member who has no e-mail.
 */

let clock = new Date('2027-01-10T09:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => clock });
});
afterAll(() => ctx.close());

type Role = keyof TestNetwork['users'];
const call = (net: TestNetwork, role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(net.users[role].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });
const db = () => ctx.database.db;
const outboxOf = async (net: TestNetwork) =>
  db().select().from(t.outboxMail).where(eq(t.outboxMail.networkId, net.id));

async function committeeNetwork() {
  const net = await createNetworkWithMembers(ctx);
  await call(net, 'office', 'PUT', '/contract', {
    title: 'Kooperationsvertrag',
    landPartyName: 'Land NRW',
    municipalityPartyName: 'Kreis',
    signatories: [],
  });
  const v = await call(net, 'office', 'POST', '/contract/versions', {
    title: 'Kooperationsvertrag',
    effectiveFrom: '2012-01-01',
    addFields: [{ name: 'Übergang Schule – Beruf (KAoA)', previousOwner: 'land' }],
  });
  for (const party of ['land', 'municipality']) {
    await call(net, 'office', 'POST', `/contract/versions/${v.json().id}/consents`, {
      party,
      signedBy: 'X Y',
      signedOn: '2011-12-01',
    });
  }
  const fieldId = v.json().addedFields[0].id as string;
  const member = async (
    name: string,
    side: string,
    voting: boolean,
    email: string | null,
    deputyOf: string | null = null,
  ) => {
    const res = await call(net, 'office', 'POST', '/committee', {
      name,
      side,
      voting,
      email: email ?? '',
      termFrom: '2020-01-01',
      deputyOf,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const land = await member('Beispiel Land', 'land', true, 'land@example.org');
  const landDeputy = await member('Beispiel Land (Stv.)', 'land', true, 'stv@example.org', land);
  const county = await member('Beispiel Kreis', 'municipality', true, 'kreis@example.org');
  const mayor = await member('Beispiel Bürgermeister', 'municipality', true, null);
  const chamber = await member('Beispiel Kammer', 'other', true, 'kammer@example.org');
  const adviser = await member('Beispiel Hochschule', 'other', false, 'hs@example.org');
  return { net, fieldId, m: { land, landDeputy, county, mayor, chamber, adviser } };
}

async function meetingWithDecision(net: TestNetwork, fieldId: string, startsAt: string, endsAt: string) {
  const mtg = (
    await call(net, 'office', 'POST', '/meetings', { title: 'Lenkungskreis', startsAt, endsAt })
  ).json();
  const detail = (
    await call(net, 'office', 'POST', `/meetings/${mtg.id}/items`, {
      title: 'Arbeitsauftrag KAoA',
      kind: 'decision',
      decisionType: 'work_order',
      fieldId,
      proposal: 'Das Bildungsbüro koordiniert ein Portal für Praktikumsplätze.',
    })
  ).json();
  return { id: mtg.id as string, itemId: detail.items[0].id as string };
}

describe('what the meeting page offers', () => {
  it('offers "eröffnen" only when the server accepts it, and nothing to those who may not act', async () => {
    const { net, fieldId } = await committeeNetwork();
    const mtg = await meetingWithDecision(net, fieldId, '2027-03-12T14:00', '2027-03-12T16:30');
    const early = (await call(net, 'office', 'GET', `/meetings/${mtg.id}`)).json();
    expect(early.actions).toEqual({
      edit: true,
      cancel: true,
      invite: true,
      open: false,
      opensAt: '2027-03-12T12:00:00.000Z',
      record: false,
    });
    expect((await call(net, 'office', 'POST', `/meetings/${mtg.id}/hold`)).statusCode).toBe(409);
    const asMember = (await call(net, 'committee', 'GET', `/meetings/${mtg.id}`)).json();
    expect(Object.values(asMember.actions).filter(Boolean)).toEqual([]);
    expect(asMember.advisors).toEqual([]);

    clock = new Date('2027-03-12T12:30:00Z'); // 13:30 in Berlin, half an hour before the start
    try {
      expect((await call(net, 'office', 'GET', `/meetings/${mtg.id}`)).json().actions.open).toBe(true);
      expect((await call(net, 'office', 'POST', `/meetings/${mtg.id}/hold`)).statusCode).toBe(200);
      const held = (await call(net, 'office', 'GET', `/meetings/${mtg.id}`)).json();
      expect(held.actions).toMatchObject({ open: false, cancel: false, edit: false, record: true });
    } finally {
      clock = new Date('2027-01-10T09:00:00Z');
    }
  });
});

describe('recording a round: "alle stimmen zu" plus exceptions, advice that never counts', () => {
  it('fills consent for every entitled member not named, keeps exceptions, and shows advice apart', async () => {
    const { net, fieldId, m } = await committeeNetwork();
    const mtg = await meetingWithDecision(net, fieldId, '2026-12-01T14:00', '2026-12-01T16:00');
    await call(net, 'office', 'POST', `/meetings/${mtg.id}/guests`, {
      name: 'Beispiel Berufsberaterin',
      email: 'gast@example.org',
      itemId: mtg.itemId,
    });
    expect((await call(net, 'office', 'POST', `/meetings/${mtg.id}/hold`)).statusCode).toBe(200);
    await call(net, 'office', 'PUT', `/meetings/${mtg.id}/attendance`, {
      entries: [
        { memberId: m.land, status: 'represented', deputyId: m.landDeputy },
        { memberId: m.county, status: 'present', deputyId: null },
        { memberId: m.mayor, status: 'excused', deputyId: null },
        { memberId: m.chamber, status: 'present', deputyId: null },
        { memberId: m.adviser, status: 'present', deputyId: null },
      ],
    });
    const detail = (await call(net, 'office', 'GET', `/meetings/${mtg.id}`)).json();
    const advisor = (kind: string) => detail.advisors.find((a: { kind: string }) => a.kind === kind);
    // Guest, the member without a vote, and the office staff's account; the office account is staff,
    // not a member.
    expect(detail.advisors.map((a: { kind: string; name: string }) => a.kind).sort()).toEqual([
      'guest',
      'member',
      'office',
    ]);
    expect(advisor('member').id).toBe(m.adviser);
    expect(advisor('office').id).toBe(net.users.office.id);

    const url = `/meetings/${mtg.id}/items/${mtg.itemId}/rounds`;
    const before = (await db().select().from(t.decisionRound)).length;
    // Advice from a voting member is refused: they state a position; nothing is written.
    const voterAdvice = await call(net, 'office', 'POST', url, {
      proposal: 'Portal für Praktikumsplätze.',
      positions: [],
      allConsent: true,
      advice: [{ kind: 'member', id: m.county, text: 'Ich rate zu.' }],
    });
    expect(voterAdvice.statusCode).toBe(400);
    expect(voterAdvice.json().error.code).toBe('steering.advisor_voting');
    expect(voterAdvice.json().error.message).toMatch(/Beispiel Kreis ist stimmberechtigt/);
    expect((await db().select().from(t.decisionRound)).length).toBe(before);

    const objection = await call(net, 'office', 'POST', url, {
      proposal: 'Das Bildungsbüro betreibt ab sofort ein Portal.',
      allConsent: true,
      positions: [{ memberId: m.land, stance: 'objection', reason: 'Ohne Personal nicht leistbar.' }],
      advice: [
        { kind: 'guest', id: advisor('guest').id, text: 'Die Agentur liefert die Stellen zu.' },
        { kind: 'member', id: m.adviser, text: 'Die Hochschule beteiligt sich.' },
        { kind: 'office', id: net.users.office.id, text: 'Das Büro braucht eine halbe Stelle.' },
      ],
      resolution: 'reworked',
    });
    expect(objection.statusCode, objection.body).toBe(201);
    const r1 = objection.json();
    expect(r1.outcome).toBe('blocked');
    const stances = Object.fromEntries(
      r1.positions.map((p: { memberName: string; stance: string }) => [p.memberName, p.stance]),
    );
    // Excused and non-voting members have no position; the rest consent by default.
    expect(stances).toEqual({
      'Beispiel Land': 'objection',
      'Beispiel Kreis': 'consent',
      'Beispiel Kammer': 'consent',
    });
    expect(r1.advice.map((a: { kind: string; text: string }) => `${a.kind}: ${a.text}`)).toEqual([
      'guest: Die Agentur liefert die Stellen zu.',
      'member: Die Hochschule beteiligt sich.',
      'office: Das Büro braucht eine halbe Stelle.',
    ]);

    // Two "alle stimmen zu" at once (two tablets in the room): one decision, never two.
    const consent = {
      proposal: 'Das Bildungsbüro koordiniert ein Portal, sobald die halbe Stelle besetzt ist.',
      allConsent: true,
      positions: [],
    };
    const results = await Promise.all([
      call(net, 'office', 'POST', url, consent),
      call(net, 'admin', 'POST', url, consent),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const decisions = await db().select().from(t.decision).where(eq(t.decision.networkId, net.id));
    expect(decisions.map((d) => d.number)).toEqual(['LK-2026-01']);
    // The trace's first step: the meeting's item took the decision.
    const links = await db().select().from(t.traceLink).where(eq(t.traceLink.toId, decisions[0]!.id));
    expect(links.map((l) => [l.fromKind, l.relation, l.toKind])).toEqual([
      ['agenda_item', 'decided', 'decision'],
    ]);
    const rounds = (await call(net, 'committee', 'GET', url)).json();
    expect(rounds.map((r: { outcome: string }) => r.outcome)).toEqual(['blocked', 'taken']);
    expect(rounds[1].advice).toEqual([]);

    // The draft minutes name who advised and mark that it did not count.
    await call(net, 'office', 'POST', `/meetings/${mtg.id}/minutes/draft`);
    const minutes = (await call(net, 'office', 'GET', `/meetings/${mtg.id}/minutes`)).json();
    expect(minutes[0].body).toContain('Rat von Beispiel Hochschule (Mitglied ohne Stimmrecht');
    expect(minutes[0].body).toMatch(/Rat von .* \(Bildungsbüro, beratend, zählt nicht\): Das Büro braucht/);
  });
});

describe('looking before sending', () => {
  it('previews the invitations as the server will send them; only members, deputies and guests', async () => {
    const { net, fieldId, m } = await committeeNetwork();
    const mtg = await meetingWithDecision(net, fieldId, '2027-03-12T14:00', '2027-03-12T16:30');
    await call(net, 'office', 'POST', `/meetings/${mtg.id}/items`, { title: 'Bericht', kind: 'information' });
    await call(net, 'office', 'POST', `/meetings/${mtg.id}/guests`, {
      name: 'Beispiel Berufsberaterin',
      email: 'gast@example.org',
      itemId: mtg.itemId,
    });
    const res = await call(net, 'office', 'GET', `/meetings/${mtg.id}/invitations/preview`);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.what).toBe('Einladung');
    expect(preview.blocked).toBeNull();
    const byName = Object.fromEntries(
      preview.recipients.map((r: { name: string }) => [r.name, r] as const),
    ) as Record<string, { role: string; receives: string; unreachable: string | null }>;
    expect(Object.keys(byName).sort()).toEqual([
      'Beispiel Berufsberaterin',
      'Beispiel Bürgermeister',
      'Beispiel Hochschule',
      'Beispiel Kammer',
      'Beispiel Kreis',
      'Beispiel Land',
      'Beispiel Land (Stv.)',
    ]);
    // The office's own accounts are not invited: they are staff, not members.
    const emails = preview.recipients.map((r: { email: string | null }) => r.email);
    expect(emails).not.toContain(net.users.office.email);
    expect(emails).not.toContain(net.users.admin.email);
    expect(byName['Beispiel Land (Stv.)']!.role).toBe('deputy');
    expect(byName['Beispiel Hochschule']!.role).toBe('nonvoting');
    expect(byName['Beispiel Berufsberaterin']!.receives).toMatch(/nur zu TOP 1/);
    expect(byName['Beispiel Bürgermeister']!.unreachable).toMatch(/keine E-Mail-Adresse/);
    expect(await outboxOf(net)).toHaveLength(0); // a preview sends nothing

    for (const role of ['committee', 'guest', 'partner'] as const) {
      expect((await call(net, role, 'GET', `/meetings/${mtg.id}/invitations/preview`)).statusCode).toBe(403);
    }
    const other = await createNetworkWithMembers(ctx);
    const cross = await ctx.as(other.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/meetings/${mtg.id}/invitations/preview`,
    });
    expect(cross.statusCode).toBe(404);
    const wrongNet = await ctx.as(other.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/meetings/${mtg.id}/invitations/preview`,
    });
    expect(wrongNet.statusCode).toBe(404);

    // Sending does what the preview said: every reachable person gets a mail, the one without is named.
    const sent = (await call(net, 'office', 'POST', `/meetings/${mtg.id}/invitations`)).json();
    const reachable = preview.recipients.filter((r: { unreachable: string | null }) => !r.unreachable);
    expect(sent.sent).toBe(reachable.length);
    expect(sent.manualDelivery.map((x: { name: string }) => x.name)).toEqual(['Beispiel Bürgermeister']);
    expect((await outboxOf(net)).map((x) => x.toAddress).sort()).toEqual(
      reachable.map((r: { email: string }) => r.email).sort(),
    );
    const update = (await call(net, 'office', 'GET', `/meetings/${mtg.id}/invitations/preview`)).json();
    expect(update.what).toBe('Aktualisierte Einladung');
    void m;
  });

  it('previews a written procedure, naming the voting member who has no e-mail address', async () => {
    const { net } = await committeeNetwork();
    const res = await call(net, 'office', 'GET', '/procedures/preview');
    expect(res.statusCode).toBe(200);
    const names = res
      .json()
      .recipients.map((r: { name: string; unreachable: string | null }) => [r.name, r.unreachable !== null]);
    // Deputies and members without a vote are not asked.
    expect(names).toEqual([
      ['Beispiel Bürgermeister', true],
      ['Beispiel Kammer', false],
      ['Beispiel Kreis', false],
      ['Beispiel Land', false],
    ]);
    expect((await call(net, 'committee', 'GET', '/procedures/preview')).statusCode).toBe(403);
    const other = await createNetworkWithMembers(ctx);
    expect(
      (
        await ctx.as(other.users.office.cookie, {
          method: 'GET',
          url: `/api/networks/${net.id}/procedures/preview`,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('a written procedure with an unreachable member', () => {
  it('passes when everyone consents, the paper and phone answers the office recorded included', async () => {
    const { net, m } = await committeeNetwork();
    const start = await call(net, 'office', 'POST', '/procedures', {
      title: 'Sitzungsbeginn',
      proposal: 'Die Sitzungen beginnen künftig um 15 Uhr.',
      decisionType: 'procedural',
      deadline: '2027-01-20T12:00',
    });
    expect(start.statusCode).toBe(201);
    const id = start.json().id;
    // Mails go to everyone with an address; the mayor has none.
    expect((await outboxOf(net)).map((x) => x.toAddress).sort()).toEqual([
      'kammer@example.org',
      'kreis@example.org',
      'land@example.org',
    ]);
    for (const [memberId, channel] of [
      [m.mayor, 'paper'],
      [m.land, 'phone'],
      [m.county, 'phone'],
      [m.chamber, 'paper'],
    ] as const) {
      const r = await call(net, 'office', 'PUT', `/procedures/${id}/votes/${memberId}`, {
        stance: 'consent',
        channel,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const recorded = (await call(net, 'committee', 'GET', `/procedures/${id}`)).json();
    const mayor = recorded.votes.find((v: { name: string }) => v.name === 'Beispiel Bürgermeister');
    expect(mayor).toMatchObject({ stance: 'consent', channel: 'paper', recordedBy: expect.any(String) });
    clock = new Date('2027-01-20T12:00:01Z');
    try {
      await runProcedureJobs(ctx.app.deps);
    } finally {
      clock = new Date('2027-01-10T09:00:00Z');
    }
    const done = (await call(net, 'committee', 'GET', `/procedures/${id}`)).json();
    expect(done.status).toBe('taken');
    expect(done.decisionNumber).toMatch(/^LK-2027-/);
  });
});

describe('planning a year', () => {
  it('creates a series in one go, all or nothing, and each meeting moves or is cancelled alone', async () => {
    const { net } = await committeeNetwork();
    const count = async () =>
      (await db().select().from(t.meeting).where(eq(t.meeting.networkId, net.id))).length;
    const spring = {
      title: 'Lenkungskreis Frühjahr 2027',
      startsAt: '2027-03-12T14:00',
      endsAt: '2027-03-12T16:30',
      location: 'Kreishaus Meschede, Raum 2',
    };
    const autumn = {
      ...spring,
      title: 'Lenkungskreis Herbst 2027',
      startsAt: '2027-09-17T14:00',
      endsAt: '2027-09-17T16:30',
    };
    const bad = await call(net, 'office', 'POST', '/meetings/series', {
      meetings: [spring, { ...autumn, endsAt: '2027-09-17T13:00' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Ende muss nach dem Beginn/);
    expect(await count()).toBe(0);
    expect((await call(net, 'office', 'POST', '/meetings/series', { meetings: [] })).statusCode).toBe(400);
    expect(
      (await call(net, 'committee', 'POST', '/meetings/series', { meetings: [spring] })).statusCode,
    ).toBe(403);
    const other = await createNetworkWithMembers(ctx);
    const cross = await ctx.as(other.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/meetings/series`,
      payload: { meetings: [spring] },
    });
    expect(cross.statusCode).toBe(404);
    expect(await count()).toBe(0);

    const res = await call(net, 'office', 'POST', '/meetings/series', { meetings: [spring, autumn] });
    expect(res.statusCode, res.body).toBe(201);
    const [a, b] = res.json();
    expect([a.title, b.title]).toEqual(['Lenkungskreis Frühjahr 2027', 'Lenkungskreis Herbst 2027']);
    expect(a.startsAt).toBe('2027-03-12T13:00:00.000Z');
    const moved = await call(net, 'office', 'PUT', `/meetings/${a.id}`, {
      ...spring,
      startsAt: '2027-03-19T14:00',
      endsAt: '2027-03-19T16:30',
    });
    expect(moved.json().startsAt).toBe('2027-03-19T13:00:00.000Z');
    const cancelled = await call(net, 'office', 'POST', `/meetings/${b.id}/cancel`, {
      reason: 'Terminkollision',
    });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await call(net, 'office', 'GET', `/meetings/${a.id}`)).json().status).toBe('planned');
  });
});
