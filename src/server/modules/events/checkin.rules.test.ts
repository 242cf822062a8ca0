import { describe, expect, it } from 'vitest';
import {
  alreadyCheckedIn,
  bySurname,
  capacityWarning,
  doorTime,
  listName,
  matchesWords,
  retentionDue,
  retentionDueAt,
  tokenOfCode,
} from './checkin.rules.js';

const token = 'Abc_def-1234567890XYZabc';

describe('tokenOfCode', () => {
  it.each([
    [`https://bn.example/veranstaltung/anmeldung/${token}`, token],
    [`http://bildungsnetz.test/veranstaltung/anmeldung/${token}/`, token],
    [`https://bn.example/veranstaltung/anmeldung/${token}?x=1`, token],
    [`  ${token}  `, token],
    ['kurz', null],
    [`https://bn.example/veranstaltung/einladung/${token}`, null],
    ['https://bn.example/', null],
    ['', null],
  ])('%s → %s', (code, expected) => {
    expect(tokenOfCode(code)).toBe(expected);
  });
});

describe('names', () => {
  it('sorts by surname in German order, then first name', () => {
    const people = [
      { lastName: 'Zimmer', firstName: 'A' },
      { lastName: 'Öztürk', firstName: 'B' },
      { lastName: 'Becker', firstName: 'Z' },
      { lastName: 'Becker', firstName: 'A' },
      { lastName: 'Ohm', firstName: 'C' },
    ];
    expect([...people].sort(bySurname).map(listName)).toEqual([
      'Becker, A',
      'Becker, Z',
      'Ohm, C',
      'Öztürk, B',
      'Zimmer, A',
    ]);
  });
  it.each([
    [{ lastName: 'Krause', firstName: 'Eva' }, 'Krause, Eva'],
    [{ lastName: 'Krause', firstName: '' }, 'Krause'],
  ])('listName %o', (r, s) => expect(listName(r)).toBe(s));
});

describe('matchesWords', () => {
  it.each([
    ['anna mueller gesamtschule', 'muel', true],
    ['anna mueller gesamtschule', 'anna gesamt', true],
    ['anna mueller gesamtschule', 'anna meier', false],
    ['anna mueller', '', true],
  ])('%s / %s', (text, q, ok) => expect(matchesWords(text, q)).toBe(ok));
});

describe('times and messages', () => {
  it('says the hour without a leading zero, in Berlin time', () => {
    expect(doorTime(new Date('2027-02-25T08:12:00Z'))).toBe('9:12');
    expect(doorTime(new Date('2027-06-25T12:05:00Z'))).toBe('14:05');
    expect(alreadyCheckedIn(new Date('2027-02-25T08:12:00Z'))).toBe(
      'Die Person wurde bereits eingelassen um 9:12 Uhr.',
    );
  });
});

describe('retention', () => {
  it.each([
    ['2026-06-18T14:00:00Z', 12, '2027-06-18T14:00:00.000Z'],
    ['2026-01-31T10:00:00Z', 1, '2026-02-28T10:00:00.000Z'],
    ['2024-02-29T10:00:00Z', 12, '2025-02-28T10:00:00.000Z'],
    ['2026-11-30T10:00:00Z', 3, '2027-02-28T10:00:00.000Z'],
  ])('%s + %i months = %s', (end, months, due) => {
    expect(retentionDueAt(new Date(end), months).toISOString()).toBe(due);
  });
  it('is due from that moment on', () => {
    const end = new Date('2026-06-18T14:00:00Z');
    expect(retentionDue(end, 12, new Date('2027-06-18T13:59:59Z'))).toBe(false);
    expect(retentionDue(end, 12, new Date('2027-06-18T14:00:00Z'))).toBe(true);
  });
});

describe('capacityWarning', () => {
  it.each([
    [10, null, null],
    [120, 120, null],
    [121, 120, 'Die Veranstaltung hat 120 Plätze; mit dieser Person sind 121 eingelassen oder angemeldet.'],
  ])('%i of %s', (n, cap, w) => expect(capacityWarning(n, cap)).toBe(w));
});
