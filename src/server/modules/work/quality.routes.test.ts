import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { workOrderNetwork } from '../../../../tests/helpers/work.js';
import * as t from '../../db/schema.js';

const clock = new Date('2027-03-01T09:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => clock });
});
afterAll(() => ctx.close());

type Who = 'admin' | 'office' | 'committee' | 'guest' | 'partner';
const call = (net: TestNetwork, who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(net.users[who].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

/**
 * A network with the joint field KAoA, a work-order decision and three orders written straight into the
 * tables: one running past its due day (overdue), one running in time, one done past its due day.
 */
async function field() {
  const {
    net,
    fieldId,
    order: insert,
  } = await workOrderNetwork(ctx, { decision: { decidedOn: '2027-01-10' } });
  const order = (seq: number, title: string, status: 'in_progress' | 'done', dueOn: string) =>
    insert({ seq, title, dueOn, status, progress: status === 'done' ? 100 : 40 });
  const late = await order(1, 'Portal bauen', 'in_progress', '2027-02-15');
  const inTime = await order(2, 'Flyer', 'in_progress', '2027-06-30');
  const done = await order(3, 'Konzept', 'done', '2027-01-31');
  return { net, fieldId, late, inTime, done };
}

describe('the quality cycle per role', () => {
  it('is read by admin, office and committee; guests and partners 403; another network’s admin 404', async () => {
    const s = await field();
    for (const [who, code] of [
      ['admin', 200],
      ['office', 200],
      ['committee', 200],
      ['guest', 403],
      ['partner', 403],
    ] as const) {
      for (const url of ['/work/quality', `/work/quality/${s.fieldId}`]) {
        const r = await call(s.net, who, 'GET', url);
        expect(r.statusCode, `${who} ${url}: ${r.body}`).toBe(code);
      }
    }
    const other = await createNetworkWithMembers(ctx);
    for (const url of ['/work/quality', `/work/quality/${s.fieldId}`]) {
      const outsider = await ctx.as(other.users.admin.cookie, {
        method: 'GET',
        url: `/api/networks/${s.net.id}${url}`,
      });
      expect(outsider.statusCode, url).toBe(404);
    }
    // The field is not the other network's: its own admin finds no such field there.
    expect((await call(other, 'admin', 'GET', `/work/quality/${s.fieldId}`)).statusCode).toBe(404);
  });

  it('lists the overdue measures of the field, not the ones in time or finished', async () => {
    const s = await field();
    const cycle = (await call(s.net, 'committee', 'GET', `/work/quality/${s.fieldId}`)).json();
    expect(cycle.field).toEqual({ id: s.fieldId, name: 'KAoA' });
    expect(cycle.measures.map((m: { id: string }) => m.id).sort()).toEqual(
      [s.late.id, s.inTime.id, s.done.id].sort(),
    );
    expect(cycle.overdue).toEqual([
      expect.objectContaining({
        kind: 'work_order',
        id: s.late.id,
        label: 'AA-2027-01 Portal bauen',
        date: '2027-02-15',
        overdue: true,
        path: `arbeitsprogramm/auftraege/${s.late.id}`,
      }),
    ]);
    expect(cycle.steps.measures).toBe('overdue');
    expect(cycle.nextMeeting).toBeNull();
    const index = (await call(s.net, 'office', 'GET', '/work/quality')).json();
    expect(index).toEqual([expect.objectContaining({ id: s.fieldId, name: 'KAoA', overdue: 1 })]);
  });
});

describe('Anpassung vorschlagen', () => {
  const body = {
    title: 'KAoA: Portal neu planen',
    proposal: 'Das Portal kommt später; die Arbeitsplanung wird angepasst.',
  };

  it('needs a planned meeting (409), then puts the item on its agenda; bad input 400; office only', async () => {
    const s = await field();
    const none = await call(s.net, 'office', 'POST', `/work/quality/${s.fieldId}/adjustment`, body);
    expect(none.statusCode, none.body).toBe(409);
    expect(none.json().error.message).toMatch(/keine Sitzung des Lenkungskreises geplant/);

    const m = await call(s.net, 'office', 'POST', '/meetings', {
      title: 'Frühjahrssitzung',
      startsAt: '2027-03-12T14:00',
      endsAt: '2027-03-12T16:00',
      location: 'Kreishaus',
    });
    expect(m.statusCode, m.body).toBe(201);
    const meetingId = m.json().id as string;
    const items = () =>
      ctx.database.db.select().from(t.agendaItem).where(eq(t.agendaItem.meetingId, meetingId));

    for (const [bad, message] of [
      [{ ...body, title: 'x' }, 'mindestens 3 Zeichen'],
      [{ ...body, proposal: '' }, 'Bitte beschreiben Sie die vorgeschlagene Anpassung.'],
      [{ title: body.title }, ''],
    ] as const) {
      const r = await call(s.net, 'office', 'POST', `/work/quality/${s.fieldId}/adjustment`, bad);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.body).toContain(message);
    }
    const unknownField = await call(
      s.net,
      'office',
      'POST',
      '/work/quality/00000000-0000-4000-8000-000000000000/adjustment',
      body,
    );
    expect(unknownField.statusCode).toBe(404);
    for (const who of ['committee', 'guest', 'partner'] as const) {
      const r = await call(s.net, who, 'POST', `/work/quality/${s.fieldId}/adjustment`, body);
      expect(r.statusCode, who).toBe(403);
    }
    expect(await items()).toHaveLength(0);

    const ok = await call(s.net, 'office', 'POST', `/work/quality/${s.fieldId}/adjustment`, body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ meetingId, meetingTitle: 'Frühjahrssitzung', itemTitle: body.title });
    expect(await items()).toEqual([
      expect.objectContaining({
        title: body.title,
        kind: 'discussion',
        fieldId: s.fieldId,
        proposal: body.proposal,
        presenter: 'Bildungsbüro',
      }),
    ]);
    const cycle = (await call(s.net, 'office', 'GET', `/work/quality/${s.fieldId}`)).json();
    expect(cycle.nextMeeting).toMatchObject({ id: meetingId, title: 'Frühjahrssitzung' });

    const other = await createNetworkWithMembers(ctx);
    const outsider = await ctx.as(other.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${s.net.id}/work/quality/${s.fieldId}/adjustment`,
      payload: body,
    });
    expect(outsider.statusCode).toBe(404);
  });
});
