import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import { assertWeightsNotZero, orderProgress, rollUp, rollUpState, taskProgress } from './rollup.rules.js';

describe('rollUp', () => {
  it.each([
    [[], 0],
    [[{ weight: 1, progress: 50 }], 50],
    [
      [
        { weight: 1, progress: 0 },
        { weight: 1, progress: 100 },
      ],
      50,
    ],
    [
      [
        { weight: 3, progress: 100 },
        { weight: 1, progress: 0 },
      ],
      75,
    ],
    [
      [
        { weight: 2, progress: 50 },
        { weight: 1, progress: 25 },
        { weight: 1, progress: 100 },
      ],
      56,
    ],
    [
      [
        { weight: 0, progress: 100 },
        { weight: 1, progress: 10 },
      ],
      10,
    ],
    [
      [
        { weight: 1, progress: 33 },
        { weight: 2, progress: 34 },
      ],
      34,
    ],
  ])('%j → %i', (parts, expected) => expect(rollUp(parts)).toBe(expected));

  it.each([
    [[{ weight: 1, progress: 101 }], 'work.progress_range'],
    [[{ weight: 1, progress: -1 }], 'work.progress_range'],
    [[{ weight: 1, progress: 12.5 }], 'work.progress_range'],
    [[{ weight: -1, progress: 10 }], 'work.weight_range'],
    [[{ weight: 1, progress: 100 }], 'ok'],
  ])('refuses bad parts %j → %s', (parts, code) => expect(errorCodeOf(() => rollUp(parts))).toBe(code));

  it('stays within the smallest and largest progress of parts with weight (property)', () => {
    const part = fc.record({
      weight: fc.integer({ min: 0, max: 100 }),
      progress: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 30 }), (parts) => {
        const weighted = parts.filter((p) => p.weight > 0);
        const r = rollUp(parts);
        if (weighted.length === 0) return r === 0;
        const lo = Math.min(...weighted.map((p) => p.progress));
        const hi = Math.max(...weighted.map((p) => p.progress));
        return Number.isInteger(r) && r >= lo && r <= hi;
      }),
    );
  });

  it('does not depend on the order of parts, and scaling every weight changes nothing (property)', () => {
    const part = fc.record({
      weight: fc.integer({ min: 1, max: 50 }),
      progress: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 2, max: 5 }),
        (parts, k) => {
          const reversed = [...parts].reverse();
          const scaled = parts.map((p) => ({ ...p, weight: p.weight * k }));
          return rollUp(parts) === rollUp(reversed) && rollUp(parts) === rollUp(scaled);
        },
      ),
    );
  });

  it('all at 100 % is 100, all at 0 % is 0 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1 }), (weights) => {
        return (
          rollUp(weights.map((weight) => ({ weight, progress: 100 }))) === 100 &&
          rollUp(weights.map((weight) => ({ weight, progress: 0 }))) === 0
        );
      }),
    );
  });
});

describe('rollUpState', () => {
  it.each([
    [[], { progress: null, state: 'empty', totalWeight: 0 }],
    [[{ weight: 0, progress: 50 }], { progress: null, state: 'zero_weights', totalWeight: 0 }],
    [[{ weight: 2, progress: 40 }], { progress: 40, state: 'ok', totalWeight: 2 }],
  ] as const)('%j → %j', (parts, expected) => expect(rollUpState(parts)).toEqual(expected));
});

describe('assertWeightsNotZero', () => {
  it.each([
    [[], 'ok'],
    [[{ weight: 0, progress: 0 }], 'work.weights_zero'],
    [
      [
        { weight: 0, progress: 0 },
        { weight: 0, progress: 100 },
      ],
      'work.weights_zero',
    ],
    [
      [
        { weight: 0, progress: 0 },
        { weight: 1, progress: 100 },
      ],
      'ok',
    ],
  ])('%j → %s', (parts, code) => expect(errorCodeOf(() => assertWeightsNotZero(parts))).toBe(code));
});

describe('taskProgress and orderProgress', () => {
  const c = (...done: boolean[]) => done.map((d, i) => ({ label: `P${i}`, done: d }));
  it.each([
    [{ status: 'open', progress: 40, checklist: [] }, 40],
    [{ status: 'done', progress: 40, checklist: [] }, 100],
    [{ status: 'open', progress: 90, checklist: c(true, false, false, false) }, 25],
    [{ status: 'open', progress: 0, checklist: c(true, true, false) }, 67],
    [{ status: 'open', progress: 0, checklist: c(true, true) }, 100],
    [{ status: 'done', progress: 0, checklist: c(false) }, 100],
  ] as const)('task %j → %i', (task, expected) => expect(taskProgress(task)).toBe(expected));

  it.each([
    ['new', 0, 0],
    ['accepted', 10, 10],
    ['in_progress', 60, 60],
    ['done', 80, 100],
    ['reported', 80, 100],
    ['returned', 30, null],
  ] as const)('order %s at %i → %s', (status, progress, expected) =>
    expect(orderProgress({ status, progress })).toBe(expected),
  );
});
