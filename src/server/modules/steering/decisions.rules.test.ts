import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import type { Participant } from './consensus.rules.js';
import { applyPositions, decisionNumber, decisionYear, itemStatusAfterBlock } from './decisions.rules.js';

describe('decision numbers', () => {
  it.each([
    [2026, 1, 'LK-2026-01'],
    [2026, 7, 'LK-2026-07'],
    [2026, 42, 'LK-2026-42'],
    [2031, 123, 'LK-2031-123'],
  ])('%i, %i → %s', (year, seq, number) => {
    expect(decisionNumber(year, seq)).toBe(number);
  });

  it('sort within a year as the register does (by sequence) and count in the year of the day taken', () => {
    expect(decisionYear('2026-12-31')).toBe(2026);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 98 }), (seq) => {
        expect(decisionNumber(2026, seq) < decisionNumber(2026, seq + 1)).toBe(true);
      }),
    );
  });
});

describe('after a blocked round', () => {
  it.each([
    ['reworked', 'open'],
    ['deferred', 'deferred'],
    ['withdrawn', 'withdrawn'],
  ] as const)('%s → item %s', (resolution, status) => {
    expect(itemStatusAfterBlock(resolution)).toBe(status);
  });
});

describe('applyPositions', () => {
  const people = (): Participant[] => [
    { memberId: 'land', side: 'land', voting: true, presence: 'present' },
    { memberId: 'kommune', side: 'municipality', voting: true, presence: 'represented' },
    { memberId: 'excused', side: 'land', voting: true, presence: 'excused' },
    { memberId: 'nonvoting', side: 'other', voting: false, presence: 'present' },
  ];
  const names = (id: string) => ({ land: 'Frau Land', excused: 'Herr Fern' })[id];
  it.each([
    ['present and represented members', ['land', 'kommune'], 'ok'],
    ['an excused member', ['excused'], 'steering.position_not_entitled'],
    ['a member without a vote', ['nonvoting'], 'steering.position_not_entitled'],
    ['someone not on the committee (a guest)', ['guest'], 'steering.position_not_entitled'],
    ['the same member twice', ['land', 'land'], 'steering.position_twice'],
  ])('%s → %s', (_name, ids, expected) => {
    expect(
      errorCodeOf(() =>
        applyPositions(
          people(),
          ids.map((memberId) => ({ memberId, stance: 'consent' })),
          names,
        ),
      ),
    ).toBe(expected);
  });

  it('names the person it refuses', () => {
    expect(() => applyPositions(people(), [{ memberId: 'excused', stance: 'objection' }], names)).toThrow(
      'Herr Fern',
    );
  });

  it('puts each stance on its member', () => {
    const out = applyPositions(
      people(),
      [
        { memberId: 'land', stance: 'consent' },
        { memberId: 'kommune', stance: 'objection' },
      ],
      names,
    );
    expect(out.map((p) => p.stance)).toEqual(['consent', 'objection', undefined, undefined]);
  });
});
