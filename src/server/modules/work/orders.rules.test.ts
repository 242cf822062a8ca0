import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import { WorkOrderStatus } from '../../../contracts/work.js';
import {
  checkDueDate,
  checkOrderingDecision,
  checkTransition,
  decisionStatusOf,
  isOverdue,
  orderNumber,
  orderTransitions,
  transitionsFor,
} from './orders.rules.js';

const statuses = WorkOrderStatus.options;

describe('the work order state machine', () => {
  it.each([
    ['new', 'accepted', '', 'ok'],
    ['accepted', 'in_progress', '', 'ok'],
    ['in_progress', 'done', '', 'ok'],
    ['done', 'reported', '', 'ok'],
    ['new', 'returned', 'Nicht leistbar', 'ok'],
    ['accepted', 'returned', 'Außerhalb des Auftrags', 'ok'],
    ['in_progress', 'returned', 'Keine Mittel', 'ok'],
    ['in_progress', 'returned', '', 'work.return_reason_required'],
    ['in_progress', 'returned', '  x ', 'work.return_reason_required'],
    ['new', 'done', '', 'work.order_transition'],
    ['new', 'in_progress', '', 'work.order_transition'],
    ['done', 'returned', 'zu spät', 'work.order_transition'],
    ['reported', 'done', '', 'work.order_transition'],
    ['returned', 'new', '', 'work.order_transition'],
    ['accepted', 'accepted', '', 'work.order_transition'],
  ] as const)('%s → %s (note %j): %s', (from, to, note, code) => {
    expect(errorCodeOf(() => checkTransition(from, to, note))).toBe(code);
  });

  it('never leaves reported or returned, and every path from new ends in reported or returned', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statuses), { maxLength: 12 }), (steps) => {
        let s: (typeof statuses)[number] = 'new';
        for (const to of steps) {
          const allowed = errorCodeOf(() => checkTransition(s, to, 'Begründung')) === 'ok';
          expect(allowed).toBe(orderTransitions[s].includes(to));
          if (allowed) {
            // Terminal states have no way out; returned is reachable only from the open states.
            expect(['reported', 'returned']).not.toContain(s);
            if (to === 'returned') expect(['new', 'accepted', 'in_progress']).toContain(s);
            s = to;
          }
        }
        // From any state reached, following the first allowed step ends in a terminal state.
        let guard = 0;
        while (orderTransitions[s].length > 0 && guard++ < 10) s = orderTransitions[s][0]!;
        expect(['reported', 'returned']).toContain(s);
      }),
    );
  });

  it('offers the assignee and the office the next steps but never "reported"; the committee none', () => {
    const order = { status: 'done' as const, assigneeId: 'u1' };
    expect(transitionsFor({ userId: 'u1', role: 'office' }, order)).toEqual([]);
    expect(transitionsFor({ userId: 'u2', role: 'admin' }, { ...order, status: 'new' })).toEqual([
      'accepted',
      'returned',
    ]);
    expect(transitionsFor({ userId: 'u3', role: 'committee' }, { ...order, status: 'new' })).toEqual([]);
    expect(transitionsFor({ userId: 'u1', role: 'committee' }, { ...order, status: 'accepted' })).toEqual([
      'in_progress',
      'returned',
    ]);
  });
});

describe("the decision's register status follows its orders", () => {
  it.each([
    [[], 'open'],
    [['new'], 'open'],
    [['new', 'new'], 'open'],
    [['returned'], 'open'],
    [['accepted'], 'in_progress'],
    [['new', 'in_progress'], 'in_progress'],
    [['done', 'new'], 'in_progress'],
    [['done'], 'done'],
    [['done', 'reported'], 'done'],
    [['reported', 'returned'], 'done'],
    [['returned', 'new'], 'open'],
  ] as const)('%j → %s', (orders, status) => {
    expect(decisionStatusOf(orders)).toBe(status);
  });

  it('is done exactly when every order that was not returned is done or reported, and some is', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statuses), { maxLength: 8 }), (orders) => {
        const live = orders.filter((s) => s !== 'returned');
        const done = live.length > 0 && live.every((s) => s === 'done' || s === 'reported');
        expect(decisionStatusOf(orders) === 'done').toBe(done);
        // Adding a returned order never changes the answer.
        expect(decisionStatusOf([...orders, 'returned'])).toBe(decisionStatusOf(orders));
      }),
    );
  });
});

describe('numbers, due dates, overdue and the ordering decision', () => {
  it('numbers orders AA-<year>-<nn>', () => {
    expect(orderNumber(2027, 3)).toBe('AA-2027-03');
    expect(orderNumber(2027, 112)).toBe('AA-2027-112');
  });

  it.each([
    ['2027-03-12', '2027-03-12', 'ok'],
    ['2027-06-30', '2027-03-12', 'ok'],
    ['2027-03-11', '2027-03-12', 'work.due_before_decision'],
  ])('due %s, decided %s: %s', (due, decided, code) => {
    expect(errorCodeOf(() => checkDueDate(due, decided, 'LK-2027-04'))).toBe(code);
  });

  it.each([
    [{ status: 'new', dueOn: '2027-01-01' }, true],
    [{ status: 'in_progress', dueOn: '2027-01-01' }, true],
    [{ status: 'in_progress', dueOn: '2027-02-01' }, false],
    [{ status: 'done', dueOn: '2027-01-01' }, false],
    [{ status: 'returned', dueOn: '2027-01-01' }, false],
  ] as const)('%j overdue on 2027-02-01: %s', (o, overdue) => {
    expect(isOverdue(o, '2027-02-01')).toBe(overdue);
  });

  const taken = {
    number: 'LK-2027-04',
    type: 'work_order',
    decidedOn: '2027-03-12',
    itemStatus: null,
    procedureStatus: null,
  };
  it.each([
    [undefined, 'work.decision_missing'],
    [taken, 'ok'],
    [{ ...taken, itemStatus: 'decided' }, 'ok'],
    [{ ...taken, procedureStatus: 'taken' }, 'ok'],
    [{ ...taken, type: 'goal' }, 'work.decision_not_work_order'],
    [{ ...taken, itemStatus: 'deferred' }, 'work.decision_not_taken'],
    [{ ...taken, itemStatus: 'open' }, 'work.decision_not_taken'],
    [{ ...taken, procedureStatus: 'not_taken' }, 'work.decision_not_taken'],
  ])('decision %j: %s', (d, code) => {
    expect(errorCodeOf(() => checkOrderingDecision(d))).toBe(code);
  });
});
