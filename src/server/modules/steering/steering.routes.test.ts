import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { multipart, tinyPdf } from '../../../../tests/helpers/multipart.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

type Role = keyof TestNetwork['users'];
const call = (
  net: TestNetwork,
  role: Role,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
) => ctx.as(net.users[role].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

/** A network with a contract in force since 2012 (KAoA joint), a committee of both sides with a deputy. */
async function committeeNetwork() {
  const net = await createNetworkWithMembers(ctx);
  await call(net, 'office', 'PUT', '/contract', {
    title: 'Kooperationsvertrag',
    landPartyName: 'Land NRW',
    municipalityPartyName: 'Kreis',
    signatories: [],
  });
  const v1 = await call(net, 'office', 'POST', '/contract/versions', {
    title: 'Kooperationsvertrag',
    effectiveFrom: '2012-01-01',
    addFields: [
      { name: 'Übergang Schule – Beruf (KAoA)', previousOwner: 'land' },
      { name: 'Ganztag', previousOwner: 'school_operator' },
    ],
  });
  for (const party of ['land', 'municipality']) {
    await call(net, 'office', 'POST', `/contract/versions/${v1.json().id}/consents`, {
      party,
      signedBy: 'X Y',
      signedOn: '2011-12-01',
    });
  }
  // Ganztag is ended again in 2020: not joint business any more.
  const v2 = await call(net, 'office', 'POST', '/contract/versions', {
    title: 'Änderung',
    effectiveFrom: '2020-01-01',
    endFieldIds: [v1.json().addedFields.find((f: { name: string }) => f.name === 'Ganztag').id],
  });
  for (const party of ['land', 'municipality']) {
    await call(net, 'office', 'POST', `/contract/versions/${v2.json().id}/consents`, {
      party,
      signedBy: 'X Y',
      signedOn: '2019-12-01',
    });
  }
  const fields = Object.fromEntries(
    v1.json().addedFields.map((f: { name: string; id: string }) => [f.name, f.id]),
  );
  const member = async (name: string, side: string, voting: boolean, deputyOf: string | null = null) => {
    const res = await call(net, 'office', 'POST', '/committee', {
      name,
      side,
      voting,
      termFrom: '2020-01-01',
      deputyOf,
      function: 'Funktion',
      institution: 'Institution',
    });
    expect(res.statusCode, await res.body).toBe(201);
    return res.json().id as string;
  };
  const land = await member('Beispiel Schulamtsdirektorin', 'land', true);
  const landDeputy = await member('Beispiel Schulrat (Stv.)', 'land', true, land);
  const county = await member('Beispiel Dezernentin', 'municipality', true);
  const chamber = await member('Beispiel IHK', 'other', true);
  const office = await member('Beispiel Bildungsbüro', 'office', false);
  return { net, fields, m: { land, landDeputy, county, chamber, office } };
}

async function meetingAt(net: TestNetwork, startsAt: string, endsAt: string, title = 'Lenkungskreis') {
  const res = await call(net, 'office', 'POST', '/meetings', {
    title,
    startsAt,
    endsAt,
    location: 'Kreishaus Meschede, Raum 2',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('meetings and agenda', () => {
  it('stores Berlin wall-clock times across summer time and keeps the agenda numbered', async () => {
    const { net, fields } = await committeeNetwork();
    const spring = await meetingAt(net, '2027-03-12T14:00', '2027-03-12T16:30', 'Frühjahrssitzung');
    expect(spring.startsAt).toBe('2027-03-12T13:00:00.000Z'); // CET, UTC+1
    const moved = await call(net, 'office', 'PUT', `/meetings/${spring.id}`, {
      title: 'Frühjahrssitzung',
      startsAt: '2027-04-02T14:00',
      endsAt: '2027-04-02T16:30',
      location: 'Kreishaus Meschede, Raum 2',
    });
    expect(moved.json().startsAt).toBe('2027-04-02T12:00:00.000Z'); // CEST, UTC+2
    const badTimes = await call(net, 'office', 'PUT', `/meetings/${spring.id}`, {
      title: 'X Y Z',
      startsAt: '2027-04-02T14:00',
      endsAt: '2027-04-02T13:00',
    });
    expect(badTimes.statusCode).toBe(400);
    expect(badTimes.json().error.message).toMatch(/Ende muss nach dem Beginn/);

    const items = [
      {
        title: 'Genehmigung der Niederschrift',
        kind: 'decision',
        decisionType: 'procedural',
        proposal: 'Die Niederschrift wird genehmigt.',
      },
      { title: 'Bericht des Bildungsbüros', kind: 'information', presenter: 'Teamleitung' },
      {
        title: 'Arbeitsauftrag KAoA',
        kind: 'decision',
        decisionType: 'work_order',
        fieldId: fields['Übergang Schule – Beruf (KAoA)'],
        proposal: 'Das Bildungsbüro erarbeitet ein Konzept zur Berufsorientierung.',
        durationMinutes: 30,
      },
      { title: 'Information der Schulaufsicht', kind: 'information' },
    ];
    let detail: { items: Array<{ id: string; number: number; title: string }> } = { items: [] };
    for (const item of items)
      detail = (await call(net, 'office', 'POST', `/meetings/${spring.id}/items`, item)).json();
    expect(detail.items.map((i: { number: number; title: string }) => `${i.number} ${i.title}`)).toEqual([
      '1 Genehmigung der Niederschrift',
      '2 Bericht des Bildungsbüros',
      '3 Arbeitsauftrag KAoA',
      '4 Information der Schulaufsicht',
    ]);
    const noProposal = await call(net, 'office', 'POST', `/meetings/${spring.id}/items`, {
      title: 'Ohne Vorschlag',
      kind: 'decision',
      decisionType: 'goal',
      fieldId: fields['Übergang Schule – Beruf (KAoA)'],
    });
    expect(noProposal.statusCode).toBe(400);
    const ids = detail.items.map((i: { id: string }) => i.id);
    const reordered = await call(net, 'office', 'POST', `/meetings/${spring.id}/order`, {
      itemIds: [ids[0], ids[2], ids[1], ids[3]],
    });
    expect(
      reordered.json().items.map((i: { number: number; title: string }) => `${i.number} ${i.title}`)[1],
    ).toBe('2 Arbeitsauftrag KAoA');
    const incomplete = await call(net, 'office', 'POST', `/meetings/${spring.id}/order`, {
      itemIds: [ids[0]],
    });
    expect(incomplete.statusCode).toBe(400);

    const autumn = await meetingAt(net, '2027-10-08T14:00', '2027-10-08T16:00', 'Herbstsitzung');
    const move = await call(net, 'office', 'POST', `/meetings/${spring.id}/items/${ids[3]}/move`, {
      toMeetingId: autumn.id,
    });
    expect(move.statusCode).toBe(200);
    expect(move.json().items).toMatchObject([{ title: 'Information der Schulaufsicht', movedFrom: ids[3] }]);
    const back = await call(
      net,
      'office',
      'POST',
      `/meetings/${autumn.id}/items/${move.json().items[0].id}/move`,
      { toMeetingId: spring.id },
    );
    expect(back.statusCode).toBe(400);
    const springAfter = (await call(net, 'office', 'GET', `/meetings/${spring.id}`)).json();
    // The moved item left the spring agenda; its record stays and the autumn item points back to it.
    expect(springAfter.items.map((i: { id: string }) => i.id)).not.toContain(ids[3]);
    expect(springAfter.items).toHaveLength(3);
  });
});

describe('guests', () => {
  it("see only the items they are invited to and those items' papers", async () => {
    const { net, fields } = await committeeNetwork();
    const mtg = await meetingAt(net, '2027-03-12T14:00', '2027-03-12T16:00');
    await call(net, 'office', 'POST', `/meetings/${mtg.id}/items`, {
      title: 'Interner Punkt',
      kind: 'discussion',
    });
    const d = (
      await call(net, 'office', 'POST', `/meetings/${mtg.id}/items`, {
        title: 'Arbeitsauftrag KAoA',
        kind: 'decision',
        decisionType: 'work_order',
        fieldId: fields['Übergang Schule – Beruf (KAoA)'],
        proposal: 'Konzept erarbeiten.',
      })
    ).json();
    const [internal, kaoa] = d.items;
    for (const item of [internal, kaoa]) {
      const body = multipart(
        { title: `Vorlage ${item.title}` },
        { name: `${item.title}.pdf`, content: tinyPdf(item.title) },
      );
      const up = await ctx.as(net.users.office.cookie, {
        method: 'POST',
        url: `/api/networks/${net.id}/meetings/${mtg.id}/items/${item.id}/papers`,
        payload: body.payload,
        headers: body.headers,
      });
      expect(up.statusCode).toBe(201);
    }
    const invited = await call(net, 'office', 'POST', `/meetings/${mtg.id}/guests`, {
      name: 'Agentur für Arbeit',
      email: net.users.guest.email,
      topic: 'Berufsberatung',
      itemId: kaoa.id,
    });
    expect(invited.statusCode).toBe(201);

    const seen = (await call(net, 'guest', 'GET', `/meetings/${mtg.id}`)).json();
    expect(seen.viewerIsGuest).toBe(true);
    expect(seen.items.map((i: { title: string }) => i.title)).toEqual(['Arbeitsauftrag KAoA']);
    expect(seen.items[0].number).toBe(2);
    expect(seen.guests).toEqual([]);
    const full = (await call(net, 'office', 'GET', `/meetings/${mtg.id}`)).json();
    const paperOf = (item: { papers: Array<{ id: string }> }) => item.papers[0]!.id;
    const own = await call(
      net,
      'guest',
      'GET',
      `/meetings/${mtg.id}/items/${kaoa.id}/papers/${paperOf(full.items[1])}/versions/1`,
    );
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await call(
      net,
      'guest',
      'GET',
      `/meetings/${mtg.id}/items/${internal.id}/papers/${paperOf(full.items[0])}/versions/1`,
    );
    expect(other.statusCode).toBe(404);
    // The internal paper through the guest's own item id does not work either.
    const smuggled = await call(
      net,
      'guest',
      'GET',
      `/meetings/${mtg.id}/items/${kaoa.id}/papers/${paperOf(full.items[0])}/versions/1`,
    );
    expect(smuggled.statusCode).toBe(404);
    // Papers are not in the general document list of non-office roles.
    expect((await call(net, 'committee', 'GET', '/files')).json()).toHaveLength(0);
    expect((await call(net, 'guest', 'GET', '/meetings')).json().items).toHaveLength(1);
    expect((await call(net, 'guest', 'GET', '/decisions')).statusCode).toBe(403);
    const otherMeeting = await meetingAt(net, '2027-05-12T14:00', '2027-05-12T16:00');
    expect((await call(net, 'guest', 'GET', `/meetings/${otherMeeting.id}`)).statusCode).toBe(404);
    // Invited by address before the account existed: recognised by the e-mail address.
    await call(net, 'office', 'POST', `/meetings/${otherMeeting.id}/guests`, {
      name: 'Gast',
      email: net.users.guest.email.toUpperCase(),
      topic: 'x',
    });
    await ctx.database.db.update(t.guest).set({ userId: null }).where(eq(t.guest.meetingId, otherMeeting.id));
    expect((await call(net, 'guest', 'GET', `/meetings/${otherMeeting.id}`)).statusCode).toBe(200);
    expect(
      (
        await call(
          net,
          'committee',
          'GET',
          `/meetings/${mtg.id}/items/${internal.id}/papers/${paperOf(full.items[0])}/versions/1`,
        )
      ).statusCode,
    ).toBe(200);
  });
});

describe('deciding by consensus', () => {
  it('blocks on an objection, keeps the round, then takes the reworked proposal and numbers it', async () => {
    const { net, fields, m } = await committeeNetwork();
    const mtg = await meetingAt(net, '2026-03-12T14:00', '2026-03-12T16:00');
    const d = (
      await call(net, 'office', 'POST', `/meetings/${mtg.id}/items`, {
        title: 'Arbeitsauftrag KAoA',
        kind: 'decision',
        decisionType: 'work_order',
        fieldId: fields['Übergang Schule – Beruf (KAoA)'],
        proposal: 'Das Bildungsbüro erarbeitet bis Juni ein Konzept.',
      })
    ).json();
    const item = d.items[0];
    const early = await call(net, 'office', 'POST', `/meetings/${mtg.id}/items/${item.id}/rounds`, {
      proposal: 'x y z',
      positions: [],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('steering.meeting_not_held');
    expect((await call(net, 'office', 'POST', `/meetings/${mtg.id}/hold`)).statusCode).toBe(200);

    const badDeputy = await call(net, 'office', 'PUT', `/meetings/${mtg.id}/attendance`, {
      entries: [{ memberId: m.land, status: 'represented', deputyId: m.county }],
    });
    expect(badDeputy.statusCode).toBe(400);
    const att = await call(net, 'office', 'PUT', `/meetings/${mtg.id}/attendance`, {
      entries: [
        { memberId: m.land, status: 'represented', deputyId: m.landDeputy },
        { memberId: m.county, status: 'present', deputyId: null },
        { memberId: m.chamber, status: 'excused', deputyId: null },
        { memberId: m.office, status: 'present', deputyId: null },
      ],
    });
    expect(att.statusCode).toBe(200);

    const absent = await call(net, 'office', 'POST', `/meetings/${mtg.id}/items/${item.id}/rounds`, {
      proposal: 'Das Bildungsbüro erarbeitet bis Juni ein Konzept.',
      positions: [{ memberId: m.chamber, stance: 'consent' }],
    });
    expect(absent.statusCode).toBe(400);
    expect(absent.json().error.code).toBe('steering.position_not_entitled');

    const noReason = await call(net, 'office', 'POST', `/meetings/${mtg.id}/items/${item.id}/rounds`, {
      proposal: 'Konzept bis Juni.',
      positions: [
        { memberId: m.land, stance: 'objection' },
        { memberId: m.county, stance: 'consent' },
      ],
    });
    expect(noReason.statusCode).toBe(400);

    const objection = {
      proposal: 'Das Bildungsbüro erarbeitet bis Juni ein Konzept.',
      positions: [
        {
          memberId: m.land,
          stance: 'objection',
          reason: 'Juni ist zu knapp; die Schulen brauchen das Schuljahr.',
        },
        { memberId: m.county, stance: 'consent' },
      ],
    };
    const unresolved = await call(
      net,
      'office',
      'POST',
      `/meetings/${mtg.id}/items/${item.id}/rounds`,
      objection,
    );
    expect(unresolved.statusCode).toBe(422);
    expect(unresolved.json().error.message).toMatch(/Einwand/);
    const blocked = await call(net, 'office', 'POST', `/meetings/${mtg.id}/items/${item.id}/rounds`, {
      ...objection,
      advice: [],
      resolution: 'reworked',
    });
    expect(blocked.statusCode).toBe(201);
    expect(blocked.json()).toMatchObject({
      round: 1,
      outcome: 'blocked',
      reason: 'objection',
      decisionNumber: null,
    });
    expect(blocked.json().positions.find((p: { memberId: string }) => p.memberId === m.land).castBy).toBe(
      'Beispiel Schulrat (Stv.)',
    );

    const taken = await call(net, 'office', 'POST', `/meetings/${mtg.id}/items/${item.id}/rounds`, {
      proposal:
        'Das Bildungsbüro erarbeitet bis zum Ende des Schuljahres ein Konzept zur Berufsorientierung.',
      positions: [
        { memberId: m.land, stance: 'consent' },
        { memberId: m.county, stance: 'consent' },
      ],
    });
    expect(taken.statusCode).toBe(201);
    expect(taken.json()).toMatchObject({ round: 2, outcome: 'taken', decisionNumber: 'LK-2026-01' });
    const rounds = (
      await call(net, 'committee', 'GET', `/meetings/${mtg.id}/items/${item.id}/rounds`)
    ).json();
    expect(rounds.map((r: { outcome: string }) => r.outcome)).toEqual(['blocked', 'taken']);

    const register = (await call(net, 'committee', 'GET', '/decisions')).json().items;
    expect(register).toMatchObject([
      {
        number: 'LK-2026-01',
        type: 'work_order',
        fieldName: 'Übergang Schule – Beruf (KAoA)',
        status: 'open',
        rounds: 2,
        decidedOn: '2026-03-12',
      },
    ]);
    // A filtered register (read another way than the first page) shows the same entry.
    expect((await call(net, 'committee', 'GET', '/decisions?year=2026')).json().items).toEqual(register);
    // German full-text search finds inflected forms.
    expect(
      (
        await call(net, 'committee', 'GET', `/decisions?q=${encodeURIComponent('Berufsorientierungen')}`)
      ).json().items,
    ).toHaveLength(1);
    expect((await call(net, 'committee', 'GET', '/decisions?q=Haushalt')).json().items).toHaveLength(0);
    expect((await call(net, 'committee', 'GET', '/decisions?year=2025')).json().items).toHaveLength(0);
    const again = await call(net, 'office', 'POST', `/meetings/${mtg.id}/items/${item.id}/rounds`, {
      proposal: 'x y z',
      positions: [],
    });
    expect(again.statusCode).toBe(409);
    const status = await call(net, 'office', 'PATCH', `/decisions/${register[0].id}`, {
      status: 'in_progress',
    });
    expect(status.json().status).toBe('in_progress');
    expect(
      (await call(net, 'committee', 'PATCH', `/decisions/${register[0].id}`, { status: 'done' })).statusCode,
    ).toBe(403);

    // The contract: an amendment ending KAoA while a work order from the decision is open warns and names it.
    const order = await call(net, 'office', 'POST', '/work/orders', {
      decisionId: register[0].id,
      title: 'Arbeitsauftrag KAoA',
      dueOn: '2099-06-30',
      assigneeId: net.users.office.id,
    });
    expect(order.statusCode).toBe(201);
    const ending = await call(net, 'office', 'POST', '/contract/versions', {
      title: 'KAoA endet',
      effectiveFrom: '2027-08-01',
      endFieldIds: [fields['Übergang Schule – Beruf (KAoA)']],
    });
    expect(ending.statusCode).toBe(201);
    expect(ending.json().warnings).toEqual([
      `Offener Arbeitsauftrag ${order.json().number} „Arbeitsauftrag KAoA“ betrifft das Handlungsfeld „Übergang Schule – Beruf (KAoA)“, das diese Fassung beendet.`,
    ]);
    // Returned to the committee, the order is no longer open work.
    const returned = await call(net, 'office', 'POST', `/work/orders/${order.json().id}/transitions`, {
      to: 'returned',
      note: 'Das Handlungsfeld endet; der Lenkungskreis entscheidet neu.',
      version: order.json().version,
    });
    expect(returned.statusCode).toBe(200);
    const after = await call(net, 'committee', 'GET', `/contract/versions/${ending.json().id}`);
    expect(after.json().warnings).toEqual([]);
  });

  it('refuses a decision outside the joint fields, naming who stays responsible', async () => {
    const { net, fields, m } = await committeeNetwork();
    const mtg = await meetingAt(net, '2026-02-02T10:00', '2026-02-02T12:00');
    const d = (
      await call(net, 'office', 'POST', `/meetings/${mtg.id}/items`, {
        title: 'Ganztag ausbauen',
        kind: 'decision',
        decisionType: 'goal',
        fieldId: fields.Ganztag,
        proposal: 'Ziel: mehr Ganztagsplätze.',
      })
    ).json();
    await call(net, 'office', 'POST', `/meetings/${mtg.id}/hold`);
    await call(net, 'office', 'PUT', `/meetings/${mtg.id}/attendance`, {
      entries: [
        { memberId: m.land, status: 'present', deputyId: null },
        { memberId: m.county, status: 'present', deputyId: null },
      ],
    });
    const res = await call(net, 'office', 'POST', `/meetings/${mtg.id}/items/${d.items[0].id}/rounds`, {
      proposal: 'Ziel: mehr Ganztagsplätze.',
      positions: [
        { memberId: m.land, stance: 'consent' },
        { memberId: m.county, stance: 'consent' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('scope.not_joint');
    expect(res.json().error.message).toMatch(/bleibt in der Zuständigkeit des Schulträgers/);
    expect(
      await ctx.database.db.select().from(t.decision).where(eq(t.decision.networkId, net.id)),
    ).toHaveLength(0);
    expect(
      await ctx.database.db.select().from(t.decisionRound).where(eq(t.decisionRound.networkId, net.id)),
    ).toHaveLength(0);
  });

  it('refuses to open a meeting days before it starts', async () => {
    const { net } = await committeeNetwork();
    const future = await meetingAt(net, '2030-03-12T14:00', '2030-03-12T16:00');
    const res = await call(net, 'office', 'POST', `/meetings/${future.id}/hold`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/noch nicht begonnen/);
  });
});

describe('roles and tenancy', () => {
  it('lets the office plan, committee members read, partners nothing; other networks see 404', async () => {
    const { net } = await committeeNetwork();
    const mtg = await meetingAt(net, '2027-03-12T14:00', '2027-03-12T16:00');
    const other = await createNetworkWithMembers(ctx);
    const expected = { admin: 201, office: 201, committee: 403, guest: 403, partner: 403 } as const;
    for (const [role, status] of Object.entries(expected)) {
      const res = await call(net, role as Role, 'POST', '/meetings', {
        title: `Sitzung ${role}`,
        startsAt: '2027-06-01T10:00',
        endsAt: '2027-06-01T12:00',
      });
      expect(res.statusCode, role).toBe(status);
    }
    expect((await call(net, 'committee', 'GET', `/meetings/${mtg.id}`)).statusCode).toBe(200);
    expect((await call(net, 'partner', 'GET', '/meetings')).statusCode).toBe(403);
    for (const url of [`/meetings/${mtg.id}`, '/meetings', '/committee', '/decisions']) {
      const res = await ctx.as(other.users.admin.cookie, {
        method: 'GET',
        url: `/api/networks/${net.id}${url}`,
      });
      expect(res.statusCode, url).toBe(404);
    }
    const cross = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/meetings/${mtg.id}`,
    });
    expect(cross.statusCode).toBe(404);
  });
});
