import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import type { Role } from '../../../contracts/common.js';
import * as t from '../../db/schema.js';
import { changeOrderStatus } from './order-status.service.js';
import { openWorkOrders, ordersForAgenda } from './orders.service.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;

/**
 * A network with a contract: "Übergang Schule – Beruf" joint since 2025, "Ganztag" joint from 2025 until
 * an amendment in force ended it on 2026-09-01, and decisions of the committee written straight into
 * the register (the register's own rules are steering's tests).
 */
async function fixture() {
  const net = await createNetworkWithMembers(ctx);
  const [c] = await db()
    .insert(t.contract)
    .values({
      networkId: net.id,
      title: 'Kooperationsvertrag',
      landPartyName: 'Land',
      municipalityPartyName: 'Kreis',
    })
    .returning();
  const [v1, v2] = await db()
    .insert(t.contractVersion)
    .values([
      {
        networkId: net.id,
        contractId: c!.id,
        number: 1,
        kind: 'original' as const,
        title: 'Ursprungsfassung',
        effectiveFrom: '2025-01-01',
        status: 'in_force' as const,
      },
      {
        networkId: net.id,
        contractId: c!.id,
        number: 2,
        kind: 'amendment' as const,
        title: 'Erste Änderung',
        effectiveFrom: '2026-09-01',
        status: 'in_force' as const,
      },
    ])
    .returning();
  const [joint, ended] = await db()
    .insert(t.fieldOfAction)
    .values([
      {
        networkId: net.id,
        name: 'Übergang Schule – Beruf',
        previousOwner: 'land' as const,
        introducedBy: v1!.id,
      },
      {
        networkId: net.id,
        name: 'Ganztag',
        previousOwner: 'school_operator' as const,
        introducedBy: v1!.id,
        endedBy: v2!.id,
      },
    ])
    .returning();
  let seq = 0;
  const decision = async (
    type: (typeof t.decision.$inferInsert)['type'],
    fieldId: string | null,
    decidedOn: string,
    itemId: string | null = null,
  ) => {
    seq += 1;
    const [d] = await db()
      .insert(t.decision)
      .values({
        networkId: net.id,
        year: 2026,
        seq,
        number: `LK-2026-${String(seq).padStart(2, '0')}`,
        type,
        fieldId,
        itemId,
        title: `Beschluss ${seq}`,
        text: 'Das Bildungsbüro wird beauftragt …',
        decidedOn,
      })
      .returning();
    return d!;
  };
  return { net, joint: joint!, ended: ended!, decision };
}

const url = (net: TestNetwork, path = '') => `/api/networks/${net.id}/work${path}`;
const call = (
  net: TestNetwork,
  role: Role,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  payload?: object,
) => ctx.as(net.users[role].cookie, { method, url: url(net, path), ...(payload ? { payload } : {}) });

const orderBody = (decisionId: string, assigneeId: string, extra: object = {}) => ({
  decisionId,
  title: 'Praxisphasen-Portal aufbauen',
  expectedResult: 'Ein Portal mit allen Praktikumsplätzen im Kreis',
  dueOn: '2026-06-30',
  assigneeId,
  ...extra,
});

async function countOrders(networkId: string) {
  return (await db().select().from(t.workOrder).where(eq(t.workOrder.networkId, networkId))).length;
}

describe('work orders per role', () => {
  it('lets the office create and move orders, the committee read them, and nobody else see them', async () => {
    const { net, joint, decision } = await fixture();
    const d = await decision('work_order', joint.id, '2026-03-12');
    const created = await call(net, 'office', 'POST', '/orders', orderBody(d.id, net.users.office.id));
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({
      number: 'AA-2026-01',
      status: 'new',
      fieldName: 'Übergang Schule – Beruf',
      decision: { id: d.id, number: 'LK-2026-01' },
      assignee: { userId: net.users.office.id, name: 'Test office' },
      orderedOn: '2026-03-12',
      overdue: true,
      transitions: ['accepted', 'returned'],
      canEdit: true,
    });
    expect(order.events).toHaveLength(1);
    const links = await db().select().from(t.traceLink).where(eq(t.traceLink.networkId, net.id));
    expect(links).toMatchObject([
      { fromKind: 'decision', fromId: d.id, toKind: 'work_order', toId: order.id, relation: 'orders' },
    ]);
    const audit = await db()
      .select()
      .from(t.auditEvent)
      .where(and(eq(t.auditEvent.networkId, net.id), eq(t.auditEvent.entityType, 'work_order')));
    expect(audit.map((a) => a.summary)).toEqual([
      'Arbeitsauftrag AA-2026-01 „Praxisphasen-Portal aufbauen“ aus Beschluss LK-2026-01',
    ]);

    // The admin is office staff too; a second order of the same decision gets the next number.
    const second = await call(
      net,
      'admin',
      'POST',
      '/orders',
      orderBody(d.id, net.users.admin.id, { dueOn: '2099-01-31' }),
    );
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ number: 'AA-2026-02', overdue: false });

    const committee = await call(net, 'committee', 'GET', '/orders');
    expect(committee.statusCode).toBe(200);
    expect(committee.json().map((o: { number: string }) => o.number)).toEqual(['AA-2026-02', 'AA-2026-01']);
    const one = await call(net, 'committee', 'GET', `/orders/${order.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ transitions: [], canEdit: false });
    for (const [method, path, body] of [
      ['POST', '/orders', orderBody(d.id, net.users.office.id)],
      ['PATCH', `/orders/${order.id}`, { version: 1, progress: 10 }],
      ['POST', `/orders/${order.id}/transitions`, { to: 'accepted', version: 1 }],
      ['GET', '/office-staff', undefined],
    ] as const) {
      expect((await call(net, 'committee', method, path, body)).statusCode, `${method} ${path}`).toBe(403);
    }
    for (const role of ['guest', 'partner'] as const) {
      expect((await call(net, role, 'GET', '/orders')).statusCode).toBe(403);
      expect((await call(net, role, 'GET', `/orders/${order.id}`)).statusCode).toBe(403);
    }
    const other = await createNetworkWithMembers(ctx);
    const foreign = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: url(net, `/orders/${order.id}`),
    });
    expect(foreign.statusCode).toBe(404);
    // Another network's admin sees nothing of it in their own network either.
    expect((await call(other, 'admin', 'GET', `/orders/${order.id}`)).statusCode).toBe(404);
    expect((await call(other, 'admin', 'GET', '/orders')).json()).toEqual([]);

    const staff = await call(net, 'office', 'GET', '/office-staff');
    expect(staff.statusCode).toBe(200);
    expect(
      staff
        .json()
        .map((s: { userId: string }) => s.userId)
        .sort(),
    ).toEqual([net.users.admin.id, net.users.office.id].sort());
  });
});

describe('creating an order: bad input writes nothing', () => {
  it('refuses without a taken work-order decision, outside the joint fields, before the decision or for non-office staff', async () => {
    const { net, joint, ended, decision } = await fixture();
    const ok = await decision('work_order', joint.id, '2026-03-12');
    const goal = await decision('goal', joint.id, '2026-03-12');
    const lateGanztag = await decision('work_order', ended.id, '2026-10-01');
    const [m] = await db()
      .insert(t.meeting)
      .values({
        networkId: net.id,
        title: 'Sitzung',
        startsAt: new Date('2026-03-12T13:00:00Z'),
        endsAt: new Date('2026-03-12T15:00:00Z'),
        icalUid: `${randomUUID()}@test`,
      })
      .returning();
    const [item] = await db()
      .insert(t.agendaItem)
      .values({
        networkId: net.id,
        meetingId: m!.id,
        position: 1,
        title: 'Portal',
        kind: 'decision',
        status: 'deferred',
      })
      .returning();
    const deferred = await decision('work_order', joint.id, '2026-03-12', item!.id);
    const office = net.users.office.id;
    const cases: Array<[string, object, RegExp]> = [
      ['no decision', orderBody(randomUUID(), office), /nur aus einem gefassten Beschluss/],
      ['goal decision', orderBody(goal.id, office), /kein Beschluss über einen Arbeitsauftrag/],
      ['deferred item', orderBody(deferred.id, office), /nicht \(mehr\) gefasst/],
      [
        'field ended',
        orderBody(lateGanztag.id, office, { dueOn: '2026-12-31' }),
        /kein gemeinsames Handlungsfeld und bleibt .*Schulträgers/,
      ],
      [
        'due before decision',
        orderBody(ok.id, office, { dueOn: '2026-03-11' }),
        /vor dem Beschluss LK-2026-01 vom 12\.03\.2026/,
      ],
      ['committee assignee', orderBody(ok.id, net.users.committee.id), /Person des Bildungsbüros/],
      ['unknown assignee', orderBody(ok.id, 'niemand'), /Person des Bildungsbüros/],
      ['other field', orderBody(ok.id, office, { fieldId: ended.id }), /anderes Handlungsfeld/],
      ['no title', orderBody(ok.id, office, { title: '' }), /Titel/],
      ['bad due date', orderBody(ok.id, office, { dueOn: '2026-02-30' }), /Datum/],
    ];
    for (const [name, body, message] of cases) {
      const res = await call(net, 'office', 'POST', '/orders', body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      expect(res.json().error.message, name).toMatch(message);
    }
    expect(await countOrders(net.id)).toBe(0);
    expect((await db().select().from(t.traceLink).where(eq(t.traceLink.networkId, net.id))).length).toBe(0);
  });
});

describe('the state machine through the API', () => {
  it('moves an order new → accepted → in progress → done; the decision follows; returning needs a reason', async () => {
    const { net, joint, decision } = await fixture();
    const d = await decision('work_order', joint.id, '2026-03-12');
    const status = async () =>
      (await db().select().from(t.decision).where(eq(t.decision.id, d.id)))[0]!.status;
    const o = (await call(net, 'office', 'POST', '/orders', orderBody(d.id, net.users.office.id))).json();
    const move = async (id: string, to: string, note?: string) =>
      call(net, 'office', 'POST', `/orders/${id}/transitions`, {
        to,
        version: (await call(net, 'office', 'GET', `/orders/${id}`)).json().version,
        ...(note ? { note } : {}),
      });
    expect(await status()).toBe('open');
    expect((await move(o.id, 'done')).statusCode).toBe(409);
    expect((await move(o.id, 'accepted')).statusCode).toBe(200);
    expect(await status()).toBe('in_progress');
    expect((await move(o.id, 'in_progress')).statusCode).toBe(200);
    const noReason = await move(o.id, 'returned');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/begründen/);
    expect((await move(o.id, 'reported')).statusCode).toBe(400);
    const done = await move(o.id, 'done');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      progress: 100,
      overdue: false,
      transitions: [],
      canEdit: false,
    });
    expect(await status()).toBe('done');
    expect(done.json().events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'new',
      'accepted',
      'in_progress',
      'done',
    ]);
    expect((await move(o.id, 'returned', 'zu spät')).statusCode).toBe(409);

    // A second order of the decision, returned with a reason: returned orders do not hold the decision back.
    const o2 = (
      await call(
        net,
        'office',
        'POST',
        '/orders',
        orderBody(d.id, net.users.office.id, { dueOn: '2099-01-01' }),
      )
    ).json();
    expect(await status()).toBe('in_progress');
    const returned = await move(o2.id, 'returned', 'Außerhalb des Auftrags: bitte im Lenkungskreis klären');
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnReason: 'Außerhalb des Auftrags: bitte im Lenkungskreis klären',
    });
    expect(await status()).toBe('done');
    const audit = await db()
      .select()
      .from(t.auditEvent)
      .where(and(eq(t.auditEvent.networkId, net.id), eq(t.auditEvent.entityType, 'decision')));
    expect(audit.map((a) => a.summary)).toContain(
      'Umsetzungsstand von LK-2026-01 folgt den Arbeitsaufträgen: erledigt',
    );
    // The register's status follows the orders: not set by hand, nor offered.
    const byHand = await ctx.as(net.users.office.cookie, {
      method: 'PATCH',
      url: `/api/networks/${net.id}/decisions/${d.id}`,
      payload: { status: 'open' },
    });
    expect(byHand.statusCode, byHand.body).toBe(409);
    expect(byHand.json().error.message).toMatch(
      /^Der Umsetzungsstand folgt den Arbeitsaufträgen von LK-2026-01/,
    );
    expect(await status()).toBe('done');
    const register = await ctx.as(net.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/decisions`,
    });
    expect(register.json().items).toContainEqual(
      expect.objectContaining({ id: d.id, status: 'done', statusFollowsOrders: true }),
    );

    // The reports part sets `reported` through the one status change.
    const actor = {
      userId: net.users.office.id,
      name: 'Test office',
      email: '',
      networkId: net.id,
      role: 'office' as const,
      requestId: 'r',
      twoFactorEnabled: false,
    };
    await db().transaction((tx) => changeOrderStatus(tx, actor, o.id, 'reported', 'Bericht in der Sitzung'));
    const reported = (await call(net, 'committee', 'GET', `/orders/${o.id}`)).json();
    expect(reported.status).toBe('reported');
    expect(reported.events.at(-1)).toMatchObject({
      fromStatus: 'done',
      toStatus: 'reported',
      note: 'Bericht in der Sitzung',
    });
  });
});

describe('editing an order', () => {
  it('names who changed the order last, also when that was assigning it to a project', async () => {
    const { net, joint, decision } = await fixture();
    const d = await decision('work_order', joint.id, '2026-03-12');
    const o = (await call(net, 'office', 'POST', '/orders', orderBody(d.id, net.users.office.id))).json();
    const p = await call(net, 'admin', 'POST', '/projects', {
      title: 'Praxisphasen',
      leadId: net.users.admin.id,
    });
    expect(p.statusCode, p.body).toBe(201);
    const assigned = await call(net, 'admin', 'POST', `/projects/${p.json().id}/orders`, { orderId: o.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const stale = await call(net, 'office', 'PATCH', `/orders/${o.id}`, { version: 1, progress: 40 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain(`${o.number} wurde inzwischen von Test admin geändert`);
  });

  it('takes one of two parallel steps from the same version; the other gets 409 naming who moved it', async () => {
    const { net, joint, decision } = await fixture();
    const d = await decision('work_order', joint.id, '2026-03-12');
    const o = (await call(net, 'office', 'POST', '/orders', orderBody(d.id, net.users.office.id))).json();
    expect(
      (await call(net, 'office', 'POST', `/orders/${o.id}/transitions`, { to: 'accepted' })).statusCode,
    ).toBe(400);
    const [a, b] = await Promise.all([
      call(net, 'office', 'POST', `/orders/${o.id}/transitions`, { to: 'accepted', version: 1 }),
      call(net, 'admin', 'POST', `/orders/${o.id}/transitions`, {
        to: 'returned',
        note: 'Bitte neu fassen',
        version: 1,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    const winner = a.statusCode === 200 ? 'Test office' : 'Test admin';
    expect(lost.json().error.message).toMatch(
      new RegExp(`${o.number} wurde inzwischen von ${winner} geändert`),
    );
    expect(won.json().version).toBe(2);
    const now = (await call(net, 'office', 'GET', `/orders/${o.id}`)).json();
    expect(now.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['new', won.json().status]);
  });

  it('saves progress and fields with the version; the second of two parallel saves gets 409 naming who changed it', async () => {
    const { net, joint, decision } = await fixture();
    const d = await decision('work_order', joint.id, '2026-03-12');
    const o = (await call(net, 'office', 'POST', '/orders', orderBody(d.id, net.users.office.id))).json();
    expect(
      (await call(net, 'office', 'PATCH', `/orders/${o.id}`, { version: 1, progress: 101 })).statusCode,
    ).toBe(400);
    expect(
      (await call(net, 'office', 'PATCH', `/orders/${o.id}`, { version: 1, dueOn: '2026-01-01' })).statusCode,
    ).toBe(400);
    expect(
      (await call(net, 'office', 'PATCH', `/orders/${o.id}`, { version: 1, assigneeId: net.users.guest.id }))
        .statusCode,
    ).toBe(400);
    const [a, b] = await Promise.all([
      call(net, 'office', 'PATCH', `/orders/${o.id}`, { version: 1, progress: 40 }),
      call(net, 'admin', 'PATCH', `/orders/${o.id}`, { version: 1, title: 'Praxisphasen-Portal starten' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    const winner = a.statusCode === 200 ? 'Test office' : 'Test admin';
    expect(lost.json().error.message).toMatch(
      new RegExp(`AA-2026-01 wurde inzwischen von ${winner} geändert`),
    );
    expect(won.json().version).toBe(2);
    const now = (await call(net, 'office', 'GET', `/orders/${o.id}`)).json();
    expect(now.events.at(-1).note).toMatch(/^Geändert: (Fortschritt|Titel)$/);
    const saved = await call(net, 'office', 'PATCH', `/orders/${o.id}`, {
      version: 2,
      dueOn: '2099-12-31',
      reportDueOn: '2099-10-01',
      assigneeId: net.users.admin.id,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 3,
      dueOn: '2099-12-31',
      reportDueOn: '2099-10-01',
      assignee: { name: 'Test admin' },
    });
  });
});

describe('filters, flags and what the other parts ask', () => {
  it('filters, flags open orders of a field the contract ended, and hands them with returned ones to the agenda', async () => {
    const { net, joint, ended, decision } = await fixture();
    const dJoint = await decision('work_order', joint.id, '2026-03-12');
    const dGanztag = await decision('work_order', ended.id, '2026-03-12');
    const office = net.users.office.id;
    const a = (
      await call(net, 'office', 'POST', '/orders', orderBody(dJoint.id, office, { dueOn: '2099-01-01' }))
    ).json();
    const g = (
      await call(net, 'office', 'POST', '/orders', orderBody(dGanztag.id, net.users.admin.id))
    ).json();
    const r = (
      await call(net, 'office', 'POST', '/orders', orderBody(dJoint.id, office, { dueOn: '2099-01-01' }))
    ).json();
    await call(net, 'office', 'POST', `/orders/${r.id}/transitions`, {
      to: 'returned',
      note: 'Bitte neu fassen',
      version: 1,
    });
    const numbers = async (q: string) =>
      (await call(net, 'committee', 'GET', `/orders${q}`)).json().map((o: { number: string }) => o.number);
    expect(await numbers('?status=returned')).toEqual([r.number]);
    expect(await numbers(`?fieldId=${ended.id}`)).toEqual([g.number]);
    expect(await numbers(`?assigneeId=${net.users.admin.id}`)).toEqual([g.number]);
    expect(await numbers('?overdue=true')).toEqual([g.number]);
    expect(await numbers(`?decisionId=${dJoint.id}`)).toEqual([r.number, a.number]);
    expect((await call(net, 'committee', 'GET', '/orders?status=nix')).statusCode).toBe(400);

    const list = (await call(net, 'committee', 'GET', '/orders')).json();
    expect(list.find((o: { id: string }) => o.id === g.id).fieldEndedOn).toBe('2026-09-01');
    expect(list.find((o: { id: string }) => o.id === a.id).fieldEndedOn).toBeNull();

    const agenda = await ordersForAgenda(db(), net.id, '2026-12-02');
    expect(agenda.map((o) => [o.number, o.reason]).sort()).toEqual(
      [
        [g.number, 'field_ended'],
        [r.number, 'returned'],
      ].sort(),
    );
    expect(await openWorkOrders(db(), net.id, [ended.id])).toEqual([
      { number: g.number, title: g.title, fieldId: ended.id },
    ]);
    expect(await openWorkOrders(db(), net.id, [])).toEqual([]);
  });
});

describe("the contract's warning", () => {
  it('names the open work orders of a field a draft amendment would end (not the returned or done ones)', async () => {
    const { net, joint, decision } = await fixture();
    const d = await decision('work_order', joint.id, '2026-03-12');
    const open = (await call(net, 'office', 'POST', '/orders', orderBody(d.id, net.users.office.id))).json();
    const back = (await call(net, 'office', 'POST', '/orders', orderBody(d.id, net.users.office.id))).json();
    await call(net, 'office', 'POST', `/orders/${back.id}/transitions`, {
      to: 'returned',
      note: 'Nicht leistbar',
      version: 1,
    });
    const draft = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/contract/versions`,
      payload: { title: 'Zweite Änderung', effectiveFrom: '2027-08-01', endFieldIds: [joint.id] },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().warnings).toEqual([
      `Offener Arbeitsauftrag ${open.number} „${open.title}“ betrifft das Handlungsfeld „Übergang Schule – Beruf“, das diese Fassung beendet.`,
    ]);
  });
});
