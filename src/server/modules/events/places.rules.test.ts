import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  offerDeadline,
  type Place,
  placeOnRegister,
  settle,
  takenPlaces,
  waitingList,
  waitingPosition,
} from './places.rules.js';

const at = (min: number) => new Date(Date.UTC(2027, 0, 1, 8, min));
const p = (
  id: string,
  status: Place['status'],
  waitingMin: number | null = null,
  expiresMin: number | null = null,
) => ({
  id,
  status,
  waitingSince: waitingMin === null ? null : at(waitingMin),
  offerExpiresAt: expiresMin === null ? null : at(expiresMin),
});

describe('placeOnRegister', () => {
  it.each([
    { capacity: null, places: [p('a', 'confirmed')], want: 'confirmed' },
    { capacity: 2, places: [p('a', 'confirmed')], want: 'confirmed' },
    { capacity: 2, places: [p('a', 'confirmed'), p('b', 'offered', 1, 50)], want: 'waiting' },
    { capacity: 2, places: [p('a', 'confirmed'), p('b', 'cancelled')], want: 'confirmed' },
    // A free place while somebody waits: the newcomer queues behind (the offer goes to the waiting one).
    { capacity: 3, places: [p('a', 'confirmed'), p('w', 'waiting', 1)], want: 'waiting' },
    { capacity: 0, places: [], want: 'waiting' },
  ] as const)('capacity $capacity → $want', ({ capacity, places, want }) => {
    expect(placeOnRegister(capacity, places)).toBe(want);
  });
});

describe('settle', () => {
  it.each([
    {
      name: 'a freed place goes to the longest waiting',
      capacity: 2,
      places: [p('a', 'confirmed'), p('late', 'waiting', 9), p('early', 'waiting', 3)],
      want: { expired: [], offered: ['early'] },
    },
    {
      name: 'an open offer holds its place',
      capacity: 2,
      places: [p('a', 'confirmed'), p('b', 'offered', 1, 30), p('c', 'waiting', 2)],
      want: { expired: [], offered: [] },
    },
    {
      name: 'an expired offer frees its place for the next one',
      capacity: 2,
      places: [p('a', 'confirmed'), p('b', 'offered', 1, 10), p('c', 'waiting', 2)],
      want: { expired: ['b'], offered: ['c'] },
    },
    {
      name: 'the same moment: the id decides, so the order is total',
      capacity: 1,
      places: [p('y', 'waiting', 5), p('x', 'waiting', 5)],
      want: { expired: [], offered: ['x'] },
    },
    {
      name: 'fewer places than before (capacity lowered): nobody is offered',
      capacity: 1,
      places: [p('a', 'confirmed'), p('b', 'confirmed'), p('c', 'waiting', 1)],
      want: { expired: [], offered: [] },
    },
  ])('$name', ({ capacity, places, want }) => {
    expect(settle(capacity, places, at(20))).toEqual(want);
  });

  it('waiting positions count from 1 in order', () => {
    const places = [p('a', 'waiting', 7), p('b', 'waiting', 2), p('c', 'confirmed')];
    expect(waitingPosition(places, 'b')).toBe(1);
    expect(waitingPosition(places, 'a')).toBe(2);
    expect(waitingPosition(places, 'c')).toBeNull();
  });

  it('an offer lasts the offer hours, never beyond the limit', () => {
    expect(offerDeadline(at(0), 48, at(60 * 24 * 30))).toEqual(new Date(at(0).getTime() + 48 * 3600_000));
    expect(offerDeadline(at(0), 48, at(60))).toEqual(at(60));
  });
});

/* The whole life of an event's places as a random sequence of steps, with the rules applied after each
 * one as the service does: the invariants hold after every step. */
type Step =
  | { op: 'register' }
  | { op: 'cancel'; pick: number }
  | { op: 'accept'; pick: number }
  | { op: 'decline'; pick: number }
  | { op: 'wait'; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ op: 'register' as const }),
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('accept' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('decline' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 120 }) }),
);

describe('places over a random life (property)', () => {
  it('never more taken than capacity, the waiting order is kept, nobody offered twice at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(step, { maxLength: 60 }), (capacity, steps) => {
        let now = 0;
        let next = 0;
        const offerMinutes = 30;
        const places = new Map<string, Place>();
        const joinedAt = new Map<string, number>();
        const apply = () => {
          const list = [...places.values()];
          const { expired, offered } = settle(capacity, list, at(now));
          // Only offers are expired; only the waiting are offered; each at most once.
          for (const id of expired) expect(places.get(id)!.status).toBe('offered');
          expect(new Set(offered).size).toBe(offered.length);
          for (const id of offered) expect(places.get(id)!.status).toBe('waiting');
          // The offered are exactly the head of the waiting list.
          const head = waitingList(list)
            .slice(0, offered.length)
            .map((x) => x.id);
          expect(offered).toEqual(head);
          for (const id of expired)
            places.set(id, { ...places.get(id)!, status: 'cancelled', offerExpiresAt: null });
          for (const id of offered)
            places.set(id, { ...places.get(id)!, status: 'offered', offerExpiresAt: at(now + offerMinutes) });
          const after = [...places.values()];
          expect(takenPlaces(after)).toBeLessThanOrEqual(capacity);
          // A free place never stays free while somebody waits.
          if (waitingList(after).length > 0) expect(takenPlaces(after)).toBe(capacity);
        };
        const pickOf = (pick: number, status?: Place['status']) => {
          const ids = [...places.values()].filter((x) => !status || x.status === status).map((x) => x.id);
          return ids.length ? ids[pick % ids.length] : undefined;
        };
        for (const s of steps) {
          if (s.op === 'register') {
            const id = `r${String(next++).padStart(3, '0')}`;
            const status = placeOnRegister(capacity, [...places.values()]);
            places.set(id, {
              id,
              status,
              waitingSince: status === 'waiting' ? at(now) : null,
              offerExpiresAt: null,
            });
            joinedAt.set(id, now);
          } else if (s.op === 'cancel') {
            const id = pickOf(s.pick);
            if (id) places.set(id, { ...places.get(id)!, status: 'cancelled', offerExpiresAt: null });
          } else if (s.op === 'accept') {
            const id = pickOf(s.pick, 'offered');
            if (id) places.set(id, { ...places.get(id)!, status: 'confirmed', offerExpiresAt: null });
          } else if (s.op === 'decline') {
            const id = pickOf(s.pick, 'offered');
            if (id) places.set(id, { ...places.get(id)!, status: 'cancelled', offerExpiresAt: null });
          } else {
            now += s.minutes;
          }
          apply();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('whoever waited longer is offered first (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (minutes, free) => {
          const places = minutes.map((m, i) => p(`w${i}`, 'waiting', m));
          const { offered } = settle(free, places, at(0));
          const sorted = [...minutes].sort((a, b) => a - b).slice(0, free);
          expect(offered.map((id) => minutes[Number(id.slice(1))])).toEqual(sorted);
        },
      ),
    );
  });
});
