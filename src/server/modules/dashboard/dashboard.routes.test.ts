import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import type { Dashboard } from '../../../contracts/dashboard.js';
import * as t from '../../db/schema.js';

// The clock stands still, so "upcoming" and "closing" do not depend on when the suite runs.
let clock = new Date('2026-11-20T09:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({ OUTBOX_INTERVAL_MS: '3600000' }, { now: () => clock });
});
afterAll(() => ctx.close());

type Role = keyof TestNetwork['users'];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const as = (net: TestNetwork, role: Role, method: Method, url: string, payload?: object) =>
  ctx.as(net.users[role].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });
const office = (net: TestNetwork, method: Method, url: string, payload?: object) =>
  as(net, 'office', method, url, payload);
const dashboard = async (net: TestNetwork, role: Role) => {
  const res = await as(net, role, 'GET', '/dashboard');
  expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
  return res.json() as Dashboard;
};

/**
 * A network whose committee has the signed-in member (by address) and one other voting member;
 * an invited meeting with an agenda, a planned one without, and an open written procedure.
 */
async function setup() {
  clock = new Date('2026-11-20T09:00:00Z');
  const net = await createNetworkWithMembers(ctx);
  for (const [name, side, email] of [
    ['Beispiel Mitglied', 'land', net.users.committee.email.toUpperCase()],
    ['Beispiel Kreis', 'municipality', 'kreis@u.example'],
  ] as const) {
    const res = await office(net, 'POST', '/committee', {
      name,
      side,
      voting: true,
      termFrom: '2020-01-01',
      email,
    });
    expect(res.statusCode).toBe(201);
  }
  const meeting = async (title: string, day: string) =>
    (
      await office(net, 'POST', '/meetings', {
        title,
        startsAt: `${day}T14:00`,
        endsAt: `${day}T16:00`,
        location: 'Kreishaus',
      })
    ).json().id as string;
  const spring = await meeting('Frühjahrssitzung', '2027-03-11');
  await office(net, 'POST', `/meetings/${spring}/items`, { title: 'Bericht', kind: 'information' });
  expect((await office(net, 'POST', `/meetings/${spring}/invitations`)).statusCode).toBe(200);
  const autumn = await meeting('Herbstsitzung', '2027-09-16');
  const proc = await office(net, 'POST', '/procedures', {
    title: 'Geschäftsordnung ändern',
    proposal: 'Der Lenkungskreis beschließt die geänderte Geschäftsordnung.',
    decisionType: 'procedural',
    fieldId: null,
    deadline: '2026-11-27T12:00',
  });
  expect(proc.statusCode).toBe(201);
  return { net, spring, autumn, procedureId: proc.json().id as string };
}

describe('Start (GET /dashboard)', () => {
  it('shows a member the reply due, the open procedure and the next meeting with its agenda', async () => {
    const { net, spring, procedureId } = await setup();
    const d = await dashboard(net, 'committee');
    expect(d.office).toBeNull();
    expect(d.member!.repliesDue.map((m) => [m.id, m.title, m.startsAt])).toEqual([
      [spring, 'Frühjahrssitzung', '2027-03-11T13:00:00.000Z'],
    ]);
    expect(d.member!.procedures).toMatchObject([
      { id: procedureId, title: 'Geschäftsordnung ändern', stance: null },
    ]);
    expect(d.member!.nextMeeting).toMatchObject({ id: spring, items: 1, papers: 0, status: 'invited' });
    expect(d.member!.minutesCirculating).toEqual([]);
  });

  it('shows the office what to prepare, who has not replied, what closes and which mails failed', async () => {
    const { net, spring, autumn, procedureId } = await setup();
    const [mail] = await ctx.database.db
      .select({ id: t.outboxMail.id })
      .from(t.outboxMail)
      .where(eq(t.outboxMail.networkId, net.id))
      .limit(1);
    await ctx.database.db.update(t.outboxMail).set({ status: 'failed' }).where(eq(t.outboxMail.id, mail!.id));
    const d = await dashboard(net, 'office');
    expect(d.member).toBeNull();
    expect(d.office!.toPrepare.map((m) => [m.id, m.status, m.items])).toEqual([[autumn, 'planned', 0]]);
    expect(d.office!.repliesMissing.map((m) => [m.id, m.missing, m.invited])).toEqual([[spring, 2, 2]]);
    expect(d.office!.proceduresClosing).toMatchObject([{ id: procedureId, answered: 0, total: 2 }]);
    expect(d.office!.mailsFailed).toBe(1);
    expect(d.office!.toFollowUp).toEqual([]);
    // The administrator manages the committee too.
    expect((await dashboard(net, 'admin')).office!.repliesMissing).toHaveLength(1);
  });

  it('gives guests and partners nothing of the committee, and another network 404', async () => {
    const { net } = await setup();
    for (const role of ['guest', 'partner'] as const)
      expect(await dashboard(net, role), role).toEqual({ member: null, office: null, eventSteps: null });
    const other = await createNetworkWithMembers(ctx);
    const res = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/dashboard`,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('network.not_found');
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/networks/${net.id}/dashboard` })).statusCode,
    ).toBe(401);
  });
});

describe('Start: the events’ overdue and soon-due planning steps', () => {
  it('lists them for the office and the administrator, not for others, not from another network', async () => {
    clock = new Date('2026-11-20T09:00:00Z'); // Berlin: Friday, 20.11.2026
    const net = await createNetworkWithMembers(ctx);
    // A conference on 08.01.2027: "Räume buchen" (−56) is due 13.11.2026, overdue; the steps −49
    // (today) and −42 (27.11.) are due within 14 days; −21 (18.12.) is further away.
    const created = await office(net, 'POST', '/events', {
      type: 'conference',
      title: 'Bildungskonferenz 2027',
      startsAt: '2027-01-08T09:00',
      endsAt: '2027-01-08T16:00',
      public: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const ev = created.json() as { id: string; tasks: { id: string; title: string; version: number }[] };
    const steps = (await dashboard(net, 'office')).eventSteps!;
    expect(steps.map((s) => [s.title, s.dueOn, s.overdue, s.eventTitle, s.eventId])).toEqual([
      ['Räume buchen', '2026-11-13', true, 'Bildungskonferenz 2027', ev.id],
      ['Programm mit dem Lenkungskreis abstimmen', '2026-11-20', false, 'Bildungskonferenz 2027', ev.id],
      ['Referentinnen und Referenten anfragen', '2026-11-20', false, 'Bildungskonferenz 2027', ev.id],
      ['Einladungen versenden', '2026-11-27', false, 'Bildungskonferenz 2027', ev.id],
    ]);
    expect((await dashboard(net, 'admin')).eventSteps).toHaveLength(4);
    for (const role of ['committee', 'guest', 'partner'] as const)
      expect((await dashboard(net, role)).eventSteps, role).toBeNull();

    // A done step leaves the list.
    const rooms = ev.tasks.find((s) => s.title === 'Räume buchen')!;
    const done = await office(net, 'PATCH', `/events/${ev.id}/tasks/${rooms.id}`, {
      version: rooms.version,
      done: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await dashboard(net, 'office')).eventSteps!.map((s) => s.title)).not.toContain('Räume buchen');

    // Another network's office sees only its own (none).
    const other = await createNetworkWithMembers(ctx);
    expect((await dashboard(other, 'office')).eventSteps).toEqual([]);

    // Two weeks later the steps of 27.11. are overdue too ("überfällig seit").
    clock = new Date('2026-12-01T09:00:00Z');
    const later = (await dashboard(net, 'office')).eventSteps!;
    expect(later.filter((s) => s.overdue).map((s) => s.dueOn)).toEqual([
      '2026-11-20',
      '2026-11-20',
      '2026-11-27',
    ]);

    // A cancelled event's steps are not shown at all.
    const current = (await office(net, 'GET', `/events/${ev.id}`)).json() as { version: number };
    const cancel = await office(net, 'POST', `/events/${ev.id}/cancel`, { version: current.version });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await dashboard(net, 'office')).eventSteps).toEqual([]);
  });
});

describe('a signed-in member answers a written procedure (PUT /procedures/:id/my-vote)', () => {
  it('records the answer as the member’s own, shows it on Start and counts it for the office', async () => {
    const { net, procedureId } = await setup();
    const res = await as(net, 'committee', 'PUT', `/procedures/${procedureId}/my-vote`, {
      stance: 'consent',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().votes).toContainEqual(
      expect.objectContaining({
        name: 'Beispiel Mitglied',
        stance: 'consent',
        channel: 'link',
        recordedBy: null,
      }),
    );
    expect((await dashboard(net, 'committee')).member!.procedures[0]!.stance).toBe('consent');
    expect((await dashboard(net, 'office')).office!.proceduresClosing[0]!.answered).toBe(1);
    const audit = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(and(eq(t.auditEvent.networkId, net.id), eq(t.auditEvent.entityType, 'procedure_vote')));
    expect(audit).toMatchObject([
      {
        actorUserId: net.users.committee.id,
        summary: expect.stringContaining('Beispiel Mitglied antwortet'),
      },
    ]);
    // The office cannot overwrite the member's own answer (same rule as the personal link).
    const memberId = res.json().votes.find((v: { name: string }) => v.name === 'Beispiel Mitglied').memberId;
    const over = await office(net, 'PUT', `/procedures/${procedureId}/votes/${memberId}`, {
      stance: 'objection',
      reason: 'telefonisch widersprochen',
      channel: 'phone',
    });
    expect(over.statusCode).toBe(409);
  });

  it('refuses an objection without a reason (400, German) and writes nothing', async () => {
    const { net, procedureId } = await setup();
    const res = await as(net, 'committee', 'PUT', `/procedures/${procedureId}/my-vote`, {
      stance: 'objection',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'steering.objection_reason',
      message: 'Ein Einwand braucht eine Begründung.',
    });
    const bad = await as(net, 'committee', 'PUT', `/procedures/${procedureId}/my-vote`, { stance: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Zustimmung, Enthaltung oder Einwand');
    expect((await dashboard(net, 'committee')).member!.procedures[0]!.stance).toBeNull();
  });

  it('refuses those who do not vote, after the deadline, and in another network', async () => {
    const { net, procedureId } = await setup();
    const url = `/procedures/${procedureId}/my-vote`;
    const notEntitled = await office(net, 'PUT', url, { stance: 'consent' });
    expect(notEntitled.statusCode).toBe(403);
    expect(notEntitled.json().error.code).toBe('steering.not_entitled');
    for (const role of ['guest', 'partner'] as const)
      expect((await as(net, role, 'PUT', url, { stance: 'consent' })).statusCode, role).toBe(403);
    const other = await createNetworkWithMembers(ctx);
    const foreign = await ctx.as(other.users.committee.cookie, {
      method: 'PUT',
      url: `/api/networks/${other.id}${url}`,
      payload: { stance: 'consent' },
    });
    expect(foreign.statusCode).toBe(404);
    clock = new Date('2026-11-27T12:00:00Z');
    const late = await as(net, 'committee', 'PUT', url, { stance: 'consent' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('steering.procedure_closed');
    const [vote] = (await office(net, 'GET', `/procedures/${procedureId}`)).json().votes;
    expect(vote.stance).toBeNull();
  });
});

describe('the network used last (PUT /networks/:id/last-opened)', () => {
  it('is where /api/me points after the person opened it, and only for networks they belong to', async () => {
    const a = await createNetworkWithMembers(ctx);
    const b = await createNetworkWithMembers(ctx);
    await ctx.database.db
      .insert(t.membership)
      .values({ networkId: b.id, userId: a.users.admin.id, role: 'office' });
    const me = async () => (await ctx.as(a.users.admin.cookie, { method: 'GET', url: '/api/me' })).json();
    expect((await me()).lastNetworkId).toBeNull();
    for (const [net, expected] of [
      [b, b.id],
      [a, a.id],
    ] as const) {
      clock = new Date(clock.getTime() + 60_000);
      const res = await ctx.as(a.users.admin.cookie, {
        method: 'PUT',
        url: `/api/networks/${net.id}/last-opened`,
      });
      expect(res.statusCode).toBe(204);
      expect((await me()).lastNetworkId).toBe(expected);
    }
    const foreign = await ctx.as(b.users.admin.cookie, {
      method: 'PUT',
      url: `/api/networks/${a.id}/last-opened`,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
