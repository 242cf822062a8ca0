import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import { checkInstitution, consentState, displayName, splitName } from './people.rules.js';

describe('names', () => {
  it.each([
    ['Jana Müller-Beispiel', { title: '', firstName: 'Jana', lastName: 'Müller-Beispiel' }],
    ['Dr. Jana Müller-Beispiel', { title: 'Dr.', firstName: 'Jana', lastName: 'Müller-Beispiel' }],
    ['Prof. Dr. Anna Maria  Yılmaz', { title: 'Prof. Dr.', firstName: 'Anna Maria', lastName: 'Yılmaz' }],
    ['Dr. rer. nat. Ole Berg', { title: 'Dr. rer. nat.', firstName: 'Ole', lastName: 'Berg' }],
    ['Beispiel', { title: '', firstName: '', lastName: 'Beispiel' }],
    ['  Łucja   Nowak ', { title: '', firstName: 'Łucja', lastName: 'Nowak' }],
  ])('%s', (full, expected) => {
    expect(splitName(full)).toEqual(expected);
    expect(displayName(expected)).toBe(full.trim().replace(/\s+/g, ' '));
  });
});

describe('consent state (newest mailing consent)', () => {
  const d = (s: string) => new Date(s);
  it.each([
    ['none', [], 'none'],
    ['given', [{ givenAt: d('2026-01-01'), withdrawnAt: null }], 'given'],
    ['withdrawn', [{ givenAt: d('2026-01-01'), withdrawnAt: d('2026-02-01') }], 'withdrawn'],
    [
      'given again after a withdrawal',
      [
        { givenAt: d('2026-01-01'), withdrawnAt: d('2026-02-01') },
        { givenAt: d('2026-03-01'), withdrawnAt: null },
      ],
      'given',
    ],
    [
      'withdrawn after giving twice',
      [
        { givenAt: d('2026-03-01'), withdrawnAt: d('2026-04-01') },
        { givenAt: d('2026-01-01'), withdrawnAt: null },
      ],
      'withdrawn',
    ],
  ] as const)('%s', (_, rows, expected) => {
    expect(consentState([...rows])).toBe(expected);
  });
});

describe('what an institution needs', () => {
  const school = { type: 'school', schoolNumber: '123456', schoolType: 'Gymnasium', operatorId: null };
  it.each([
    ['a school with number and type', school, 'ok'],
    ['a school without number', { ...school, schoolNumber: null }, 'contacts.school_number_missing'],
    ['a school without type', { ...school, schoolType: null }, 'contacts.school_type_missing'],
    ['a Kita', { ...school, type: 'kita', schoolNumber: null, schoolType: null }, 'ok'],
    ['a Kita with a school number', { ...school, type: 'kita', schoolType: null }, 'contacts.not_a_school'],
    [
      'a company with a school type',
      { ...school, type: 'company', schoolNumber: null },
      'contacts.not_a_school',
    ],
  ])('%s', (_, input, expected) => {
    expect(errorCodeOf(() => checkInstitution(input))).toBe(expected);
  });
});
