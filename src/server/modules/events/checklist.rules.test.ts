import { describe, expect, it } from 'vitest';
import { berlinDay } from '../../lib/berlin-time.js';
import { addDays, defaultTemplates, dueOn, isDueSoon, isOverdue } from './checklist.rules.js';
import { assertStatusStep, nextStatuses } from './planning.rules.js';

describe('due days of checklist steps', () => {
  it.each([
    // start day, end day, offset, anchor, due
    ['2027-02-25', '2027-02-25', -56, 'start', '2026-12-31'],
    ['2027-02-25', '2027-02-25', -14, 'start', '2027-02-11'],
    ['2027-02-25', '2027-02-26', 28, 'end', '2027-03-26'],
    ['2027-02-25', '2027-02-25', 0, 'start', '2027-02-25'],
    // across the change to summer time (28 March 2027) and back (31 October 2027)
    ['2027-04-02', '2027-04-02', -7, 'start', '2027-03-26'],
    ['2027-10-25', '2027-10-25', 7, 'end', '2027-11-01'],
    // leap day
    ['2028-03-01', '2028-03-01', -1, 'start', '2028-02-29'],
  ] as const)('%s–%s, %i days from %s → %s', (start, end, offsetDays, anchor, due) => {
    expect(dueOn({ offsetDays, anchor }, start, end)).toBe(due);
  });

  it('counts from the Berlin day, not the UTC day (a start at 0:30 in summer time)', () => {
    // 2027-03-28 00:30 Berlin (after midnight) is still 27 March in UTC.
    const start = new Date('2027-03-27T23:30:00Z');
    expect(berlinDay(start)).toBe('2027-03-28');
    expect(dueOn({ offsetDays: -1, anchor: 'start' }, berlinDay(start), berlinDay(start))).toBe('2027-03-27');
  });

  it('the conference template has the steps the office works by', () => {
    const byTitle = Object.fromEntries(defaultTemplates.conference.map((s) => [s.title, s]));
    expect(byTitle['Räume buchen']).toMatchObject({ offsetDays: -56, anchor: 'start' });
    expect(byTitle['Einladungen versenden']).toMatchObject({ offsetDays: -42 });
    expect(byTitle['Anmeldung schließen']).toMatchObject({ offsetDays: -14 });
    expect(byTitle['Dokumentation veröffentlichen']).toMatchObject({ offsetDays: 28, anchor: 'end' });
    for (const steps of Object.values(defaultTemplates)) expect(steps.length).toBeGreaterThan(0);
  });

  it.each([
    [{ dueOn: '2027-01-10', doneAt: null }, '2027-01-11', true, false],
    [{ dueOn: '2027-01-11', doneAt: null }, '2027-01-11', false, true],
    [{ dueOn: '2027-01-18', doneAt: null }, '2027-01-11', false, true],
    [{ dueOn: '2027-01-19', doneAt: null }, '2027-01-11', false, false],
    [{ dueOn: '2027-01-10', doneAt: new Date() }, '2027-01-11', false, false],
    [{ dueOn: null, doneAt: null }, '2027-01-11', false, false],
  ])('%o on %s: overdue %s, due soon %s', (task, today, overdue, soon) => {
    expect(isOverdue(task, today)).toBe(overdue);
    expect(isDueSoon(task, today)).toBe(soon);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('status steps', () => {
  it.each([
    ['planned', ['announced']],
    ['announced', ['registration_open', 'planned']],
    ['registration_open', ['closed', 'announced']],
    ['held', ['documented', 'closed']],
    ['documented', ['held']],
  ] as const)('from %s: %o', (from, to) => {
    expect(nextStatuses(from, false)).toEqual(to);
  });

  it.each([
    ['planned', 'announced', true],
    ['announced', 'planned', true],
    ['planned', 'registration_open', false],
    ['held', 'announced', false],
    ['closed', 'closed', false],
  ] as const)('%s → %s allowed: %s', (from, to, ok) => {
    const step = () => assertStatusStep(from, to, false);
    if (ok) expect(step).not.toThrow();
    else expect(step).toThrow();
  });

  it('a cancelled event moves no more', () => {
    expect(nextStatuses('announced', true)).toEqual([]);
    expect(() => assertStatusStep('announced', 'registration_open', true)).toThrow(/abgesagt/);
  });
});
