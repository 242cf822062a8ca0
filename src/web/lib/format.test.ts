import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatMeetingTime,
  formatTime,
  formatTimeRange,
  formatWeekdayDate,
} from './format';

describe('German dates and times on pages (Europe/Berlin, whatever the browser)', () => {
  it.each([
    ['2026-12-02T13:00:00Z', '02.12.2026', '14:00', '02.12.2026, 14:00 Uhr'],
    ['2026-07-01T07:05:00.000Z', '01.07.2026', '09:05', '01.07.2026, 09:05 Uhr'],
    ['2026-12-31T23:30:00+00:00', '01.01.2027', '00:30', '01.01.2027, 00:30 Uhr'],
  ])('%s → %s, %s', (iso, date, time, dateTime) => {
    expect(formatDate(iso)).toBe(date);
    expect(formatTime(iso)).toBe(time);
    expect(formatDateTime(iso)).toBe(dateTime);
  });

  it('shows a dash for a missing value', () => {
    expect(formatDateTime(null)).toBe('–');
    expect(formatDate(undefined)).toBe('–');
    expect(formatDay('')).toBe('–');
  });

  it.each([
    ['2026-12-02T13:00:00Z', '2026-12-02T15:30:00Z', 'von 14:00 bis 16:30 Uhr'],
    ['2026-12-02T21:00:00Z', '2026-12-03T09:00:00Z', 'vom 02.12.2026, 22:00 Uhr bis 03.12.2026, 10:00 Uhr'],
  ])('%s to %s → %s', (start, end, text) => {
    expect(formatTimeRange(start, end)).toBe(text);
  });

  it('names the weekday of a meeting and its hours', () => {
    expect(formatWeekdayDate('2026-12-02T13:00:00Z')).toBe('Mittwoch, 02.12.2026');
    expect(formatMeetingTime('2027-03-11T13:00:00Z', '2027-03-11T15:30:00Z')).toBe(
      'Donnerstag, 11.03.2027, von 14:00 bis 16:30 Uhr',
    );
  });

  it('shows a calendar day as it is', () => {
    expect(formatDay('2026-08-01')).toBe('01.08.2026');
  });
});
