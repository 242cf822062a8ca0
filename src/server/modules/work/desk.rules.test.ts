import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, bucketOf, deskOrder, dueForReminder, reminderHourReached } from './desk.rules.js';

describe('bucketOf', () => {
  it.each([
    { due: null, today: '2027-06-15', bucket: 'later' },
    { due: '2027-06-14', today: '2027-06-15', bucket: 'overdue' },
    { due: '2026-12-31', today: '2027-06-15', bucket: 'overdue' },
    { due: '2027-06-15', today: '2027-06-15', bucket: 'this_month' },
    { due: '2027-06-30', today: '2027-06-15', bucket: 'this_month' },
    { due: '2027-07-01', today: '2027-06-15', bucket: 'later' },
    { due: '2028-06-20', today: '2027-06-15', bucket: 'later' },
    { due: '2027-01-01', today: '2026-12-31', bucket: 'later' },
  ] as const)('$due against $today is $bucket', ({ due, today, bucket }) => {
    expect(bucketOf(due, today)).toBe(bucket);
  });
});

describe('dueForReminder', () => {
  it.each([
    { due: null, today: '2027-06-15', days: 7, yes: false },
    { due: '2027-06-01', today: '2027-06-15', days: 7, yes: true },
    { due: '2027-06-15', today: '2027-06-15', days: 7, yes: true },
    { due: '2027-06-22', today: '2027-06-15', days: 7, yes: true },
    { due: '2027-06-23', today: '2027-06-15', days: 7, yes: false },
    { due: '2028-01-02', today: '2027-12-28', days: 7, yes: true },
    { due: '2027-06-16', today: '2027-06-15', days: 0, yes: false },
  ])('$due against $today within $days days: $yes', ({ due, today, days, yes }) => {
    expect(dueForReminder(due, today, days)).toBe(yes);
  });
});

describe('addDays', () => {
  it.each([
    ['2027-02-27', 2, '2027-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-12-31', 1, '2028-01-01'],
    ['2027-03-28', 7, '2027-04-04'],
  ] as const)('%s + %i = %s', (day, n, out) => expect(addDays(day, n)).toBe(out));
});

const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('properties', () => {
  it('every overdue item is due for a reminder, and nothing due later than a week ahead is', () => {
    fc.assert(
      fc.property(day, day, (due, today) => {
        if (bucketOf(due, today) === 'overdue') expect(dueForReminder(due, today)).toBe(true);
        if (due > addDays(today, 7)) expect(dueForReminder(due, today)).toBe(false);
      }),
    );
  });
  it('the desk order puts every overdue item before every other one', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ due: fc.option(day), title: fc.string() })), day, (rows, today) => {
        const items = rows.map((r) => ({ dueOn: r.due, title: r.title, bucket: bucketOf(r.due, today) }));
        const sorted = [...items].sort(deskOrder);
        const firstOther = sorted.findIndex((i) => i.bucket !== 'overdue');
        if (firstOther >= 0) expect(sorted.slice(firstOther).some((i) => i.bucket === 'overdue')).toBe(false);
      }),
    );
  });
});

describe('reminderHourReached', () => {
  it.each([
    ['2027-06-15T00:05:00', false],
    ['2027-06-15T05:59:59', false],
    ['2027-06-15T06:00:00', true],
    ['2027-06-15T23:59:00', true],
  ] as const)('%s: %s', (clock, yes) => expect(reminderHourReached(clock)).toBe(yes));
});
