import { describe, expect, it } from 'vitest';
import { addDays, defaultDeadline, isWorkingDay, nextWorkingDay } from './working-days';

describe('working days in NRW', () => {
  it.each([
    // day           working  why
    ['2026-12-02', true, 'Wednesday'],
    ['2026-12-05', false, 'Saturday'],
    ['2026-12-06', false, 'Sunday'],
    ['2026-01-01', false, 'Neujahr'],
    ['2026-04-03', false, 'Karfreitag'],
    ['2026-04-06', false, 'Ostermontag'],
    ['2026-05-01', false, 'Tag der Arbeit'],
    ['2026-05-14', false, 'Christi Himmelfahrt'],
    ['2026-05-25', false, 'Pfingstmontag'],
    ['2026-06-04', false, 'Fronleichnam (a holiday in NRW)'],
    ['2026-10-03', false, 'Tag der Deutschen Einheit (a Saturday anyway)'],
    ['2027-11-01', false, 'Allerheiligen (a holiday in NRW, a Monday in 2027)'],
    ['2026-11-18', true, 'Buß- und Bettag (a holiday in Saxony only)'],
    ['2026-10-31', false, 'Reformationstag is no holiday in NRW, but a Saturday'],
    ['2025-10-31', true, 'Reformationstag 2025: a Friday, a working day in NRW'],
    ['2026-12-24', true, 'Heiligabend is no public holiday'],
    ['2026-12-25', false, '1. Weihnachtstag'],
    ['2026-12-26', false, '2. Weihnachtstag'],
    ['2027-01-06', true, 'Heilige Drei Könige: not in NRW'],
    ['2027-03-08', true, 'Weltfrauentag: Berlin only'],
  ])('%s is a working day: %s (%s)', (day, working) => {
    expect(isWorkingDay(day)).toBe(working);
  });

  it.each([
    ['2026-12-02', '2026-12-02', 'a working day stays'],
    ['2026-12-05', '2026-12-07', 'Saturday → Monday'],
    ['2026-12-24', '2026-12-24', 'Christmas Eve is a Thursday and a working day'],
    ['2026-12-25', '2026-12-28', 'Christmas Friday and the weekend → Monday'],
    ['2026-04-03', '2026-04-07', 'Karfreitag → over Easter → Tuesday'],
    ['2026-06-04', '2026-06-05', 'Fronleichnam → Friday'],
    ['2027-10-30', '2027-11-02', 'Saturday, Sunday, Allerheiligen → Tuesday'],
    ['2026-12-31', '2026-12-31', 'New Year’s Eve is a working day'],
    ['2027-01-01', '2027-01-04', 'Neujahr Friday → Monday'],
  ])('next working day from %s is %s (%s)', (day, next) => {
    expect(nextWorkingDay(day)).toBe(next);
  });

  it.each([
    ['2026-12-02', 10, '2026-12-14T12:00', 'ten days on is a Saturday → Monday'],
    ['2026-12-15', 10, '2026-12-28T12:00', 'ten days on is Christmas → Monday after'],
    ['2026-05-25', 10, '2026-06-05T12:00', 'ten days on is Fronleichnam → Friday'],
    ['2026-11-08', 10, '2026-11-18T12:00', 'Buß- und Bettag counts as a working day'],
    ['2026-11-24', 7, '2026-12-01T12:00', 'a working day stays'],
  ])('from %s, %i days: %s (%s)', (today, days, deadline) => {
    expect(defaultDeadline(today, days)).toBe(deadline);
  });

  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
