import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionOutcome, type FollowUp, inTimeOrder, type Link, walk } from './trace.rules.js';

const TODAY = '2027-06-15';
const order = (status: string, dueOn = '2027-12-31'): FollowUp => ({
  kind: 'work_order',
  relation: 'orders',
  status,
  dueOn,
  short: null,
});

describe('Was daraus wurde', () => {
  it.each([
    ['work_order', 'open', [], 'open', 'Noch nichts daraus entstanden'],
    ['recommendation', 'open', [], 'open', ''],
    ['recommendation', 'done', [], 'implemented', ''],
    [
      'work_order',
      'open',
      [order('done'), order('in_progress')],
      'open',
      '2 Aufträge: 1 erledigt, 1 in Arbeit',
    ],
    ['work_order', 'open', [order('done'), order('reported')], 'implemented', '2 Aufträge: 2 erledigt'],
    ['work_order', 'open', [order('new', '2027-06-14')], 'overdue', '1 Auftrag: 1 offen, 1 überfällig'],
    // due today is not overdue yet; a returned order is never overdue, it waits for the committee
    ['work_order', 'open', [order('accepted', TODAY)], 'open', '1 Auftrag: 1 offen'],
    ['work_order', 'open', [order('returned', '2027-01-01')], 'open', '1 Auftrag: 1 zurückgegeben'],
    // the register's manual status does not hide running orders
    ['work_order', 'done', [order('in_progress')], 'open', '1 Auftrag: 1 in Arbeit'],
    [
      'goal',
      'open',
      [{ kind: 'goal', relation: 'sets_goal', status: 'active', dueOn: null, short: null }],
      'implemented',
      'Ziel gesetzt',
    ],
    [
      'work_plan',
      'open',
      [
        {
          kind: 'work_plan',
          relation: 'agrees_plan',
          status: 'agreed',
          dueOn: null,
          short: 'Arbeitsplanung 2027',
        },
      ],
      'implemented',
      'Arbeitsplanung 2027 beschlossen',
    ],
  ] as const)('%s (%s) with %j → %s, "%s"', (type, status, follow, outcome, summary) => {
    expect(decisionOutcome({ type, status }, [...follow], TODAY)).toEqual({ outcome, summary });
  });

  it('is overdue exactly when a running order is past its due day', () => {
    const statuses = ['new', 'accepted', 'in_progress', 'done', 'reported', 'returned'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.constantFrom(...statuses), late: fc.boolean() }), { maxLength: 6 }),
        (os) => {
          const follow = os.map((o) => order(o.s, o.late ? '2027-01-01' : '2027-12-31'));
          const { outcome } = decisionOutcome({ type: 'work_order', status: 'open' }, follow, TODAY);
          const late = os.some((o) => o.late && ['new', 'accepted', 'in_progress'].includes(o.s));
          expect(outcome === 'overdue').toBe(late);
        },
      ),
    );
  });
});

/** An in-memory link store answering a frontier the way the repository does (by id). */
const graph = (edges: Array<[string, string]>) => {
  const links: Link[] = edges.map(([a, b]) => ({
    fromKind: 'x',
    fromId: a,
    toKind: 'x',
    toId: b,
    relation: 'orders',
    on: new Date(0),
    actorName: '',
  }));
  let calls = 0;
  return {
    calls: () => calls,
    down: async (f: Array<{ id: string }>) => {
      calls++;
      return links.filter((l) => f.some((n) => n.id === l.fromId));
    },
    up: async (f: Array<{ id: string }>) => {
      calls++;
      return links.filter((l) => f.some((n) => n.id === l.toId));
    },
  };
};

describe('the walk', () => {
  it('follows links both ways, one read per level, each node once', async () => {
    const g = graph([
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'c'],
      ['z', 'a'],
    ]);
    const down = await walk({ kind: 'x', id: 'a' }, 'down', g.down);
    expect(down.nodes.map((n) => [n.id, n.depth])).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
    expect(down.links).toHaveLength(3);
    const up = await walk({ kind: 'x', id: 'c' }, 'up', g.up);
    expect(up.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'z']);
  });

  it('ignores a link whose kind differs though the id matches', async () => {
    const res = await walk({ kind: 'decision', id: 'a' }, 'down', async () => [
      {
        fromKind: 'goal',
        fromId: 'a',
        toKind: 'x',
        toId: 'b',
        relation: 'lists',
        on: new Date(0),
        actorName: '',
      },
    ]);
    expect(res.nodes).toEqual([]);
  });

  it('ends on any graph, with cycles, within its bounds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), {
          maxLength: 120,
        }),
        async (pairs) => {
          const g = graph(pairs.map(([a, b]) => [String(a), String(b)]));
          const limits = { depth: 5, nodes: 10 };
          const res = await walk({ kind: 'x', id: '0' }, 'down', g.down, limits);
          expect(res.nodes.length).toBeLessThanOrEqual(limits.nodes + 1);
          expect(new Set(res.nodes.map((n) => n.id)).size).toBe(res.nodes.length);
          expect(res.nodes.some((n) => n.id === '0')).toBe(false);
          expect(g.calls()).toBeLessThanOrEqual(limits.depth);
        },
      ),
    );
  });

  it('stops at the depth limit and says so', async () => {
    const chain = Array.from({ length: 12 }, (_, i) => [String(i), String(i + 1)] as [string, string]);
    const res = await walk({ kind: 'x', id: '0' }, 'down', graph(chain).down, { depth: 3, nodes: 100 });
    expect(res.nodes.map((n) => n.id)).toEqual(['1', '2', '3']);
    expect(res.truncated).toBe(true);
  });
});

describe('the timeline order', () => {
  it('orders by day, then nearness, then label; undated last', () => {
    const nodes = [
      { label: 'B', date: '2027-05-10', depth: 2 },
      { label: 'C', date: null, depth: 1 },
      { label: 'A', date: '2027-05-10', depth: 2 },
      { label: 'D', date: '2027-05-10', depth: 1 },
      { label: 'E', date: '2027-01-01', depth: 3 },
    ];
    expect(inTimeOrder(nodes).map((n) => n.label)).toEqual(['E', 'D', 'A', 'B', 'C']);
  });
});
