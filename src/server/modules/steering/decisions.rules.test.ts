import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import type { Participant } from './consensus.rules.js';
import { consensusOutcome, type Participant as P } from './consensus.rules.js';
import {
  applyPositions,
  assertMayAdvise,
  decisionNumber,
  decisionYear,
  itemStatusAfterBlock,
  withAllConsent,
} from './decisions.rules.js';

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

describe('"alle stimmen zu" plus exceptions', () => {
  const room = (): P[] => [
    { memberId: 'land', side: 'land', voting: true, presence: 'present' },
    { memberId: 'land2', side: 'land', voting: true, presence: 'represented' },
    { memberId: 'kommune', side: 'municipality', voting: true, presence: 'present' },
    { memberId: 'excused', side: 'municipality', voting: true, presence: 'excused' },
    { memberId: 'absent', side: 'other', voting: true, presence: 'absent' },
    { memberId: 'office', side: 'office', voting: false, presence: 'present' },
    { memberId: 'nonvoting', side: 'other', voting: false, presence: 'present' },
  ];
  const stancesOf = (
    exceptions: Array<{ memberId: string; stance: 'consent' | 'stand_aside' | 'objection' }>,
  ) => {
    const list = withAllConsent(
      room(),
      exceptions.map((e) => ({ ...e, reason: e.stance === 'objection' ? 'Grund' : '' })),
    );
    return Object.fromEntries(list.map((p) => [p.memberId, p.stance]));
  };
  it.each([
    [
      'no exceptions: every voting member present or represented consents',
      [],
      { land: 'consent', land2: 'consent', kommune: 'consent' },
      true,
    ],
    [
      'one objection stays and blocks',
      [{ memberId: 'land', stance: 'objection' as const }],
      { land: 'objection', land2: 'consent', kommune: 'consent' },
      false,
    ],
    [
      'an abstention stays and does not block',
      [{ memberId: 'kommune', stance: 'stand_aside' as const }],
      { land: 'consent', land2: 'consent', kommune: 'stand_aside' },
      false,
    ],
  ])('%s', (_name, exceptions, expected, taken) => {
    const stances = stancesOf(exceptions);
    expect(stances).toEqual(expected);
    const participants = applyPositions(
      room(),
      Object.entries(stances).map(([memberId, stance]) => ({ memberId, stance })),
      () => undefined,
    );
    // The municipal side's only present voter standing aside leaves no municipal consent (parity).
    expect(consensusOutcome(participants).taken).toBe(taken);
  });

  it('never gives a position to the excused, the absent, office staff or members without a vote', () => {
    fc.assert(
      fc.property(fc.subarray(['land', 'land2', 'kommune']), (objectors) => {
        const stances = stancesOf(objectors.map((memberId) => ({ memberId, stance: 'objection' as const })));
        for (const id of ['excused', 'absent', 'office', 'nonvoting']) expect(stances[id]).toBeUndefined();
        expect(Object.keys(stances)).toHaveLength(3);
      }),
    );
  });
});

describe('who may give advice', () => {
  it.each([
    ['a guest of the whole meeting', { kind: 'guest' as const, name: 'Gast', itemId: null }, 'ok'],
    ['a guest of this item', { kind: 'guest' as const, name: 'Gast', itemId: 'top3' }, 'ok'],
    [
      'a guest of another item',
      { kind: 'guest' as const, name: 'Gast', itemId: 'top4' },
      'steering.advisor_other_item',
    ],
    ['a member without a vote', { kind: 'member' as const, name: 'Beirat', voting: false }, 'ok'],
    [
      'a voting member (states a position instead)',
      { kind: 'member' as const, name: 'Frau Land', voting: true },
      'steering.advisor_voting',
    ],
    ['office staff', { kind: 'office' as const, name: 'Teamleitung' }, 'ok'],
    ['somebody unknown', undefined, 'steering.advisor_unknown'],
  ])('%s → %s', (_name, speaker, expected) => {
    expect(errorCodeOf(() => assertMayAdvise(speaker, 'top3'))).toBe(expected);
  });

  it('advice never changes the outcome: consensus reads only the positions of voting members', () => {
    const withAdvisors: P[] = [
      { memberId: 'land', side: 'land', voting: true, presence: 'present', stance: 'consent' },
      { memberId: 'kommune', side: 'municipality', voting: true, presence: 'present', stance: 'consent' },
      // an office member or a member without a vote who objected in words: it is advice, not a stance
      { memberId: 'office', side: 'office', voting: false, presence: 'present', stance: 'objection' },
    ];
    expect(consensusOutcome(withAdvisors)).toEqual({ taken: true });
  });
});
