import { formatDate, formatTime } from '../../lib/format.js';

/* Bookings of rooms and media: pure rules for time spans, conflicts and capacities. */

export type Span = { startsAt: Date; endsAt: Date };

/** Half-open intervals [start, end): touching spans (one ends at 10:30, the next starts at 10:30) do not overlap. */
export const overlaps = (a: Span, b: Span): boolean =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

/** A span is valid when it ends after it starts. */
export const validSpan = (s: Span): boolean => s.endsAt.getTime() > s.startsAt.getTime();

/** The inner span lies within the outer one (its ends may touch the outer's). */
export const within = (inner: Span, outer: Span): boolean =>
  inner.startsAt.getTime() >= outer.startsAt.getTime() && inner.endsAt.getTime() <= outer.endsAt.getTime();

/** "9:00": the hour without a leading zero, as people write it. */
export const shortTime = (at: Date): string => formatTime(at).replace(/^0(\d)/, '$1');

/** "am 25.02.2027 von 9:00 bis 16:00 Uhr" (across days: "vom 24.02.2027, 9:00 Uhr bis 25.02.2027, 16:00 Uhr"). */
export function spanText(s: Span): string {
  const a = formatDate(s.startsAt);
  const b = formatDate(s.endsAt);
  if (a === b) return `am ${a} von ${shortTime(s.startsAt)} bis ${shortTime(s.endsAt)} Uhr`;
  return `vom ${a}, ${shortTime(s.startsAt)} Uhr bis ${b}, ${shortTime(s.endsAt)} Uhr`;
}

export type ExistingBooking = Span & { id: string; eventTitle: string; sessionTitle: string | null };

/** The first existing booking that overlaps the wanted span (ordered by start), or none. */
export function firstConflict(wanted: Span, existing: ExistingBooking[]): ExistingBooking | undefined {
  return [...existing]
    .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime())
    .find((b) => overlaps(wanted, b));
}

/** The refusal naming the other booking: "Sitzungsraum 2 ist am … schon für „Netzwerktreffen …“ gebucht." */
export function conflictMessage(resourceName: string, other: ExistingBooking): string {
  const what = other.sessionTitle ? `${other.eventTitle}: ${other.sessionTitle}` : other.eventTitle;
  return `${resourceName} ist ${spanText(other)} schon für „${what}“ gebucht.`;
}

/** A warning (no refusal) when a room holds fewer people than the session has places. */
export function capacityWarning(
  room: { name: string; kind: 'room' | 'equipment'; capacity: number | null },
  places: number | null,
): string | null {
  if (room.kind !== 'room' || room.capacity === null || places === null) return null;
  if (room.capacity >= places) return null;
  return `${room.name} hat nur ${room.capacity} Plätze, der Programmpunkt aber ${places}.`;
}
