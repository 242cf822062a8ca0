import { readFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';
import { addTraceLink } from './trace.service.js';

/*
 * The trace and the quality cycle through the API, per role. Other parts create goals, orders, projects
 * and reports on their branches: here the rows are inserted directly and joined by addTraceLink, plus
 * the "decided" link a meeting's decision now records itself.
 */

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

type Role = keyof TestNetwork['users'];
const call = (net: TestNetwork, role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(net.users[role].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

/** A network with a joint field (KAoA), a meeting item that took a work-order decision, two orders. */
async function tracedNetwork() {
  const net = await createNetworkWithMembers(ctx);
  const db = ctx.database.db;
  await call(net, 'office', 'PUT', '/contract', {
    title: 'Kooperationsvertrag',
    landPartyName: 'Land NRW',
    municipalityPartyName: 'Kreis',
    signatories: [],
  });
  const v1 = await call(net, 'office', 'POST', '/contract/versions', {
    title: 'Kooperationsvertrag',
    effectiveFrom: '2012-01-01',
    addFields: [{ name: 'KAoA', previousOwner: 'land' }],
  });
  for (const party of ['land', 'municipality'])
    await call(net, 'office', 'POST', `/contract/versions/${v1.json().id}/consents`, {
      party,
      signedBy: 'X Y',
      signedOn: '2011-12-01',
    });
  const fieldId = v1.json().addedFields[0].id as string;
  const [m] = await db
    .insert(t.meeting)
    .values({
      networkId: net.id,
      title: 'Sitzung Mai',
      startsAt: new Date('2027-05-10T14:00:00Z'),
      endsAt: new Date('2027-05-10T16:00:00Z'),
      status: 'held',
      icalUid: `${net.id}@test`,
    })
    .returning();
  const [item] = await db
    .insert(t.agendaItem)
    .values({
      networkId: net.id,
      meetingId: m!.id,
      position: 3,
      title: 'Praxisphasen-Portal',
      kind: 'decision',
      decisionType: 'work_order',
      fieldId,
      status: 'decided',
    })
    .returning();
  const decide = async (seq: number, type: 'work_order' | 'goal' | 'recommendation', title: string) => {
    const [d] = await db
      .insert(t.decision)
      .values({
        networkId: net.id,
        year: 2027,
        seq,
        number: `LK-2027-0${seq}`,
        itemId: seq === 4 ? item!.id : null,
        type,
        fieldId,
        title,
        text: title,
        decidedOn: '2027-05-10',
      })
      .returning();
    return d!;
  };
  const d = await decide(4, 'work_order', 'Praxisphasen-Portal');
  const goalDecision = await decide(5, 'goal', 'Ziele KAoA');
  const bare = await decide(6, 'recommendation', 'Empfehlung');
  const actor = { networkId: net.id, userId: net.users.office.id, name: 'Test office' };
  await addTraceLink(
    db,
    actor,
    { kind: 'agenda_item', id: item!.id },
    { kind: 'decision', id: d.id },
    'decided',
  );
  const order = async (seq: number, status: 'in_progress' | 'done', dueOn: string) => {
    const [o] = await db
      .insert(t.workOrder)
      .values({
        networkId: net.id,
        year: 2027,
        seq,
        number: `AA-2027-0${seq}`,
        decisionId: d.id,
        fieldId,
        title: `Portal Teil ${seq}`,
        orderedOn: '2027-05-11',
        dueOn,
        assigneeId: net.users.office.id,
        status,
        progress: status === 'done' ? 100 : 40,
      })
      .returning();
    await addTraceLink(
      db,
      actor,
      { kind: 'decision', id: d.id },
      { kind: 'work_order', id: o!.id },
      'orders',
    );
    return o!;
  };
  const o1 = await order(1, 'in_progress', '2099-12-31');
  const o2 = await order(2, 'done', '2027-09-30');
  const [p] = await db
    .insert(t.project)
    .values({ networkId: net.id, fieldId, title: 'Praxisphasen' })
    .returning();
  await addTraceLink(db, actor, { kind: 'work_order', id: o1.id }, { kind: 'project', id: p!.id }, 'part_of');
  const [task] = await db
    .insert(t.projectTask)
    .values({ networkId: net.id, projectId: p!.id, title: 'Geheime Aufgabe' })
    .returning();
  await addTraceLink(db, actor, { kind: 'task', id: task!.id }, { kind: 'project', id: p!.id }, 'part_of');
  const [report] = await db
    .insert(t.progressReport)
    .values({ networkId: net.id, orderId: o2.id, text: 'Fertig', progress: 100, authorName: 'Test office' })
    .returning();
  await addTraceLink(
    db,
    actor,
    { kind: 'work_order', id: o2.id },
    { kind: 'report', id: report!.id },
    'reported_in',
  );
  // A cycle must not hang the walk: the report "leads back" to the decision.
  await addTraceLink(
    db,
    actor,
    { kind: 'report', id: report!.id },
    { kind: 'decision', id: d.id },
    'taken_in',
  );
  const [g] = await db
    .insert(t.goal)
    .values({
      networkId: net.id,
      fieldId,
      decisionId: goalDecision.id,
      statement: 'Alle Schulen bieten Praxisphasen an',
      target: '100 % der Schulen',
      horizonYear: 2028,
      reviewOn: '2026-01-01',
    })
    .returning();
  await addTraceLink(
    db,
    actor,
    { kind: 'decision', id: goalDecision.id },
    { kind: 'goal', id: g!.id },
    'sets_goal',
  );
  return {
    net,
    fieldId,
    item: item!,
    d,
    goalDecision,
    bare,
    o1,
    o2,
    p: p!,
    task: task!,
    report: report!,
    g: g!,
  };
}

describe('GET trace/:kind/:id', () => {
  it('walks both ways from an order, in time order, with the decision upstream and the report downstream', async () => {
    const s = await tracedNetwork();
    const res = await call(s.net, 'committee', 'GET', `/trace/work_order/${s.o2.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.focus.label).toBe('AA-2027-02 Portal Teil 2');
    expect(v.focus.path).toBe(`arbeitsprogramm/auftraege/${s.o2.id}`);
    const up = v.upstream.map((n: { kind: string; label: string }) => `${n.kind} ${n.label}`);
    expect(up).toContain('decision LK-2027-04 KAoA: Praxisphasen-Portal');
    expect(up).toContain('agenda_item TOP 3 Praxisphasen-Portal (Sitzung Mai)');
    // Oldest first: the meeting's item (10 May) before … the report's date is today.
    expect(v.downstream.map((n: { kind: string }) => n.kind)).toContain('report');
    expect(v.edges.some((e: { relation: string }) => e.relation === 'orders')).toBe(true);
  });

  it('from a decision: what followed, with both orders and the project; tasks only counted for the committee', async () => {
    const s = await tracedNetwork();
    const asCommittee = (await call(s.net, 'committee', 'GET', `/trace/decision/${s.d.id}`)).json();
    const kinds = asCommittee.downstream.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['work_order', 'project', 'report']));
    expect(asCommittee.upstream.map((n: { kind: string }) => n.kind)).toContain('agenda_item');
    const fromProject = (await call(s.net, 'committee', 'GET', `/trace/project/${s.p.id}`)).json();
    expect(fromProject.upstream.some((n: { kind: string }) => n.kind === 'task')).toBe(false);
    expect(fromProject.hiddenTasks).toBe(1);
    expect(JSON.stringify(fromProject)).not.toContain('Geheime Aufgabe');
    const asOffice = (await call(s.net, 'office', 'GET', `/trace/project/${s.p.id}`)).json();
    expect(asOffice.upstream.map((n: { label: string }) => n.label)).toContain('Aufgabe „Geheime Aufgabe“');
    expect(asOffice.hiddenTasks).toBe(0);
    // The committee cannot open a task's trace at all.
    expect((await call(s.net, 'committee', 'GET', `/trace/task/${s.task.id}`)).statusCode).toBe(404);
  });

  it('answers per role: guest and partner 403, another network 404, unknown thing 404, bad kind 400', async () => {
    const s = await tracedNetwork();
    const url = `/trace/decision/${s.d.id}`;
    for (const role of ['admin', 'office', 'committee'] as const)
      expect((await call(s.net, role, 'GET', url)).statusCode).toBe(200);
    for (const role of ['guest', 'partner'] as const)
      expect((await call(s.net, role, 'GET', url)).statusCode).toBe(403);
    const other = await createNetworkWithMembers(ctx);
    const foreign = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${s.net.id}${url}`,
    });
    expect(foreign.statusCode).toBe(404);
    // Another network's admin asking in their own network for our decision: not found, nothing leaks.
    expect((await call(other, 'admin', 'GET', url)).statusCode).toBe(404);
    expect((await call(s.net, 'office', 'GET', `/trace/decision/${crypto.randomUUID()}`)).statusCode).toBe(
      404,
    );
    expect((await call(s.net, 'office', 'GET', `/trace/cake/${s.d.id}`)).statusCode).toBe(400);
  });

  it('never shows a node of another network, even when a link points at it', async () => {
    const s = await tracedNetwork();
    const other = await tracedNetwork();
    // A (wrong) link of our network pointing at the other network's order.
    await addTraceLink(
      ctx.database.db,
      { networkId: s.net.id, userId: null, name: 'x' },
      { kind: 'decision', id: s.bare.id },
      { kind: 'work_order', id: other.o1.id },
      'orders',
    );
    const v = (await call(s.net, 'office', 'GET', `/trace/decision/${s.bare.id}`)).json();
    expect(v.downstream).toEqual([]);
    expect(v.edges).toEqual([]);
  });
});

describe('the register: Was daraus wurde', () => {
  it('summarises from the links and filters by outcome (also in the export)', async () => {
    const s = await tracedNetwork();
    const page = (await call(s.net, 'committee', 'GET', '/decisions')).json();
    const byNumber = Object.fromEntries(
      page.items.map((d: { number: string; outcome: string; outcomeSummary: string }) => [d.number, d]),
    );
    expect(byNumber['LK-2027-04'].outcomeSummary).toBe('2 Aufträge: 1 erledigt, 1 in Arbeit');
    expect(byNumber['LK-2027-04'].outcome).toBe('open');
    expect(byNumber['LK-2027-05'].outcomeSummary).toBe('Ziel gesetzt');
    expect(byNumber['LK-2027-05'].outcome).toBe('implemented');
    expect(byNumber['LK-2027-06'].outcome).toBe('open');
    const implemented = (await call(s.net, 'committee', 'GET', '/decisions?outcome=implemented')).json();
    expect(implemented.items.map((d: { number: string }) => d.number)).toEqual(['LK-2027-05']);
    // A cursor no longer in the filtered list (its outcome changed): an empty page, not page one again.
    const gone = await call(
      s.net,
      'committee',
      'GET',
      `/decisions?outcome=implemented&after=${byNumber['LK-2027-04'].id}`,
    );
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().items).toEqual([]);
    // Make the running order overdue: the decision is overdue.
    await ctx.database.db.update(t.workOrder).set({ dueOn: '2026-06-01' }).where(eqId(s.o1.id));
    const overdue = (await call(s.net, 'office', 'GET', '/decisions?outcome=overdue')).json();
    expect(overdue.items.map((d: { number: string }) => d.number)).toEqual(['LK-2027-04']);
    expect((await call(s.net, 'office', 'GET', '/decisions?outcome=kaputt')).statusCode).toBe(400);
    const xlsx = await call(s.net, 'office', 'GET', '/decisions/export.xlsx?outcome=overdue');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.getWorksheet('Beschlüsse')!;
    expect(ws.getRow(1).getCell(7).value).toBe('Was daraus wurde');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('LK-2027-04');
    expect(ws.getRow(2).getCell(7).value).toBe('überfällig');
    expect(ws.getRow(2).getCell(8).value).toBe('2 Aufträge: 1 erledigt, 1 in Arbeit, 1 überfällig');
  });
});

describe('the quality cycle', () => {
  it('shows goals, measures, evaluation and adjustment with each step state and the overdue list', async () => {
    const s = await tracedNetwork();
    const index = await call(s.net, 'committee', 'GET', '/work/quality');
    expect(index.statusCode, index.body).toBe(200);
    expect(index.json()).toEqual([
      expect.objectContaining({ id: s.fieldId, name: 'KAoA', steps: expect.any(Object) }),
    ]);
    const res = await call(s.net, 'committee', 'GET', `/work/quality/${s.fieldId}`);
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json();
    expect(q.goals).toHaveLength(1);
    expect(q.goals[0].reviewOverdue).toBe(true);
    expect(q.measures).toHaveLength(3);
    expect(q.steps).toEqual({
      goals: 'running',
      measures: 'running',
      evaluation: 'overdue',
      adjustment: 'open',
    });
    expect(q.overdue.map((i: { kind: string }) => i.kind)).toEqual(['goal']);
    for (const role of ['guest', 'partner'] as const)
      expect((await call(s.net, role, 'GET', `/work/quality/${s.fieldId}`)).statusCode).toBe(403);
    expect((await call(s.net, 'office', 'GET', `/work/quality/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('"Anpassung vorschlagen" puts an item on the next planned meeting (office only)', async () => {
    const s = await tracedNetwork();
    const body = { title: 'Ziel KAoA anpassen', proposal: 'Die Überprüfung zeigt: das Ziel ist zu hoch.' };
    const none = await call(s.net, 'office', 'POST', `/work/quality/${s.fieldId}/adjustment`, body);
    expect(none.statusCode).toBe(409);
    const meeting = await call(s.net, 'office', 'POST', '/meetings', {
      title: 'Sitzung Dezember',
      startsAt: '2099-12-01T14:00',
      endsAt: '2099-12-01T16:00',
      location: 'Kreishaus',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    expect(
      (await call(s.net, 'committee', 'POST', `/work/quality/${s.fieldId}/adjustment`, body)).statusCode,
    ).toBe(403);
    expect(
      (
        await call(s.net, 'office', 'POST', `/work/quality/${s.fieldId}/adjustment`, {
          title: 'x',
          proposal: '',
        })
      ).statusCode,
    ).toBe(400);
    const ok = await call(s.net, 'office', 'POST', `/work/quality/${s.fieldId}/adjustment`, body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().meetingTitle).toBe('Sitzung Dezember');
    const m = (await call(s.net, 'office', 'GET', `/meetings/${meeting.json().id}`)).json();
    expect(JSON.stringify(m)).toContain('Ziel KAoA anpassen');
  });
});

const eqId = (id: string) => eq(t.workOrder.id, id);

describe('the backfill migration (0019_trace_backfill)', () => {
  it('adds the decided link of decisions taken before the trace, once', async () => {
    const s = await tracedNetwork();
    const db = ctx.database.db;
    // As before the trace existed: the meeting's decision without its link.
    await db.delete(t.traceLink).where(eq(t.traceLink.toId, s.d.id));
    const file = await readFile(
      new URL('../../../../drizzle/0019_trace_backfill.sql', import.meta.url),
      'utf8',
    );
    const run = async () => {
      for (const statement of file.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));
    };
    await run();
    await run();
    const links = await db.select().from(t.traceLink).where(eq(t.traceLink.toId, s.d.id));
    expect(links.map((l) => [l.fromKind, l.fromId, l.relation])).toEqual([
      ['agenda_item', s.item.id, 'decided'],
    ]);
  });
});
