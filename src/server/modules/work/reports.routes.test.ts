import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { workOrderNetwork } from '../../../../tests/helpers/work.js';
import * as t from '../../db/schema.js';

let clock = new Date('2027-03-01T09:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => clock });
});
afterAll(() => ctx.close());

type Who = 'admin' | 'office' | 'committee' | 'guest' | 'partner';
const call = (net: TestNetwork, who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(net.users[who].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

/**
 * A network with a joint field of action, a work-order decision and orders in several states (written
 * straight into the tables: the orders part builds their API), a project with tasks and one order, and
 * a planned meeting on 12 March 2027.
 */
async function office() {
  clock = new Date('2027-03-01T09:00:00Z');
  const { net, db, fieldId, order: insert } = await workOrderNetwork(ctx);
  const order = (seq: number, title: string, status: string, progress: number, extra = {}) =>
    insert({ seq, title, dueOn: '2027-06-30', status: status as 'new', progress, ...extra });
  const running = await order(1, 'Portal bauen', 'in_progress', 60);
  const fresh = await order(2, 'Flyer', 'new', 0);
  const returned = await order(3, 'Messe', 'returned', 10, { returnReason: 'Kein Budget mehr' });
  const done = await order(4, 'Konzept', 'done', 100);
  const [p] = await db
    .insert(t.project)
    .values({
      networkId: net.id,
      title: 'zdi-Netzwerk',
      fieldId,
      leadId: net.users.office.id,
      reportDueOn: '2027-03-01',
    })
    .returning();
  await db.insert(t.projectTask).values([
    { networkId: net.id, projectId: p!.id, title: 'Partner gewinnen', status: 'done', weight: 1 },
    // Its checklist decides its progress (3 of 4 ticked: 75 %), as on the project page.
    {
      networkId: net.id,
      projectId: p!.id,
      title: 'Auftakt planen',
      progress: 50,
      weight: 1,
      checklist: [
        { label: 'Raum', done: true },
        { label: 'Einladung', done: true },
        { label: 'Programm', done: true },
        { label: 'Catering', done: false },
      ],
    },
    { networkId: net.id, projectId: p!.id, title: 'Website', progress: 0, weight: 2 },
  ]);
  const [closed] = await db
    .insert(t.project)
    .values({ networkId: net.id, title: 'Altprojekt', status: 'closed' })
    .returning();
  const m = await call(net, 'office', 'POST', '/meetings', {
    title: 'Frühjahrssitzung',
    startsAt: '2027-03-12T14:00',
    endsAt: '2027-03-12T16:00',
    location: 'Kreishaus',
  });
  expect(m.statusCode, m.body).toBe(201);
  return {
    net,
    fieldId,
    running,
    fresh,
    returned,
    done,
    project: p!,
    closed: closed!,
    meetingId: m.json().id as string,
  };
}

describe('progress reports per role', () => {
  it('office and admin write, the committee reads, guests and partners are refused, other networks see nothing', async () => {
    const s = await office();
    const other = await createNetworkWithMembers(ctx);
    const body = { orderId: s.running.id, text: 'Das Portal ist im Test.', progress: 60 };
    for (const [who, code] of [
      ['office', 201],
      ['admin', 201],
      ['committee', 403],
      ['guest', 403],
      ['partner', 403],
    ] as const) {
      const r = await call(s.net, who, 'POST', '/work/reports', body);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(code);
    }
    for (const [who, code] of [
      ['office', 200],
      ['admin', 200],
      ['committee', 200],
      ['guest', 403],
      ['partner', 403],
    ] as const) {
      const r = await call(s.net, who, 'GET', `/work/reports?orderId=${s.running.id}`);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(code);
    }
    const list = (await call(s.net, 'committee', 'GET', `/work/reports?orderId=${s.running.id}`)).json();
    expect(list.subject).toMatchObject({
      kind: 'work_order',
      label: 'AA-2027-01 Portal bauen',
      status: 'in_progress',
      progress: 60,
      fieldName: 'KAoA',
    });
    expect(list.reports).toHaveLength(2);
    expect(list.reports[0]).toMatchObject({ text: 'Das Portal ist im Test.', frozenAt: null, meeting: null });

    // Another network's admin: the network is not theirs (404), and its order is unknown in their own.
    const foreign = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${s.net.id}/work/reports?orderId=${s.running.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await call(other, 'admin', 'GET', `/work/reports?orderId=${s.running.id}`)).statusCode).toBe(404);
    expect((await call(other, 'admin', 'POST', '/work/reports', body)).statusCode).toBe(404);

    for (const [who, code] of [
      ['office', 200],
      ['admin', 200],
      ['committee', 403],
      ['guest', 403],
      ['partner', 403],
    ] as const) {
      const r = await call(s.net, who, 'GET', `/meetings/${s.meetingId}/office-report-proposal`);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(code);
    }
    const add = { entries: [{ kind: 'work_order', id: s.running.id, text: 'x', progress: 1 }] };
    for (const who of ['committee', 'guest', 'partner'] as const) {
      expect((await call(s.net, who, 'POST', `/meetings/${s.meetingId}/office-report`, add)).statusCode).toBe(
        403,
      );
    }
    expect(
      (await call(other, 'admin', 'POST', `/meetings/${s.meetingId}/office-report`, add)).statusCode,
    ).toBe(404);
  });

  it('refuses bad input with German messages and writes nothing', async () => {
    const s = await office();
    const count = async () =>
      (await ctx.database.db.select().from(t.progressReport).where(eq(t.progressReport.networkId, s.net.id)))
        .length;
    for (const [body, message] of [
      [{ text: 'x', progress: 1 }, 'genau einen Arbeitsauftrag oder ein Projekt'],
      [{ orderId: s.running.id, projectId: s.project.id, text: 'x', progress: 1 }, 'genau einen'],
      [{ orderId: s.running.id, text: 'x', progress: 101 }, 'höchstens 100 %'],
      [{ orderId: s.running.id, text: 'x', progress: -1 }, 'zwischen 0 und 100'],
      [{ orderId: s.running.id, text: '   ', progress: 5 }, 'Sachstand'],
      [{ orderId: 'nope', text: 'x', progress: 5 }, 'unbekannt'],
    ] as const) {
      const r = await call(s.net, 'office', 'POST', '/work/reports', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.body).toContain(message);
    }
    const unknown = await call(s.net, 'office', 'POST', '/work/reports', {
      projectId: '00000000-0000-4000-8000-000000000000',
      text: 'x',
      progress: 5,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Das Projekt wurde nicht gefunden.');
    expect(await count()).toBe(0);
    const twice = await call(s.net, 'office', 'POST', `/meetings/${s.meetingId}/office-report`, {
      entries: [
        { kind: 'work_order', id: s.running.id, text: 'a', progress: 1 },
        { kind: 'work_order', id: s.running.id, text: 'b', progress: 1 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    const closed = await call(s.net, 'office', 'POST', `/meetings/${s.meetingId}/office-report`, {
      entries: [{ kind: 'project', id: s.closed.id, text: 'a', progress: 1 }],
    });
    expect(closed.statusCode).toBe(400);
    expect(await count()).toBe(0);
    const items = await ctx.database.db
      .select()
      .from(t.agendaItem)
      .where(eq(t.agendaItem.meetingId, s.meetingId));
    expect(items).toHaveLength(0);
  });

  it('a draft changes with the state it was read in; a stale save is refused naming who saved', async () => {
    const s = await office();
    const r = (
      await call(s.net, 'office', 'POST', '/work/reports', {
        projectId: s.project.id,
        text: 'Erster Stand',
        progress: 30,
      })
    ).json();
    const ok = await call(s.net, 'admin', 'PUT', `/work/reports/${r.id}`, {
      text: 'Zweiter Stand',
      progress: 40,
      updatedAt: r.updatedAt,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ text: 'Zweiter Stand', progress: 40, authorName: 'Test admin' });
    // Stamped by the app's clock, not the machine's.
    const stamped = new Date(ok.json().updatedAt).getTime();
    expect(stamped).toBeGreaterThanOrEqual(clock.getTime());
    expect(stamped).toBeLessThan(clock.getTime() + 1000);
    const stale = await call(s.net, 'office', 'PUT', `/work/reports/${r.id}`, {
      text: 'Überholt',
      progress: 35,
      updatedAt: r.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(
      'Der Bericht wurde inzwischen von Test admin geändert. Bitte laden Sie ihn neu.',
    );
    expect(
      (await call(s.net, 'committee', 'PUT', `/work/reports/${r.id}`, { ...ok.json() })).statusCode,
    ).toBe(403);
  });
});

describe('the office report into the meeting', () => {
  it('does not pull a draft off another planned meeting: 409 naming it', async () => {
    const s = await office();
    const entry = { kind: 'work_order', id: s.running.id, text: 'Stand im März', progress: 60 };
    const first = await call(s.net, 'office', 'POST', `/meetings/${s.meetingId}/office-report`, {
      entries: [entry],
    });
    expect(first.statusCode, first.body).toBe(201);
    const next = (
      await call(s.net, 'office', 'POST', '/meetings', {
        title: 'Sommersitzung',
        startsAt: '2027-06-12T14:00',
        endsAt: '2027-06-12T16:00',
        location: 'Kreishaus',
      })
    ).json();
    const moved = await call(s.net, 'office', 'POST', `/meetings/${next.id}/office-report`, {
      entries: [{ ...entry, text: 'Stand im Juni' }],
    });
    expect(moved.statusCode, moved.body).toBe(409);
    expect(moved.json().error.message).toMatch(
      /steht schon auf der Tagesordnung der Sitzung „Frühjahrssitzung“ vom 12\.03\.2027/,
    );
    const reports = (await call(s.net, 'office', 'GET', `/work/reports?orderId=${s.running.id}`)).json();
    expect(reports.reports).toEqual([expect.objectContaining({ text: 'Stand im März' })]);
    const items = await ctx.database.db
      .select()
      .from(t.agendaItem)
      .where(eq(t.agendaItem.meetingId, next.id));
    expect(items).toHaveLength(0);
  });

  it('offers every due order and project prefilled, adds the item with linked reports, freezes them with the meeting and lists them in its minutes', async () => {
    const s = await office();
    const draft = (
      await call(s.net, 'office', 'POST', '/work/reports', {
        orderId: s.running.id,
        text: 'Das Portal ist im Test, Start im April.',
        progress: 65,
      })
    ).json();

    const proposal = (
      await call(s.net, 'office', 'GET', `/meetings/${s.meetingId}/office-report-proposal`)
    ).json();
    expect(proposal).toMatchObject({ meetingDay: '2027-03-12', open: true, existingItemId: null });
    const byId = new Map(proposal.entries.map((e: { subject: { id: string } }) => [e.subject.id, e]));
    // New orders have nothing to report; closed projects neither.
    expect([...byId.keys()].sort()).toEqual([s.running.id, s.returned.id, s.done.id, s.project.id].sort());
    expect(byId.get(s.running.id)).toMatchObject({
      reason: 'state_changed',
      draft: { id: draft.id },
      text: 'Das Portal ist im Test, Start im April.',
      progress: 65,
      needsDecision: false,
    });
    expect(byId.get(s.returned.id)).toMatchObject({ reason: 'returned', needsDecision: true });
    expect((byId.get(s.returned.id) as { text: string }).text).toContain('Kein Budget mehr');
    // zdi: tasks done 100 (w1), checklist 75 (w1), 0 (w2) → 175 / 4 = 44 %; report due on 1 March.
    expect(byId.get(s.project.id)).toMatchObject({
      reason: 'due_date',
      subject: { kind: 'project', label: 'zdi-Netzwerk', progress: 44 },
      draft: null,
      text: 'Stand: läuft, 44 % erreicht.',
    });

    const add = await call(s.net, 'office', 'POST', `/meetings/${s.meetingId}/office-report`, {
      entries: [
        {
          kind: 'work_order',
          id: s.running.id,
          text: 'Das Portal ist im Test, Start im April.',
          progress: 65,
        },
        { kind: 'work_order', id: s.returned.id, text: 'Zurück an den Lenkungskreis.', progress: 10 },
        { kind: 'project', id: s.project.id, text: 'Auftakt im Mai.', progress: 44 },
      ],
      proposeDecisions: true,
    });
    expect(add.statusCode, add.body).toBe(201);
    const result = add.json();
    expect(result.reportIds).toHaveLength(3);
    // The draft was taken, not copied.
    expect(result.reportIds).toContain(draft.id);
    expect(result.decisionItemIds).toHaveLength(1);
    // What was taken in is no longer offered as due: only the order left out remains.
    const left = (
      await call(s.net, 'office', 'GET', `/meetings/${s.meetingId}/office-report-proposal`)
    ).json();
    expect(left.entries.map((e: { subject: { id: string } }) => e.subject.id)).toEqual([s.done.id]);

    // A second call extends the same item.
    const more = await call(s.net, 'office', 'POST', `/meetings/${s.meetingId}/office-report`, {
      entries: [{ kind: 'work_order', id: s.done.id, text: 'Konzept abgeschlossen.', progress: 100 }],
    });
    expect(more.statusCode, more.body).toBe(201);
    expect(more.json().itemId).toBe(result.itemId);

    const meeting = (await call(s.net, 'committee', 'GET', `/meetings/${s.meetingId}`)).json();
    const item = meeting.items.find((i: { id: string }) => i.id === result.itemId);
    expect(item).toMatchObject({ title: 'Bericht aus dem Bildungsbüro', kind: 'information' });
    expect(item.proposal).toContain('– Arbeitsauftrag AA-2027-01 Portal bauen: in Arbeit, 65 %');
    expect(item.proposal).toContain('– Projekt „zdi-Netzwerk“: läuft, 44 %, 1 von 3 Aufgaben erledigt');
    expect(item.proposal).toContain('– Arbeitsauftrag AA-2027-04 Konzept: erledigt, 100 %');
    const decisionItem = meeting.items.find((i: { id: string }) => i.id === result.decisionItemIds[0]);
    expect(decisionItem).toMatchObject({
      title: 'Zurückgegebener Arbeitsauftrag AA-2027-03 Messe',
      kind: 'decision',
      decisionType: 'work_order',
    });
    // The item stands on the agenda; what it took is no longer offered as due.
    const after = (
      await call(s.net, 'office', 'GET', `/meetings/${s.meetingId}/office-report-proposal`)
    ).json();
    expect(after.existingItemId).toBe(result.itemId);
    expect(after.entries).toEqual([]);

    const links = await ctx.database.db.select().from(t.traceLink).where(eq(t.traceLink.networkId, s.net.id));
    expect(links.filter((l) => l.relation === 'reported_in')).toHaveLength(4);
    expect(links.filter((l) => l.relation === 'returned_to')).toMatchObject([
      {
        fromKind: 'work_order',
        fromId: s.returned.id,
        toKind: 'agenda_item',
        toId: result.decisionItemIds[0],
      },
    ]);

    // The meeting is opened: the reports are frozen with it.
    clock = new Date('2027-03-12T13:00:00Z');
    expect((await call(s.net, 'office', 'POST', `/meetings/${s.meetingId}/hold`)).statusCode).toBe(200);
    const reports = (await call(s.net, 'committee', 'GET', `/work/reports?projectId=${s.project.id}`)).json()
      .reports;
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      text: 'Auftakt im Mai.',
      frozenAt: '2027-03-12T13:00:00.000Z',
      snapshot: { status: 'active', progress: 44, tasksDone: 1, tasksTotal: 3 },
      meeting: { id: s.meetingId, title: 'Frühjahrssitzung' },
      agendaItemId: result.itemId,
    });
    const frozen = await call(s.net, 'office', 'PUT', `/work/reports/${draft.id}`, {
      text: 'Nachträglich',
      progress: 70,
      updatedAt: reports[0].updatedAt,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toContain('kann nicht mehr geändert werden');

    // The done order became reported, with its history entry.
    const [doneNow] = await ctx.database.db.select().from(t.workOrder).where(eq(t.workOrder.id, s.done.id));
    expect(doneNow!.status).toBe('reported');
    const events = await ctx.database.db
      .select()
      .from(t.workOrderEvent)
      .where(eq(t.workOrderEvent.orderId, s.done.id));
    expect(events).toMatchObject([
      { fromStatus: 'done', toStatus: 'reported', note: 'Bericht in „Frühjahrssitzung“ vorgelegt' },
    ]);
    const [runningNow] = await ctx.database.db
      .select()
      .from(t.workOrder)
      .where(eq(t.workOrder.id, s.running.id));
    expect(runningNow!.status).toBe('in_progress');
    const taken = await ctx.database.db
      .select()
      .from(t.traceLink)
      .where(and(eq(t.traceLink.networkId, s.net.id), eq(t.traceLink.relation, 'taken_in')));
    expect(taken).toHaveLength(4);

    // The minutes list the reports in the item's section.
    clock = new Date('2027-03-12T17:00:00Z');
    const minutes = await call(s.net, 'office', 'POST', `/meetings/${s.meetingId}/minutes/draft`);
    expect(minutes.statusCode, minutes.body).toBeLessThan(300);
    const record = minutes.json()[0].content.items.find((i: { itemId: string }) => i.itemId === result.itemId)
      .record as string[];
    expect(record).toEqual([
      'Sachstandsbericht – Arbeitsauftrag AA-2027-01 Portal bauen: in Arbeit, 65 %. Das Portal ist im Test, Start im April.',
      'Sachstandsbericht – Arbeitsauftrag AA-2027-03 Messe: an den Lenkungskreis zurückgegeben, 10 %. Zurück an den Lenkungskreis.',
      'Sachstandsbericht – Arbeitsauftrag AA-2027-04 Konzept: erledigt, 100 %. Konzept abgeschlossen.',
      'Sachstandsbericht – Projekt „zdi-Netzwerk“: läuft, 44 %, 1 von 3 Aufgaben erledigt. Auftakt im Mai.',
    ]);
    expect(minutes.json()[0].body).toContain('Sachstandsbericht – Projekt „zdi-Netzwerk“');

    // The agenda of the held meeting is fixed; the next meeting no longer finds what was heard.
    expect(
      (
        await call(s.net, 'office', 'POST', `/meetings/${s.meetingId}/office-report`, {
          entries: [{ kind: 'project', id: s.project.id, text: 'x', progress: 1 }],
        })
      ).statusCode,
    ).toBe(409);
    const next = (
      await call(s.net, 'office', 'POST', '/meetings', {
        title: 'Sommersitzung',
        startsAt: '2027-06-12T14:00',
        endsAt: '2027-06-12T16:00',
        location: 'Kreishaus',
      })
    ).json();
    const nextProposal = (
      await call(s.net, 'office', 'GET', `/meetings/${next.id}/office-report-proposal`)
    ).json();
    expect(nextProposal.entries).toEqual([]);
  });

  it('an order whose field a contract amendment ended is offered with a decision proposed', async () => {
    const s = await office();
    // Before the amendment nothing flags the new order.
    const before = (
      await call(s.net, 'office', 'GET', `/meetings/${s.meetingId}/office-report-proposal`)
    ).json();
    expect(before.entries.map((x: { subject: { id: string } }) => x.subject.id)).not.toContain(s.fresh.id);
    // The contract in force, then an amendment ending the field that both parties consent to.
    const consent = async (versionId: string) => {
      for (const party of ['land', 'municipality']) {
        const c = await call(s.net, 'office', 'POST', `/contract/versions/${versionId}/consents`, {
          party,
          signedBy: 'X Y',
          signedOn: '2027-02-20',
        });
        expect(c.statusCode, c.body).toBe(200);
      }
    };
    await consent((await call(s.net, 'office', 'GET', '/contract')).json().versions[0].id);
    const end = await call(s.net, 'admin', 'POST', '/contract/versions', {
      title: '1. Änderung: KAoA endet',
      effectiveFrom: '2027-03-01',
      endFieldIds: [s.fieldId],
    });
    expect(end.statusCode, end.body).toBe(201);
    await consent(end.json().id);
    const proposal = (
      await call(s.net, 'office', 'GET', `/meetings/${s.meetingId}/office-report-proposal`)
    ).json();
    const e = proposal.entries.find((x: { subject: { id: string } }) => x.subject.id === s.fresh.id);
    expect(e).toMatchObject({ reason: 'field_ended', needsDecision: true });
    const add = await call(s.net, 'office', 'POST', `/meetings/${s.meetingId}/office-report`, {
      entries: [{ kind: 'work_order', id: s.fresh.id, text: e.text, progress: 0 }],
      proposeDecisions: true,
    });
    expect(add.statusCode, add.body).toBe(201);
    const meeting = (await call(s.net, 'office', 'GET', `/meetings/${s.meetingId}`)).json();
    expect(meeting.items.map((i: { title: string }) => i.title)).toEqual([
      'Bericht aus dem Bildungsbüro',
      'Arbeitsauftrag AA-2027-02 Flyer: Handlungsfeld beendet',
    ]);
  });
});
