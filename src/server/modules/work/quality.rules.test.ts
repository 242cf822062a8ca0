import { describe, expect, it } from 'vitest';
import {
  adjustmentState,
  evaluationState,
  measureOverdue,
  reviewOverdue,
  stepState,
} from './quality.rules.js';

const TODAY = '2027-06-15';

describe('a step of the quality cycle', () => {
  it.each([
    [{ total: 0, finished: 0, overdue: 0 }, 'open'],
    [{ total: 2, finished: 0, overdue: 0 }, 'running'],
    [{ total: 2, finished: 1, overdue: 0 }, 'running'],
    [{ total: 2, finished: 2, overdue: 0 }, 'done'],
    [{ total: 2, finished: 1, overdue: 1 }, 'overdue'],
  ] as const)('%j → %s', (input, state) => {
    expect(stepState(input)).toBe(state);
  });

  it.each([
    [[], 'open'],
    [[{ status: 'active', reviewOn: '2027-06-14', version: 1 }], 'overdue'],
    [[{ status: 'active', reviewOn: TODAY, version: 1 }], 'open'],
    [[{ status: 'achieved', reviewOn: '2027-01-01', version: 2 }], 'done'],
    [
      [
        { status: 'active', reviewOn: '2028-01-01', version: 2 },
        { status: 'active', reviewOn: null, version: 1 },
      ],
      'running',
    ],
  ] as const)('evaluation of %j → %s', (goals, state) => {
    expect(evaluationState([...goals], TODAY)).toBe(state);
  });

  it('adjustment is done once a decision changed course', () => {
    expect(adjustmentState(0)).toBe('open');
    expect(adjustmentState(1)).toBe('done');
  });

  it.each([
    [{ status: 'active', reviewOn: '2027-06-14' }, true],
    [{ status: 'active', reviewOn: TODAY }, false],
    [{ status: 'dropped', reviewOn: '2027-01-01' }, false],
    [{ status: 'active', reviewOn: null }, false],
  ] as const)('review of %j overdue: %s', (g, overdue) => {
    expect(reviewOverdue(g, TODAY)).toBe(overdue);
  });

  it.each([
    [{ finished: false, dueOn: '2027-06-14' }, true],
    [{ finished: true, dueOn: '2027-06-14' }, false],
    [{ finished: false, dueOn: null }, false],
  ] as const)('measure %j overdue: %s', (m, overdue) => {
    expect(measureOverdue(m, TODAY)).toBe(overdue);
  });
});
