import { describe, expect, it } from 'vitest';
import { berlinDay, berlinWallClock } from './berlin-time.js';
import { attachmentDisposition } from './content-disposition.js';

describe('Berlin time', () => {
  it.each([
    // instant (UTC)                 Berlin day     wall clock
    ['2026-01-15T22:59:59Z', '2026-01-15', '2026-01-15T23:59:59'], // winter: UTC+1
    ['2026-01-15T23:00:00Z', '2026-01-16', '2026-01-16T00:00:00'],
    ['2026-07-15T21:59:59Z', '2026-07-15', '2026-07-15T23:59:59'], // summer: UTC+2
    ['2026-07-15T22:00:00Z', '2026-07-16', '2026-07-16T00:00:00'],
    ['2026-03-29T00:59:59Z', '2026-03-29', '2026-03-29T01:59:59'], // the spring gap: 02:00 → 03:00
    ['2026-03-29T01:00:00Z', '2026-03-29', '2026-03-29T03:00:00'],
    ['2026-10-25T00:30:00Z', '2026-10-25', '2026-10-25T02:30:00'], // 02:30 happens twice in autumn
    ['2026-10-25T01:30:00Z', '2026-10-25', '2026-10-25T02:30:00'],
    ['2026-12-31T23:30:00Z', '2027-01-01', '2027-01-01T00:30:00'], // new year in Berlin, not yet in UTC
  ])('%s is %s, %s in Berlin', (instant, day, wallClock) => {
    expect(berlinDay(new Date(instant))).toBe(day);
    expect(berlinWallClock(new Date(instant))).toBe(wallClock);
  });
});

describe('attachmentDisposition', () => {
  it.each([
    [
      'Protokoll März 2026.pdf',
      `attachment; filename="Protokoll M?rz 2026.pdf"; filename*=UTF-8''Protokoll%20M%C3%A4rz%202026.pdf`,
    ],
    ['Beschlusssammlung.xlsx', 'attachment; filename=Beschlusssammlung.xlsx'],
    ['a "b"; c.txt', 'attachment; filename="a \\"b\\"; c.txt"'],
  ])('%s → %s', (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });
});
