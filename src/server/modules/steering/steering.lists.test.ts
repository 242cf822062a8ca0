import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const get = (net: TestNetwork, url: string) =>
  ctx.as(net.users.office.cookie, { method: 'GET', url: `/api/networks/${net.id}${url}` });

/** Follows nextCursor until the last page; returns the pages' ids. */
async function allPages(net: TestNetwork, path: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await get(net, `${path}${sep}limit=${limit}${after ? `&after=${after}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    pages.push(body.items.map((i) => i.id));
    after = body.nextCursor;
  } while (after && pages.length < 20);
  return pages;
}

/** Meetings written straight into the table: the list, not the planning rules, is under test. */
async function meetings(net: TestNetwork, starts: string[]) {
  return ctx.database.db
    .insert(t.meeting)
    .values(
      starts.map((s, i) => ({
        networkId: net.id,
        title: `Sitzung ${i + 1}`,
        startsAt: new Date(s),
        endsAt: new Date(new Date(s).getTime() + 2 * 3600_000),
        icalUid: `${randomUUID()}@test`,
      })),
    )
    .returning();
}

describe('keyset pagination', () => {
  it('pages the meeting list newest first, without gaps or repeats, also across equal start times', async () => {
    const net = await createNetworkWithMembers(ctx);
    // Two meetings at the same instant: the id breaks the tie, so neither is skipped between pages.
    await meetings(net, [
      '2025-02-01T13:00:00Z',
      '2025-05-01T12:00:00Z',
      '2025-05-01T12:00:00Z',
      '2025-09-01T12:00:00Z',
      '2026-01-20T13:00:00Z',
    ]);
    const other = await createNetworkWithMembers(ctx);
    await meetings(other, ['2025-03-01T13:00:00Z']);
    const pages = await allPages(net, '/meetings', 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(5);
    const whole = (await get(net, '/meetings?limit=50')).json();
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((m: { id: string }) => m.id)).toEqual(ids);
    const starts = whole.items.map((m: { startsAt: string }) => m.startsAt);
    expect([...starts].sort().reverse()).toEqual(starts);
  });

  it('pages the decision register in its order, with the filters applied', async () => {
    const net = await createNetworkWithMembers(ctx);
    await ctx.database.db.insert(t.decision).values(
      Array.from({ length: 7 }, (_, i) => ({
        networkId: net.id,
        year: i < 3 ? 2025 : 2026,
        seq: (i % 4) + 1,
        number: `LK-${i < 3 ? 2025 : 2026}-0${(i % 4) + 1}`,
        type: i % 2 === 0 ? ('work_order' as const) : ('goal' as const),
        title: `Beschluss ${i}`,
        text: 'Text',
        decidedOn: i < 3 ? '2025-06-01' : '2026-06-01',
      })),
    );
    const pages = await allPages(net, '/decisions', 3);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const whole = (await get(net, '/decisions?limit=200')).json();
    expect(whole.items.map((d: { id: string }) => d.id)).toEqual(pages.flat());
    expect(whole.items.map((d: { number: string }) => d.number)).toEqual([
      'LK-2026-04',
      'LK-2026-03',
      'LK-2026-02',
      'LK-2026-01',
      'LK-2025-03',
      'LK-2025-02',
      'LK-2025-01',
    ]);
    const goals = await allPages(net, '/decisions?type=goal', 2);
    expect(goals.flat()).toHaveLength(3);
  });

  it('refuses a malformed cursor or limit with a German message; a foreign cursor yields nothing', async () => {
    const net = await createNetworkWithMembers(ctx);
    await meetings(net, ['2025-02-01T13:00:00Z']);
    for (const url of ['/meetings?after=nicht-gueltig', '/decisions?limit=0', '/meetings?limit=201']) {
      const res = await get(net, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message).toMatch(/[äöüß]|ungültig|zu/);
    }
    const other = await createNetworkWithMembers(ctx);
    const [foreign] = await meetings(other, ['2025-01-01T13:00:00Z']);
    const res = await get(net, `/meetings?after=${foreign!.id}`);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });
});
