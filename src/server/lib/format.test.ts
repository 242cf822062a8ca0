import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatMeetingTime,
  formatTime,
  formatTimeRange,
  formatWeekdayDate,
} from './format.js';

const at = (iso: string) => new Date(iso);

describe('German dates and times (Europe/Berlin)', () => {
  it.each([
    // instant (UTC)            date          time     date and time
    ['2026-12-02T13:00:00Z', '02.12.2026', '14:00', '02.12.2026, 14:00 Uhr'], // winter: UTC+1
    ['2026-07-01T07:05:00Z', '01.07.2026', '09:05', '01.07.2026, 09:05 Uhr'], // summer: UTC+2
    ['2026-12-31T23:30:00Z', '01.01.2027', '00:30', '01.01.2027, 00:30 Uhr'], // new year in Berlin first
    ['2026-03-29T01:00:00Z', '29.03.2026', '03:00', '29.03.2026, 03:00 Uhr'], // after the spring gap
  ])('%s → %s, %s', (instant, date, time, dateTime) => {
    expect(formatDate(at(instant))).toBe(date);
    expect(formatTime(at(instant))).toBe(time);
    expect(formatDateTime(at(instant))).toBe(dateTime);
  });

  it.each([
    ['2026-12-02T13:00:00Z', '2026-12-02T15:30:00Z', 'von 14:00 bis 16:30 Uhr'],
    ['2026-12-02T08:00:00Z', '2026-12-02T09:00:00Z', 'von 09:00 bis 10:00 Uhr'],
    ['2026-12-02T21:00:00Z', '2026-12-03T09:00:00Z', 'vom 02.12.2026, 22:00 Uhr bis 03.12.2026, 10:00 Uhr'],
  ])('%s to %s → %s', (start, end, text) => {
    expect(formatTimeRange(at(start), at(end))).toBe(text);
  });

  it('names the weekday of a meeting and its hours', () => {
    expect(formatWeekdayDate(at('2026-12-02T13:00:00Z'))).toBe('Mittwoch, 02.12.2026');
    expect(formatMeetingTime(at('2027-03-11T13:00:00Z'), at('2027-03-11T15:30:00Z'))).toBe(
      'Donnerstag, 11.03.2027, von 14:00 bis 16:30 Uhr',
    );
  });

  it.each([
    ['2024-03-01', '01.03.2024'],
    ['2026-12-31', '31.12.2026'],
    ['kein Datum', 'kein Datum'],
  ])('calendar day %s → %s', (day, text) => {
    expect(formatDay(day)).toBe(text);
  });
});
