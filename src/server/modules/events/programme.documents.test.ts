import { describe, expect, it } from 'vitest';
import type { Programme, Session } from '../../../contracts/events-programme.js';
import { programmeBlocks } from './programme.documents.js';

const session = (title: string, startsAt: string, endsAt: string): Session => ({
  id: crypto.randomUUID(),
  kind: 'workshop',
  title,
  description: '',
  startsAt,
  endsAt,
  roomId: null,
  roomName: null,
  roomCapacity: null,
  place: 'Raum 1',
  capacity: 20,
  fieldId: null,
  fieldName: null,
  speakers: [],
  version: 1,
});

const programme = (startsAt: string, endsAt: string, sessions: Session[]): Programme => ({
  eventId: crypto.randomUUID(),
  title: 'Fachtag',
  startsAt,
  endsAt,
  slots: sessions.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, sessions: [s] })),
});

const headings = (p: Programme) =>
  programmeBlocks(p, 'Kreishaus').flatMap((b) => (b.type === 'h2' ? [b.text] : []));
const dateLine = (p: Programme) =>
  programmeBlocks(p, 'Kreishaus').find((b) => b.type === 'meta' && b.label === 'Datum');

describe('the printable timetable', () => {
  it('names the day of each slot when the event lasts several days', () => {
    const p = programme('2027-06-17T07:00:00Z', '2027-06-18T14:00:00Z', [
      session('Auftakt', '2027-06-17T07:00:00Z', '2027-06-17T08:30:00Z'),
      session('Werkstatt', '2027-06-18T07:00:00Z', '2027-06-18T08:30:00Z'),
    ]);
    expect(dateLine(p)).toMatchObject({ value: 'Donnerstag, 17.06.2027 bis Freitag, 18.06.2027' });
    expect(headings(p)).toEqual([
      'Donnerstag, 17.06.2027, 9:00 bis 10:30 Uhr',
      'Freitag, 18.06.2027, 9:00 bis 10:30 Uhr',
    ]);
  });

  it('gives times only on a one-day event', () => {
    const p = programme('2027-06-17T07:00:00Z', '2027-06-17T14:00:00Z', [
      session('Auftakt', '2027-06-17T07:00:00Z', '2027-06-17T08:30:00Z'),
    ]);
    expect(dateLine(p)).toMatchObject({ value: 'Donnerstag, 17.06.2027' });
    expect(headings(p)).toEqual(['9:00 bis 10:30 Uhr']);
  });
});
