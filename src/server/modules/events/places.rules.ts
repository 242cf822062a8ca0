import type { PlaceStatus } from '../../../contracts/events.js';

/*
 * Places at an event and in its sessions. A place is taken by a confirmed registration and by an open
 * offer (it holds the place until it expires). The waiting list is ordered by the moment one joined
 * it (then by id, so the order is total). The same rules serve the event and each session.
 */

export type Place = {
  id: string;
  status: PlaceStatus;
  waitingSince: Date | null;
  offerExpiresAt: Date | null;
};

export const takesPlace = (s: PlaceStatus) => s === 'confirmed' || s === 'offered';

export const takenPlaces = (places: readonly Place[]) => places.filter((p) => takesPlace(p.status)).length;

const byWaitingOrder = (a: Place, b: Place) =>
  (a.waitingSince?.getTime() ?? 0) - (b.waitingSince?.getTime() ?? 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The waiting list in its order. */
export const waitingList = (places: readonly Place[]) =>
  places.filter((p) => p.status === 'waiting').sort(byWaitingOrder);

/** 1-based position on the waiting list, or null when not waiting. */
export function waitingPosition(places: readonly Place[], id: string): number | null {
  const i = waitingList(places).findIndex((p) => p.id === id);
  return i < 0 ? null : i + 1;
}

/**
 * A new registration (or choice): a place when one is free and nobody waits (a newcomer never overtakes
 * the waiting list); else the waiting list. `capacity` null: no limit.
 */
export function placeOnRegister(capacity: number | null, places: readonly Place[]): 'confirmed' | 'waiting' {
  return placeFor(capacity, takenPlaces(places), waitingList(places).length);
}

/** The same rule on numbers: places taken and people waiting. */
export function placeFor(capacity: number | null, taken: number, waiting: number): 'confirmed' | 'waiting' {
  if (capacity === null) return 'confirmed';
  if (waiting > 0) return 'waiting';
  return taken < capacity ? 'confirmed' : 'waiting';
}

/** Whether the rules have anything to do: an offer ran out, or a free place while somebody waits. */
export const needsSettling = (
  capacity: number | null,
  t: { taken: number; waiting: number; expired: number },
) => t.expired > 0 || (t.waiting > 0 && (capacity === null || t.taken < capacity));

/**
 * The state of one scope (the event or a session) that a new registration's places depend on: `free`
 * (a place for a newcomer), `full` (the waiting list), or `unsettled` (the rules have to act first).
 * The database checks the same states under the event's lock (migration 0027, registration_place_hold).
 */
export function placeState(
  capacity: number | null,
  t: { taken: number; waiting: number; expired: number },
): 'free' | 'full' | 'unsettled' {
  if (needsSettling(capacity, t)) return 'unsettled';
  return placeFor(capacity, t.taken, t.waiting) === 'confirmed' ? 'free' : 'full';
}

/**
 * What has to happen now: offers that ran out are cancelled, and every free place goes as an offer to
 * the next on the waiting list, in order. Nobody is offered twice at once (only waiting ones are
 * offered), and never more places are taken than there are.
 */
export function settle(
  capacity: number | null,
  places: readonly Place[],
  now: Date,
): { expired: string[]; offered: string[] } {
  const expired = places
    .filter((p) => p.status === 'offered' && p.offerExpiresAt !== null && p.offerExpiresAt <= now)
    .map((p) => p.id);
  const gone = new Set(expired);
  const taken = places.filter((p) => takesPlace(p.status) && !gone.has(p.id)).length;
  const free = capacity === null ? Number.POSITIVE_INFINITY : Math.max(0, capacity - taken);
  const offered = waitingList(places)
    .slice(0, free)
    .map((p) => p.id);
  return { expired, offered };
}

/** Offers end after the event's offer hours, but never after the given limit (the event's start). */
export function offerDeadline(now: Date, offerHours: number, limit: Date): Date {
  const at = new Date(now.getTime() + offerHours * 3600_000);
  return at < limit ? at : limit < now ? now : limit;
}
