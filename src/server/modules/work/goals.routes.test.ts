import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';
import { insertDecision } from '../steering/steering.service.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2027-03-15T10:00:00Z') });
});
afterAll(() => ctx.close());

type Role = keyof TestNetwork['users'];
const call = (net: TestNetwork, role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(net.users[role].cookie, { method, url: `/api/networks/${net.id}/work${url}`, payload });

/** A network with a contract in force since 2012 with two joint fields, and decisions of each type. */
async function workNetwork() {
  const net = await createNetworkWithMembers(ctx);
  const office = (method: 'POST' | 'PUT', url: string, payload: object) =>
    ctx.as(net.users.office.cookie, { method, url: `/api/networks/${net.id}${url}`, payload });
  await office('PUT', '/contract', {
    title: 'Kooperationsvertrag',
    landPartyName: 'Land NRW',
    municipalityPartyName: 'Kreis',
    signatories: [],
  });
  const v1 = await office('POST', '/contract/versions', {
    title: 'Kooperationsvertrag',
    effectiveFrom: '2012-01-01',
    addFields: [
      { name: 'Übergang Schule – Beruf (KAoA)', previousOwner: 'land' },
      { name: 'Inklusion', previousOwner: 'school_operator' },
    ],
  });
  for (const party of ['land', 'municipality'])
    await office('POST', `/contract/versions/${v1.json().id}/consents`, {
      party,
      signedBy: 'X Y',
      signedOn: '2011-12-01',
    });
  const fields = Object.fromEntries(
    v1.json().addedFields.map((f: { name: string; id: string }) => [f.name, f.id]),
  ) as Record<string, string>;
  const kaoa = fields['Übergang Schule – Beruf (KAoA)']!;
  const inklusion = fields.Inklusion!;
  const decide = async (
    type: 'goal' | 'work_plan' | 'work_order',
    title: string,
    decidedOn: string,
    fieldId: string | null = kaoa,
  ) => {
    const number = await insertDecision(ctx.database.db, net.id, {
      itemId: null,
      roundId: null,
      type,
      fieldId,
      contractVersionId: null,
      title,
      text: `${title}.`,
      decidedOn,
    });
    const [d] = await ctx.database.db
      .select()
      .from(t.decision)
      .where(and(eq(t.decision.networkId, net.id), eq(t.decision.number, number)));
    return d!.id;
  };
  return { net, kaoa, inklusion, decide };
}

const goalBody = (decisionId: string, fieldId: string, over: object = {}) => ({
  decisionId,
  fieldId,
  statement: 'Jede Schülerin und jeder Schüler der Klasse 8 macht eine Potenzialanalyse.',
  target: '100 % der Klassen 8 bis Ende 2027',
  indicatorName: 'Anteil Klassen 8 mit Potenzialanalyse',
  indicatorTarget: '100 %',
  indicatorYear: 2027,
  horizonYear: 2027,
  owner: 'Bildungsbüro',
  reviewOn: '2027-03-01',
  ...over,
});

describe('goals', () => {
  it('sets a goal from a taken goal decision, lists it per role, and keeps its history through changes', async () => {
    const { net, kaoa, decide } = await workNetwork();
    const setBy = await decide('goal', 'Ziele KAoA 2027', '2027-01-20');
    const created = await call(net, 'office', 'POST', '/goals', goalBody(setBy, kaoa));
    expect(created.statusCode).toBe(201);
    const goal = created.json();
    expect(goal).toMatchObject({ version: 1, status: 'active', fieldName: 'Übergang Schule – Beruf (KAoA)' });
    expect(goal.decision.number).toMatch(/^LK-2027-/);
    // The review date (1 March) has passed on 15 March 2027.
    expect(goal.reviewDue).toBe(true);

    for (const role of ['admin', 'office', 'committee'] as const) {
      const list = await call(net, role, 'GET', '/goals');
      expect(list.statusCode).toBe(200);
      expect(list.json().map((g: { id: string }) => g.id)).toEqual([goal.id]);
    }
    for (const role of ['guest', 'partner'] as const)
      expect((await call(net, role, 'GET', '/goals')).statusCode).toBe(403);
    expect((await call(net, 'committee', 'POST', '/goals', goalBody(setBy, kaoa))).statusCode).toBe(403);
    expect((await call(net, 'committee', 'GET', '/decisions-available?type=goal')).statusCode).toBe(403);
    const outsider = await createNetworkWithMembers(ctx);
    const foreign = await ctx.as(outsider.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/work/goals/${goal.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    // Another network's admin asking in their own network does not find the goal either.
    expect((await call(outsider, 'admin', 'GET', `/goals/${goal.id}`)).statusCode).toBe(404);

    const due = await call(net, 'committee', 'GET', '/goals?reviewDue=true');
    expect(due.json()).toHaveLength(1);
    expect((await call(net, 'office', 'GET', '/goals?status=achieved')).json()).toHaveLength(0);

    const picker = await call(net, 'office', 'GET', '/decisions-available?type=goal');
    expect(picker.json()).toEqual([expect.objectContaining({ id: setBy, used: true })]);

    // A change needs a new decision, dated on or after the last one, with a reason.
    const review = await decide('goal', 'Überprüfung der Ziele KAoA', '2027-03-10');
    const changed = await call(net, 'office', 'POST', `/goals/${goal.id}/versions`, {
      decisionId: review,
      reason: 'Die Potenzialanalyse läuft; Ziel erreicht.',
      version: 1,
      status: 'achieved',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, status: 'achieved', reviewDue: false });
    expect(
      changed.json().versions.map((v: { version: number; reason: string }) => [v.version, v.reason]),
    ).toEqual([
      [2, 'Die Potenzialanalyse läuft; Ziel erreicht.'],
      [1, ''],
    ]);
    expect(changed.json().versions[0].changedBy).toBe('Test office');

    // Trace links: decision → goal sets_goal and changes_goal.
    const links = await ctx.database.db.select().from(t.traceLink).where(eq(t.traceLink.toId, goal.id));
    expect(links.map((l) => [l.fromId, l.relation]).sort()).toEqual(
      [
        [setBy, 'sets_goal'],
        [review, 'changes_goal'],
      ].sort(),
    );
    // Every change is in the audit trail.
    const audit = await ctx.database.db.select().from(t.auditEvent).where(eq(t.auditEvent.entityId, goal.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('refuses goals without a fitting decision and changes by an old, reused or stale decision', async () => {
    const { net, kaoa, inklusion, decide } = await workNetwork();
    const order = await decide('work_order', 'Auftrag', '2027-01-20');
    const other = await decide('goal', 'Ziele Inklusion', '2027-01-20', inklusion);
    const setBy = await decide('goal', 'Ziele KAoA', '2027-02-01');
    const codeOf = async (res: Promise<{ statusCode: number; json: () => { error: { code: string } } }>) => {
      const r = await res;
      return [r.statusCode, r.json().error.code];
    };
    expect(await codeOf(call(net, 'office', 'POST', '/goals', goalBody(order, kaoa)))).toEqual([
      400,
      'work.decision_type',
    ]);
    expect(await codeOf(call(net, 'office', 'POST', '/goals', goalBody(other, kaoa)))).toEqual([
      400,
      'work.decision_field',
    ]);
    expect(
      await codeOf(
        call(net, 'office', 'POST', '/goals', goalBody('00000000-0000-4000-8000-000000000000', kaoa)),
      ),
    ).toEqual([400, 'work.decision_missing']);
    const bad = await call(net, 'office', 'POST', '/goals', goalBody(setBy, kaoa, { statement: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Bitte formulieren Sie das Ziel');
    expect(await ctx.database.db.select().from(t.goal).where(eq(t.goal.networkId, net.id))).toHaveLength(0);

    const goal = (await call(net, 'office', 'POST', '/goals', goalBody(setBy, kaoa))).json();
    const older = await decide('goal', 'Älterer Beschluss', '2027-01-25');
    const change = (decisionId: string, version = 1) =>
      call(net, 'office', 'POST', `/goals/${goal.id}/versions`, {
        decisionId,
        reason: 'Zielwert angepasst',
        version,
        target: '90 % der Klassen 8',
      });
    expect(await codeOf(change(older))).toEqual([400, 'work.decision_older']);
    expect(await codeOf(change(setBy))).toEqual([400, 'work.decision_used']);
    const plan = await decide('work_plan', 'Arbeitsplanung KAoA 2027', '2027-02-10');
    const noReason = await call(net, 'office', 'POST', `/goals/${goal.id}/versions`, {
      decisionId: plan,
      version: 1,
      target: 'x y z',
    });
    expect(noReason.statusCode).toBe(400);
    // Two changes based on version 1: the second is told who changed the goal meanwhile.
    const review = await decide('goal', 'Überprüfung', '2027-02-20');
    const [a, b] = await Promise.all([change(plan), change(review)]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(lost.json().error.message).toContain('wurde inzwischen von Test office geändert');
    const versions = await ctx.database.db
      .select()
      .from(t.goalVersion)
      .where(eq(t.goalVersion.goalId, goal.id));
    expect(versions).toHaveLength(2);
  });
});

describe('work plans', () => {
  it('keeps one plan per field and year, drafts new versions, agrees one by decision and publishes it', async () => {
    const { net, kaoa, decide } = await workNetwork();
    const goalDecision = await decide('goal', 'Ziele KAoA', '2027-01-20');
    const goal = (await call(net, 'office', 'POST', '/goals', goalBody(goalDecision, kaoa))).json();
    const entries = [
      { kind: 'goal', goalId: goal.id },
      {
        kind: 'project',
        title: 'Praxisphasen-Portal',
        description: 'Portal für Praktikumsplätze',
        dueOn: '2027-09-30',
      },
      { kind: 'product', title: 'Handreichung Berufsfelderkundung' },
    ];
    const created = await call(net, 'office', 'POST', '/plans', { fieldId: kaoa, year: 2027, entries });
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ agreed: null, hasDraft: true, latest: { version: 1, status: 'draft' } });
    expect(plan.versions[0].entries[0]).toMatchObject({
      kind: 'goal',
      title: goal.statement,
      goalStatement: goal.statement,
    });
    const second = await call(net, 'office', 'POST', '/plans', { fieldId: kaoa, year: 2027, entries: [] });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('work.plan_exists');
    expect((await call(net, 'committee', 'POST', '/plans', { fieldId: kaoa, year: 2028 })).statusCode).toBe(
      403,
    );
    const badEntry = await call(net, 'office', 'POST', '/plans', {
      fieldId: kaoa,
      year: 2028,
      entries: [{ kind: 'goal', goalId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect([badEntry.statusCode, badEntry.json().error.code]).toEqual([400, 'work.plan_entry_goal']);

    // Publishing needs an agreed version.
    expect(
      (await call(net, 'office', 'PUT', `/plans/${plan.id}/published`, { published: true })).statusCode,
    ).toBe(409);
    const goalType = await call(net, 'office', 'POST', `/plans/${plan.id}/agreement`, {
      versionId: plan.versions[0].id,
      decisionId: goalDecision,
    });
    expect([goalType.statusCode, goalType.json().error.code]).toEqual([400, 'work.decision_type']);
    const agreeBy = await decide('work_plan', 'Arbeitsplanung KAoA 2027', '2027-02-10');
    const agreed = await call(net, 'office', 'POST', `/plans/${plan.id}/agreement`, {
      versionId: plan.versions[0].id,
      decisionId: agreeBy,
    });
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json()).toMatchObject({ agreed: { version: 1 }, hasDraft: false });
    expect(agreed.json().agreed.decision.id).toBe(agreeBy);

    // A new draft based on version 1; a second one based on the same version is stale.
    const draft = await call(net, 'office', 'POST', `/plans/${plan.id}/versions`, {
      baseVersion: 1,
      entries: [
        ...entries.slice(0, 2),
        { kind: 'event', title: 'Fachtag Berufsorientierung', dueOn: '2027-11-05' },
      ],
      note: 'Fachtag statt Handreichung',
    });
    expect(draft.statusCode).toBe(200);
    expect(
      draft.json().versions.map((v: { version: number; status: string }) => [v.version, v.status]),
    ).toEqual([
      [2, 'draft'],
      [1, 'agreed'],
    ]);
    const stale = await call(net, 'office', 'POST', `/plans/${plan.id}/versions`, {
      baseVersion: 1,
      entries: [],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('inzwischen von Test office geändert');
    const cmp = await call(net, 'committee', 'GET', `/plans/${plan.id}/comparison?from=1&to=2`);
    expect(cmp.json().added.map((e: { title: string }) => e.title)).toEqual(['Fachtag Berufsorientierung']);
    expect(cmp.json().removed.map((e: { title: string }) => e.title)).toEqual([
      'Handreichung Berufsfelderkundung',
    ]);

    // Agreeing version 2 supersedes version 1; the agreed version itself cannot be agreed again.
    const again = await call(net, 'office', 'POST', `/plans/${plan.id}/agreement`, {
      versionId: plan.versions[0].id,
      decisionId: agreeBy,
    });
    expect(again.statusCode).toBe(409);
    const update = await decide('work_plan', 'Fortschreibung Arbeitsplanung KAoA', '2027-03-01');
    const v2 = draft.json().versions[0].id;
    const agreed2 = await call(net, 'office', 'POST', `/plans/${plan.id}/agreement`, {
      versionId: v2,
      decisionId: update,
    });
    expect(agreed2.json().versions.map((v: { status: string }) => v.status)).toEqual([
      'agreed',
      'superseded',
    ]);

    // Public page: nothing until published, then the agreed version's entries.
    await ctx.as(net.users.office.cookie, {
      method: 'PUT',
      url: `/api/networks/${net.id}/public-site`,
      payload: {
        published: true,
        slug: `netz-${net.id.slice(0, 8)}`,
        description: 'Ein Netz.',
        contactEmail: 'buero@example.org',
        provider: 'Kreis',
        street: 'Weg 1',
        postalCode: '59494',
        city: 'Soest',
        phone: '0',
        representative: 'Landrätin',
        responsible: 'Büro',
        dataProtectionOfficer: 'DSB',
        team: [],
        bodies: [],
        publicDecisionIds: [],
      },
    });
    const publicPage = () =>
      ctx.as(null, { method: 'GET', url: `/api/public/networks/netz-${net.id.slice(0, 8)}` });
    expect((await publicPage()).json().workPlans).toEqual([]);
    const pub = await call(net, 'office', 'PUT', `/plans/${plan.id}/published`, { published: true });
    expect(pub.json().published).toBe(true);
    const shown = (await publicPage()).json().workPlans;
    expect(shown).toHaveLength(1);
    expect(shown[0].entries.map((e: { title: string }) => e.title)).toContain('Fachtag Berufsorientierung');

    // Committee reads plans; guests and partners do not.
    expect((await call(net, 'committee', 'GET', '/plans?year=2027')).json()).toHaveLength(1);
    expect((await call(net, 'guest', 'GET', `/plans/${plan.id}`)).statusCode).toBe(403);
    expect((await call(net, 'partner', 'GET', '/plans')).statusCode).toBe(403);
    const links = await ctx.database.db
      .select()
      .from(t.traceLink)
      .where(
        and(
          eq(t.traceLink.networkId, net.id),
          eq(t.traceLink.fromKind, 'decision'),
          eq(t.traceLink.toId, plan.id),
        ),
      );
    expect(links.map((l) => l.relation)).toEqual(['agrees_plan', 'agrees_plan']);
    const listed = await ctx.database.db
      .select()
      .from(t.traceLink)
      .where(and(eq(t.traceLink.fromId, plan.id), eq(t.traceLink.relation, 'lists')));
    expect(listed.map((l) => l.toId)).toEqual([goal.id]);
  });
});
