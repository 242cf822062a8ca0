import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';
import { seedWorkGoalsDemo } from './work-goals-demo.js';
import { SPECIAL_MEETING_TITLE, seedWorkMeetingDemo } from './work-meeting-demo.js';
import { seedWorkOrdersDemo } from './work-orders-demo.js';
import { seedWorkProjectsDemo } from './work-projects-demo.js';
import { seedWorkReportsDemo } from './work-reports-demo.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function loadDemo(networkId: string) {
  const deps = ctx.app.deps;
  await seedSteeringDemo(deps, networkId);
  await seedWorkGoalsDemo(deps, networkId);
  await seedWorkOrdersDemo(deps, networkId);
  await seedWorkProjectsDemo(deps, networkId);
  await seedWorkReportsDemo(deps, networkId);
  await seedWorkMeetingDemo(deps, networkId);
}

/** Issue 9's "Done when", checked on the demo network as a committee member sees it. */
describe('the demo work programme (issue 9, Done when)', { timeout: 300_000 }, () => {
  it('shows goals and plans, orders in every state, a project, a report taken into a meeting, a complete quality page and the trace; loading twice adds nothing', async () => {
    const { networkId } = await seedDemo(ctx.database.db);
    await loadDemo(networkId);
    const office = await signIn(ctx.app, DEMO_ACCOUNTS[1]!.email, DEMO_PASSWORD);
    const committee = await signIn(ctx.app, DEMO_ACCOUNTS[2]!.email, DEMO_PASSWORD);
    const get = async (cookie: string, url: string) => {
      const res = await ctx.as(cookie, { method: 'GET', url: `/api/networks/${networkId}${url}` });
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    const counts = async () => ({
      orders: (await get(office, '/work/orders')).length,
      meetings: (await get(office, '/meetings')).items.length,
      decisions: (await get(office, '/decisions')).items.length,
      projects: (await get(office, '/work/projects')).length,
      goals: (await get(office, '/work/goals')).length,
    });
    const before = await counts();
    await loadDemo(networkId);
    expect(await counts()).toEqual(before);

    // Goals and a work plan per joint field of action, each from a decision taken in a meeting.
    const fields = (await get(committee, '/fields?on=2026-03-12')).filter((f: { joint: boolean }) => f.joint);
    const goals = await get(committee, '/work/goals');
    const plans = await get(committee, '/work/plans?year=2026');
    for (const f of fields) {
      expect(goals.some((g: { fieldId: string }) => g.fieldId === f.id)).toBe(true);
      expect(plans.some((p: { fieldId: string }) => p.fieldId === f.id)).toBe(true);
    }
    const decisions = [
      ...(await get(office, '/decisions?type=goal')).items,
      ...(await get(office, '/decisions?type=work_plan')).items,
    ] as Array<{
      id: string;
      type: string;
      title: string;
      meetingId: string | null;
    }>;
    expect(decisions.length).toBeGreaterThanOrEqual(fields.length * 2);
    for (const d of decisions) expect(d.meetingId, d.title).toBeTruthy();

    // Work orders in every state, all from demo decisions.
    const orders = (await get(committee, '/work/orders')) as Array<{
      id: string;
      status: string;
      decision: { id: string } | null;
    }>;
    expect(new Set(orders.map((o) => o.status))).toEqual(
      new Set(['new', 'accepted', 'in_progress', 'done', 'reported', 'returned']),
    );
    expect(orders.every((o) => o.decision?.id)).toBe(true);

    // A project with tasks and rolled-up progress.
    const projects = await get(office, '/work/projects');
    const praxis = projects.find((p: { title: string }) => p.title === 'Praxisphasen');
    expect(praxis.rollUp.tasks).toBeGreaterThan(0);
    expect(praxis.rollUp.progress).toBeGreaterThan(0);

    // A report taken into a held meeting: frozen, in its minutes, and the done order is reported.
    const meetings = (await get(office, '/meetings')).items as Array<{
      id: string;
      title: string;
      status: string;
    }>;
    const special = meetings.find((m) => m.title === SPECIAL_MEETING_TITLE)!;
    expect(special.status).toBe('minutes_drafted');
    const reported = orders.find((o) => o.status === 'reported')!;
    const reports = (await get(committee, `/work/reports?orderId=${reported.id}`)) as {
      reports: Array<{ id: string; frozenAt: string | null; meeting: { id: string } | null }>;
    };
    const frozen = reports.reports.find((r) => r.frozenAt)!;
    expect(frozen.meeting?.id).toBe(special.id);
    const minutes = JSON.stringify(await get(office, `/meetings/${special.id}/minutes`));
    expect(minutes).toContain('Referentinnen und Referenten');

    // The quality page of one field complete: every step of the cycle has something in it, the
    // evaluation and the adjustment done.
    const quality = (await get(committee, '/work/quality')) as Array<{
      name: string;
      steps: Record<string, string>;
    }>;
    const kaoa = quality.find((q) => q.name.includes('KAoA'))!;
    expect(kaoa.steps.evaluation).toBe('done');
    expect(kaoa.steps.adjustment).toBe('done');
    expect(
      Object.values(kaoa.steps).every((s) => s === 'done' || s === 'running'),
      JSON.stringify(kaoa),
    ).toBe(true);

    // The trace from the register: decision → order → report → agenda item of the meeting.
    const trace = JSON.stringify(await get(committee, `/trace/decision/${reported.decision!.id}`));
    expect(trace).toContain(reported.id);
    expect(trace).toContain(frozen.id);
    expect(trace).toContain('agenda_item');
  });
});
