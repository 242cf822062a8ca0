import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { multipart, tinyPdf } from '../../../../tests/helpers/multipart.js';
import { workOrderNetwork } from '../../../../tests/helpers/work.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2027-03-01T09:00:00Z') });
});
afterAll(() => ctx.close());

type Who = 'admin' | 'office' | 'committee' | 'guest' | 'partner';
const call = (
  net: TestNetwork,
  who: Who,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => ctx.as(net.users[who].cookie, { method, url: `/api/networks/${net.id}/work${url}`, payload });

/** A network with a contract whose field KAoA is joint, a taken work-order decision and two orders. */
async function setup() {
  const { net, fieldId, order } = await workOrderNetwork(ctx, {
    as: 'office',
    contract: {
      landPartyName: 'Land Nordrhein-Westfalen',
      signatories: [
        { party: 'land', name: 'Beispiel RP', function: 'Regierungspräsidentin' },
        { party: 'municipality', name: 'Beispiel Landrat', function: 'Landrat' },
      ],
    },
    version: { sections: [{ heading: '§ 1', body: 'Land und Kreis arbeiten zusammen.' }] },
    effectiveFrom: '2012-01-01',
    fieldName: 'Übergang Schule–Beruf (KAoA)',
    decision: { text: 'Das Bildungsbüro baut ein Portal für Praxisphasen auf.', decidedOn: '2027-02-01' },
  });
  const orders = [
    await order({
      seq: 1,
      title: 'Portal aufbauen',
      dueOn: '2027-06-30',
      status: 'in_progress',
      progress: 50,
    }),
    await order({
      seq: 2,
      title: 'Betriebe gewinnen',
      dueOn: '2027-06-30',
      status: 'in_progress',
      progress: 0,
    }),
  ];
  return { net, fieldId, orders: orders.map((o) => o.id) };
}

async function newProject(net: TestNetwork, body: object = {}) {
  const r = await call(net, 'office', 'POST', '/projects', {
    title: 'Praxisphasen',
    description: 'Praxisphasen in Betrieben',
    leadId: net.users.office.id,
    startOn: '2027-01-01',
    endOn: '2027-12-31',
    ...body,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

describe('projects: who may do what', () => {
  it('office and admin manage; committee reads without tasks; guest and partner 403; outsiders 404', async () => {
    const { net, fieldId } = await setup();
    const p = await newProject(net, { fieldId });
    expect(p).toMatchObject({
      title: 'Praxisphasen',
      fieldName: 'Übergang Schule–Beruf (KAoA)',
      status: 'active',
    });
    expect(p.leadName).toBeTruthy();
    const task = await call(net, 'admin', 'POST', `/projects/${p.id}/tasks`, {
      title: 'Betriebe anschreiben',
    });
    expect(task.statusCode, task.body).toBe(201);

    const committee = await call(net, 'committee', 'GET', `/projects/${p.id}`);
    expect(committee.statusCode).toBe(200);
    expect(committee.json().tasks).toBeNull();
    expect(committee.json().rollUp).toMatchObject({ tasks: null, tasksDone: null, progress: 0 });
    expect((await call(net, 'committee', 'GET', '/projects')).json()).toHaveLength(1);
    expect((await call(net, 'office', 'GET', `/projects/${p.id}`)).json().tasks).toHaveLength(1);

    for (const [method, url, body] of [
      ['GET', `/projects/${p.id}/tasks`, undefined],
      ['POST', `/projects/${p.id}/tasks`, { title: 'x' }],
      ['POST', '/projects', { title: 'x' }],
      ['PATCH', `/projects/${p.id}`, { version: 1, title: 'x' }],
    ] as const) {
      expect((await call(net, 'committee', method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
    for (const who of ['guest', 'partner'] as const) {
      expect((await call(net, who, 'GET', '/projects')).statusCode).toBe(403);
      expect((await call(net, who, 'GET', `/projects/${p.id}`)).statusCode).toBe(403);
    }
    const other = await createNetworkWithMembers(ctx);
    const outsider = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/work/projects/${p.id}`,
    });
    expect(outsider.statusCode).toBe(404);
    // Another network's project id inside one's own network: not found either.
    const cross = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/work/projects/${p.id}`,
    });
    expect(cross.statusCode).toBe(404);
  });
});

describe('projects: bad input writes nothing', () => {
  it('refuses empty titles, end before start, a lead outside the office, unknown fields', async () => {
    const { net } = await setup();
    const cases: Array<[object, number, string | RegExp]> = [
      [{ title: '  ' }, 400, /Titel/],
      [{ title: 'X', startOn: '2027-05-01', endOn: '2027-04-01' }, 400, 'work.project_period'],
      [{ title: 'X', leadId: net.users.committee.id }, 400, 'work.not_office_staff'],
      [{ title: 'X', fieldId: '00000000-0000-4000-8000-000000000000' }, 400, 'work.field_unknown'],
      [{ title: 'X', startOn: '2027-02-30' }, 400, /Datum/],
    ];
    for (const [body, status, expected] of cases) {
      const r = await call(net, 'office', 'POST', '/projects', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      if (typeof expected === 'string') expect(r.json().error.code).toBe(expected);
      else expect(r.json().error.message).toMatch(expected);
    }
    expect((await call(net, 'office', 'GET', '/projects')).json()).toHaveLength(0);
  });

  it('refuses progress over 100 % and weights summing to 0 (400)', async () => {
    const { net } = await setup();
    const p = await newProject(net);
    const over = await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'A', progress: 101 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toMatch(/höchstens 100/);
    const zero = await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'A', weight: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.message).toMatch(/Die Gewichte ergeben zusammen 0/);
    const a = (
      await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'A', weight: 2 })
    ).json();
    const toZero = await call(net, 'office', 'PATCH', `/projects/${p.id}/tasks/${a.id}`, {
      version: a.version,
      weight: 0,
    });
    expect(toZero.statusCode).toBe(400);
    expect(toZero.json().error.code).toBe('work.weights_zero');
    // A second task of weight 0 beside one of weight 2 is fine.
    expect(
      (await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'B', weight: 0 })).statusCode,
    ).toBe(201);
    const tasks = (await call(net, 'office', 'GET', `/projects/${p.id}/tasks`)).json();
    expect(tasks.map((x: { title: string; weight: number }) => [x.title, x.weight])).toEqual([
      ['A', 2],
      ['B', 0],
    ]);
  });

  it('refuses an assignee outside the office and an order of another project', async () => {
    const { net, orders } = await setup();
    const p = await newProject(net);
    const bad = await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, {
      title: 'A',
      assigneeId: net.users.partner.id,
    });
    expect(bad.json().error.code).toBe('work.not_office_staff');
    const notInProject = await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, {
      title: 'A',
      orderId: orders[0],
    });
    expect(notInProject.json().error.code).toBe('work.task_order');
  });
});

describe('projects: roll-up, orders and tasks', () => {
  it('rolls progress up from tasks (checklists) and orders by weight; explains it', async () => {
    const { net, orders } = await setup();
    const p = await newProject(net);
    // Order AA-2027-01 (50 %) with weight 2.
    const assigned = await call(net, 'office', 'POST', `/projects/${p.id}/orders`, {
      orderId: orders[0],
      weight: 2,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().orders).toEqual([
      expect.objectContaining({ number: 'AA-2027-01', weight: 2, progress: 50 }),
    ]);
    const links = await ctx.database.db
      .select()
      .from(t.traceLink)
      .where(and(eq(t.traceLink.networkId, net.id), eq(t.traceLink.relation, 'part_of')));
    expect(links).toEqual([
      expect.objectContaining({ fromKind: 'work_order', fromId: orders[0], toKind: 'project', toId: p.id }),
    ]);

    // Task with a checklist of 4, one checked → 25 % whatever progress was entered.
    const task = (
      await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, {
        title: 'Betriebe anschreiben',
        assigneeId: net.users.admin.id,
        dueOn: '2027-04-01',
        progress: 90,
        orderId: orders[0],
      })
    ).json();
    expect(task).toMatchObject({ orderNumber: 'AA-2027-01', effectiveProgress: 90 });
    for (const label of ['Liste', 'Brief', 'Versand', 'Nachfassen'])
      await call(net, 'office', 'POST', `/projects/${p.id}/tasks/${task.id}/checklist`, { label });
    const checked = await call(net, 'office', 'PATCH', `/projects/${p.id}/tasks/${task.id}/checklist/0`, {
      done: true,
    });
    expect(checked.json()).toMatchObject({ effectiveProgress: 25, progress: 90 });
    expect(checked.json().checklist[0]).toEqual({ label: 'Liste', done: true });
    // A second task, done → 100.
    const t2 = (await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'Flyer' })).json();
    const done = await call(net, 'office', 'PATCH', `/projects/${p.id}/tasks/${t2.id}`, {
      version: t2.version,
      status: 'done',
    });
    expect(done.json()).toMatchObject({ status: 'done', effectiveProgress: 100 });
    expect(done.json().completedAt).toBeTruthy();

    // (2·50 + 1·25 + 1·100) / 4 = 56.25 → 56
    const detail = (await call(net, 'office', 'GET', `/projects/${p.id}`)).json();
    expect(detail.rollUp).toEqual({
      progress: 56,
      state: 'ok',
      tasks: 2,
      tasksDone: 1,
      orders: 1,
      totalWeight: 4,
    });
    const committee = (await call(net, 'committee', 'GET', `/projects/${p.id}`)).json();
    expect(committee.rollUp.progress).toBe(56);

    // Removing a checklist item and a missing index.
    const removed = await call(net, 'office', 'DELETE', `/projects/${p.id}/tasks/${task.id}/checklist/3`);
    expect(removed.json().checklist).toHaveLength(3);
    expect(
      (await call(net, 'office', 'DELETE', `/projects/${p.id}/tasks/${task.id}/checklist/7`)).statusCode,
    ).toBe(404);

    // The order listed as assignable no more; a second project cannot take it.
    const assignable = (await call(net, 'office', 'GET', '/project-orders')).json();
    expect(assignable.map((o: { number: string }) => o.number)).toEqual(['AA-2027-02']);
    const p2 = await newProject(net, { title: 'zdi-Netzwerk' });
    const taken = await call(net, 'office', 'POST', `/projects/${p2.id}/orders`, { orderId: orders[0] });
    expect(taken.statusCode).toBe(409);
    const out = await call(net, 'office', 'DELETE', `/projects/${p.id}/orders/${orders[0]}`);
    expect(out.json().orders).toEqual([]);
    const taskLinks = await ctx.database.db
      .select()
      .from(t.traceLink)
      .where(and(eq(t.traceLink.networkId, net.id), eq(t.traceLink.fromKind, 'task')));
    expect(taskLinks).toHaveLength(2);
  });

  it('keeps an order from dropping the last weight to 0; taking it out removes its part_of step', async () => {
    const { net, orders } = await setup();
    const p = await newProject(net);
    const id = orders[0]!;
    expect(
      (await call(net, 'office', 'POST', `/projects/${p.id}/orders`, { orderId: id, weight: 1 })).statusCode,
    ).toBe(200);
    const version = (await call(net, 'office', 'GET', `/orders/${id}`)).json().version;
    const zero = await call(net, 'office', 'PATCH', `/orders/${id}`, { version, weight: 0 });
    expect(zero.statusCode, zero.body).toBe(400);
    expect(zero.json().error.message).toMatch(/Die Gewichte ergeben zusammen 0/);
    expect((await call(net, 'office', 'GET', `/orders/${id}`)).json()).toMatchObject({ version, weight: 1 });
    // With a second weighted part the order may weigh 0.
    await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'Flyer', weight: 1 });
    expect((await call(net, 'office', 'PATCH', `/orders/${id}`, { version, weight: 0 })).statusCode).toBe(
      200,
    );

    const trace = async () =>
      (
        await ctx.as(net.users.office.cookie, {
          method: 'GET',
          url: `/api/networks/${net.id}/trace/work_order/${id}`,
        })
      ).json() as { edges: Array<{ relation: string; toId: string }> };
    expect((await trace()).edges).toContainEqual(
      expect.objectContaining({ relation: 'part_of', toId: p.id }),
    );
    expect((await call(net, 'office', 'DELETE', `/projects/${p.id}/orders/${id}`)).statusCode).toBe(200);
    expect((await trace()).edges.filter((e) => e.relation === 'part_of')).toEqual([]);
    const links = await ctx.database.db
      .select()
      .from(t.traceLink)
      .where(and(eq(t.traceLink.networkId, net.id), eq(t.traceLink.fromId, id)));
    expect(links.map((l) => l.relation)).not.toContain('part_of');
  });

  it('closing with open tasks answers 409 naming them; force closes; a closed project stays closed', async () => {
    const { net } = await setup();
    const p = await newProject(net);
    await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'Betriebe anschreiben' });
    await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'Flyer drucken' });
    const first = await call(net, 'office', 'POST', `/projects/${p.id}/close`, { version: p.version });
    expect(first.statusCode).toBe(409);
    expect(first.json().error.code).toBe('work.project_open_tasks');
    expect(first.json().error.message).toContain('„Betriebe anschreiben“, „Flyer drucken“');
    expect((await call(net, 'office', 'GET', `/projects/${p.id}`)).json().status).toBe('active');
    const forced = await call(net, 'office', 'POST', `/projects/${p.id}/close`, {
      version: p.version,
      force: true,
    });
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json()).toMatchObject({ status: 'closed' });
    const edit = await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'Noch eine' });
    expect(edit.json().error.code).toBe('work.project_closed');
    const reopened = await call(net, 'office', 'POST', `/projects/${p.id}/reopen`, {
      version: forced.json().version,
    });
    expect(reopened.json().status).toBe('active');
    const [audit] = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(
        and(
          eq(t.auditEvent.entityId, p.id),
          eq(t.auditEvent.summary, 'Projekt „Praxisphasen“ abgeschlossen, obwohl 2 Aufgabe(n) offen waren'),
        ),
      );
    expect(audit).toBeTruthy();
  });

  it('two parallel edits of one version: exactly one wins, the other is told who changed it', async () => {
    const { net } = await setup();
    const p = await newProject(net);
    const [a, b] = await Promise.all([
      call(net, 'office', 'PATCH', `/projects/${p.id}`, { version: p.version, title: 'Praxisphasen NRW' }),
      call(net, 'admin', 'PATCH', `/projects/${p.id}`, { version: p.version, reportDueOn: '2027-05-01' }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(lost.json().error.message).toMatch(/wurde inzwischen von .+ geändert/);
    const after = (await call(net, 'office', 'GET', `/projects/${p.id}`)).json();
    expect(after.version).toBe(2);

    const task = (await call(net, 'office', 'POST', `/projects/${p.id}/tasks`, { title: 'A' })).json();
    expect(
      (await call(net, 'office', 'PATCH', `/projects/${p.id}/tasks/${task.id}`, { version: 1, progress: 30 }))
        .statusCode,
    ).toBe(200);
    const stale = await call(net, 'admin', 'PATCH', `/projects/${p.id}/tasks/${task.id}`, {
      version: 1,
      progress: 40,
    });
    expect(stale.statusCode).toBe(409);
    expect((await call(net, 'office', 'GET', `/projects/${p.id}/tasks`)).json()[0].progress).toBe(30);
  });
});

describe('projects: milestones, partners, documents', () => {
  it('keeps milestones, partners and linked files; the committee reads them', async () => {
    const { net } = await setup();
    const p = await newProject(net);
    const m = await call(net, 'office', 'POST', `/projects/${p.id}/milestones`, {
      title: 'Portal online',
      dueOn: '2027-06-01',
    });
    const milestone = m.json().milestones[0];
    const reached = await call(net, 'office', 'PATCH', `/projects/${p.id}/milestones/${milestone.id}`, {
      reachedOn: '2027-05-28',
    });
    expect(reached.json().milestones[0]).toMatchObject({ title: 'Portal online', reachedOn: '2027-05-28' });
    await call(net, 'office', 'POST', `/projects/${p.id}/partners`, {
      name: 'IHK Arnsberg',
      role: 'Betriebskontakte',
    });
    const upload = multipart(
      { visibility: 'members' },
      { name: 'Konzept.pdf', content: tinyPdf(), type: 'application/pdf' },
    );
    const file = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/files`,
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(file.statusCode, file.body).toBe(201);
    const doc = await call(net, 'office', 'POST', `/projects/${p.id}/documents`, {
      fileId: file.json().id,
      title: 'Konzept',
    });
    expect(doc.json().documents).toEqual([
      expect.objectContaining({ title: 'Konzept', fileName: 'Konzept.pdf' }),
    ]);
    const missing = await call(net, 'office', 'POST', `/projects/${p.id}/documents`, {
      fileId: '00000000-0000-4000-8000-000000000000',
      title: 'X',
    });
    expect(missing.json().error.code).toBe('work.document_file');

    const seen = (await call(net, 'committee', 'GET', `/projects/${p.id}`)).json();
    expect(seen.partners).toEqual([
      expect.objectContaining({ name: 'IHK Arnsberg', role: 'Betriebskontakte' }),
    ]);
    expect(seen.documents).toHaveLength(1);
    expect(seen.milestones).toHaveLength(1);
    expect(
      (await call(net, 'committee', 'POST', `/projects/${p.id}/partners`, { name: 'X' })).statusCode,
    ).toBe(403);

    const partnerId = seen.partners[0].id;
    const removed = await call(net, 'office', 'DELETE', `/projects/${p.id}/partners/${partnerId}`);
    expect(removed.json().partners).toEqual([]);
    expect((await call(net, 'office', 'DELETE', `/projects/${p.id}/partners/${partnerId}`)).statusCode).toBe(
      404,
    );
  });
});
