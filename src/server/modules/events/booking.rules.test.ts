import { describe, expect, it } from 'vitest';
import { capacityWarning, conflictMessage, firstConflict, overlaps, spanText } from './booking.rules.js';
import { groupSlots, sessionTimeProblem } from './programme.rules.js';

const at = (hm: string, day = '2027-02-25') => new Date(`${day}T${hm}:00+01:00`);
const span = (a: string, b: string) => ({ startsAt: at(a), endsAt: at(b) });

describe('overlaps (half-open intervals)', () => {
  it.each([
    ['same span', span('09:00', '16:00'), span('09:00', '16:00'), true],
    ['inside', span('09:00', '16:00'), span('10:00', '11:00'), true],
    ['partly before', span('10:00', '12:00'), span('09:00', '10:30'), true],
    ['partly after', span('10:00', '12:00'), span('11:59', '13:00'), true],
    ['touching at the end', span('09:00', '10:30'), span('10:30', '12:00'), false],
    ['touching at the start', span('10:30', '12:00'), span('09:00', '10:30'), false],
    ['apart', span('09:00', '10:00'), span('11:00', '12:00'), false],
  ])('%s', (_name, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('conflicts and their message', () => {
  const existing = [
    { id: 'b', eventTitle: 'Später', sessionTitle: null, ...span('13:00', '14:00') },
    {
      id: 'a',
      eventTitle: 'Netzwerktreffen Übergang Schule–Beruf',
      sessionTitle: null,
      ...span('09:00', '16:00'),
    },
  ];
  it('finds the earliest overlapping booking and names it', () => {
    const c = firstConflict(span('12:00', '13:30'), existing);
    expect(c?.id).toBe('a');
    expect(conflictMessage('Sitzungsraum 2', c!)).toBe(
      'Sitzungsraum 2 ist am 25.02.2027 von 9:00 bis 16:00 Uhr schon für „Netzwerktreffen Übergang Schule–Beruf“ gebucht.',
    );
  });
  it('names the session when the booking is for one', () => {
    const c = { ...existing[0]!, sessionTitle: 'Workshop 3' };
    expect(conflictMessage('Raum 104', c)).toContain('„Später: Workshop 3“');
  });
  it('finds none when the spans only touch', () => {
    expect(firstConflict(span('16:00', '17:00'), [existing[1]!])).toBeUndefined();
  });
  it('writes spans over several days with both dates', () => {
    expect(spanText({ startsAt: at('09:00', '2027-02-24'), endsAt: at('16:00') })).toBe(
      'vom 24.02.2027, 9:00 Uhr bis 25.02.2027, 16:00 Uhr',
    );
  });
});

describe('capacity warning', () => {
  it.each([
    [
      { name: 'Raum 104', kind: 'room' as const, capacity: 20 },
      30,
      'Raum 104 hat nur 20 Plätze, der Programmpunkt aber 30.',
    ],
    [{ name: 'Raum 104', kind: 'room' as const, capacity: 20 }, 20, null],
    [{ name: 'Raum 104', kind: 'room' as const, capacity: null }, 30, null],
    [{ name: 'Raum 104', kind: 'room' as const, capacity: 20 }, null, null],
    [{ name: 'Beamer 1', kind: 'equipment' as const, capacity: 1 }, 30, null],
  ])('%o with %s places', (room, places, expected) => {
    expect(capacityWarning(room, places)).toBe(expected);
  });
});

describe('sessions inside the event', () => {
  const event = span('09:00', '16:00');
  it.each([
    ['whole event', span('09:00', '16:00'), null],
    ['inside', span('10:45', '12:30'), null],
    [
      'before the start',
      span('08:30', '10:00'),
      'Der Programmpunkt muss innerhalb der Zeit der Veranstaltung liegen.',
    ],
    [
      'after the end',
      span('15:00', '16:30'),
      'Der Programmpunkt muss innerhalb der Zeit der Veranstaltung liegen.',
    ],
    ['ends before it starts', span('11:00', '10:00'), 'Der Programmpunkt muss nach seinem Beginn enden.'],
    ['no length', span('11:00', '11:00'), 'Der Programmpunkt muss nach seinem Beginn enden.'],
  ])('%s', (_name, s, expected) => {
    expect(sessionTimeProblem(s, event)).toBe(expected);
  });
});

describe('time slots', () => {
  it('groups parallel sessions and orders slots by start', () => {
    const slots = groupSlots([
      { title: 'Workshop 2', ...span('10:45', '12:30') },
      { title: 'Plenum', ...span('09:00', '10:30') },
      { title: 'Workshop 1', ...span('10:45', '12:00') },
    ]);
    expect(slots.map((s) => s.sessions.map((x) => x.title))).toEqual([
      ['Plenum'],
      ['Workshop 1', 'Workshop 2'],
    ]);
    expect(slots[1]!.endsAt).toEqual(at('12:30'));
  });
});
