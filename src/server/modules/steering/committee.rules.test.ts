import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import { assertRepresentedByOwnDeputy, checkMember, inTermOn } from './committee.rules.js';

describe('committee membership', () => {
  it.each([
    ['2026-01-01', '2026-01-01', null, true],
    ['2026-01-01', '2025-12-31', null, false],
    ['2026-01-01', '2030-01-01', null, true],
    ['2026-01-01', '2026-06-30', '2026-06-30', true],
    ['2026-01-01', '2026-07-01', '2026-06-30', false],
  ])('term from %s: on %s (until %s) → %s', (termFrom, day, termTo, expected) => {
    expect(inTermOn({ termFrom, termTo }, day)).toBe(expected);
  });

  const member = {
    side: 'land' as const,
    voting: true,
    termFrom: '2026-01-01',
    termTo: null,
    deputyOf: null,
  };
  it.each([
    ['a voting member of the Land', member, undefined, 'ok'],
    [
      'a term ending before it starts',
      { ...member, termTo: '2025-12-31' },
      undefined,
      'steering.term_invalid',
    ],
    [
      'office staff with a vote',
      { ...member, side: 'office' as const },
      undefined,
      'steering.office_no_vote',
    ],
    ['office staff without a vote', { ...member, side: 'office' as const, voting: false }, undefined, 'ok'],
    ['deputy of a member', { ...member, deputyOf: 'p' }, { id: 'p', deputyOf: null }, 'ok'],
    ['deputy of an unknown member', { ...member, deputyOf: 'p' }, undefined, 'not_found'],
    [
      'deputy of a deputy',
      { ...member, deputyOf: 'p' },
      { id: 'p', deputyOf: 'q' },
      'steering.deputy_of_deputy',
    ],
  ])('%s → %s', (_name, input, principal, expected) => {
    expect(errorCodeOf(() => checkMember(input, principal))).toBe(expected);
  });

  it('refuses a member as their own deputy', () => {
    expect(
      errorCodeOf(() => checkMember({ ...member, deputyOf: 'me' }, { id: 'me', deputyOf: null }, 'me')),
    ).toBe('not_found');
  });

  it('lets only the own deputy represent a member', () => {
    const m = { id: 'm', name: 'Frau Land' };
    expect(errorCodeOf(() => assertRepresentedByOwnDeputy(m, { deputyOf: 'm' }))).toBe('ok');
    expect(errorCodeOf(() => assertRepresentedByOwnDeputy(m, { deputyOf: 'other' }))).toBe(
      'steering.deputy_invalid',
    );
    expect(errorCodeOf(() => assertRepresentedByOwnDeputy(m, undefined))).toBe('steering.deputy_invalid');
  });
});
