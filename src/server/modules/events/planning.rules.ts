import { type EventStatus, eventStatuses } from '../../../contracts/events.js';
import { DomainError } from '../../http/errors.js';

/* An event's way: planned → announced → registration_open → closed → held → documented. */

export const statusLabel: Record<EventStatus, string> = {
  planned: 'In Planung',
  announced: 'Angekündigt',
  registration_open: 'Anmeldung offen',
  closed: 'Anmeldung geschlossen',
  held: 'Durchgeführt',
  documented: 'Dokumentiert',
};

/** The statuses reachable from `from`: the next one, and one step back. A cancelled event moves no more. */
export function nextStatuses(from: EventStatus, cancelled: boolean): EventStatus[] {
  if (cancelled) return [];
  const i = eventStatuses.indexOf(from);
  return [eventStatuses[i + 1], eventStatuses[i - 1]].filter((s): s is EventStatus => s !== undefined);
}

/** Refuses a step that skips ahead or goes back more than one (422), or any step of a cancelled event. */
export function assertStatusStep(from: EventStatus, to: EventStatus, cancelled: boolean): void {
  if (cancelled)
    throw new DomainError(
      'events.cancelled',
      'Die Veranstaltung ist abgesagt; ihr Stand ändert sich nicht mehr.',
    );
  if (from === to)
    throw new DomainError('events.status_same', `Die Veranstaltung steht bereits auf „${statusLabel[to]}“.`);
  if (!nextStatuses(from, false).includes(to))
    throw new DomainError(
      'events.status_step',
      `Von „${statusLabel[from]}“ geht es nur einen Schritt weiter oder einen zurück, nicht zu „${statusLabel[to]}“.`,
    );
}
