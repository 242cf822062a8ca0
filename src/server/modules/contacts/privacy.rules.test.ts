import { describe, expect, it } from 'vitest';
import {
  consentState,
  monthsBefore,
  redactOwnRecord,
  redactText,
  redactValue,
  secretsOf,
} from './privacy.rules.js';

const at = (s: string) => new Date(s);
const row = (given: string, withdrawn: string | null, purpose = 'mailing') => ({
  purpose,
  givenAt: at(given),
  withdrawnAt: withdrawn ? at(withdrawn) : null,
  createdAt: at(given),
});

describe('consentState: the latest row of a purpose decides', () => {
  it.each([
    ['nothing recorded', [], 'none'],
    ['given', [row('2026-01-01', null)], 'given'],
    ['withdrawn', [row('2026-01-01', '2026-02-01')], 'withdrawn'],
    ['given again after withdrawal', [row('2026-01-01', '2026-02-01'), row('2026-03-01', null)], 'given'],
    ['withdrawn after giving again', [row('2026-03-01', '2026-04-01'), row('2026-01-01', null)], 'withdrawn'],
    ['another purpose does not count', [row('2026-01-01', null, 'photos')], 'none'],
  ] as const)('%s', (_, rows, expected) => {
    expect(consentState([...rows], 'mailing')).toBe(expected);
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2027-03-01T09:00:00Z', 36, '2024-03-01T09:00:00.000Z'],
    ['2027-03-31T09:00:00Z', 1, '2027-02-28T09:00:00.000Z'],
    ['2024-02-29T00:00:00Z', 12, '2023-02-28T00:00:00.000Z'],
    ['2027-01-15T00:00:00Z', 6, '2026-07-15T00:00:00.000Z'],
  ])('%s minus %i months', (now, months, expected) => {
    expect(monthsBefore(at(now), months).toISOString()).toBe(expected);
  });
});

describe('redaction', () => {
  const secrets = secretsOf(['Jana Müller-Beispiel', 'jana@x.example', 'Müller-Beispiel', '', null, 'ab']);
  it('takes longest first, ignores blanks and too-short strings', () => {
    expect(secrets).toEqual(['Jana Müller-Beispiel', 'Müller-Beispiel', 'jana@x.example']);
  });
  it.each([
    ['Gast „Jana Müller-Beispiel“ eingeladen', 'Gast „[gelöscht]“ eingeladen'],
    ['Frau MÜLLER-BEISPIEL angerufen', 'Frau [gelöscht] angerufen'],
    ['Mail an JANA@x.example', 'Mail an [gelöscht]'],
    ['Rundmail Bildungskonferenz', 'Rundmail Bildungskonferenz'],
    ['Regex (.*) bleibt', 'Regex (.*) bleibt'],
  ])('%s', (text, expected) => {
    expect(redactText(text, secrets)).toBe(expected);
  });
  it('reaches strings inside JSON, keeps keys and other values', () => {
    expect(
      redactValue({ name: 'Jana Müller-Beispiel', n: 3, list: ['jana@x.example', 'x'] }, secrets),
    ).toEqual({
      name: '[gelöscht]',
      n: 3,
      list: ['[gelöscht]', 'x'],
    });
  });
  it('empties personal fields of the person’s own record whatever they hold', () => {
    expect(
      redactOwnRecord({ firstName: 'Jana', lastName: 'X', email: null, purpose: 'mailing' }, secrets),
    ).toEqual({
      firstName: '[gelöscht]',
      lastName: '[gelöscht]',
      email: null,
      purpose: 'mailing',
    });
  });
});
