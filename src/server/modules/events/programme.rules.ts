import { type Span, validSpan, within } from './booking.rules.js';

/* The programme: sessions inside the event, grouped into time slots. */

/** Why a session's time is not acceptable, or null when it is. */
export function sessionTimeProblem(session: Span, event: Span): string | null {
  if (!validSpan(session)) return 'Der Programmpunkt muss nach seinem Beginn enden.';
  if (!within(session, event)) return 'Der Programmpunkt muss innerhalb der Zeit der Veranstaltung liegen.';
  return null;
}

/**
 * Time slots: sessions starting at the same moment run in parallel and form one slot; slots are ordered
 * by start, the sessions within a slot by position then title. A slot ends with its longest session.
 */
export function groupSlots<S extends Span & { title: string; position?: number }>(
  sessions: S[],
): Array<{ startsAt: Date; endsAt: Date; sessions: S[] }> {
  const bySlot = new Map<number, S[]>();
  for (const s of sessions) {
    const k = s.startsAt.getTime();
    bySlot.set(k, [...(bySlot.get(k) ?? []), s]);
  }
  return [...bySlot.entries()]
    .sort(([a], [b]) => a - b)
    .map(([k, list]) => {
      const sorted = [...list].sort(
        (x, y) => (x.position ?? 0) - (y.position ?? 0) || x.title.localeCompare(y.title, 'de'),
      );
      return {
        startsAt: new Date(k),
        endsAt: new Date(Math.max(...sorted.map((s) => s.endsAt.getTime()))),
        sessions: sorted,
      };
    });
}
