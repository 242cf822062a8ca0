import type { EventType } from '../../../contracts/events.js';

/* The planning checklist: built-in step templates per event type and the due day of each step. */

export type TemplateStep = { title: string; offsetDays: number; anchor: 'start' | 'end' };

const s = (title: string, offsetDays: number, anchor: 'start' | 'end' = 'start'): TemplateStep => ({
  title,
  offsetDays,
  anchor,
});

/** The built-in templates; a network may set its own per type (checklist_template_step). */
export const defaultTemplates: Record<EventType, TemplateStep[]> = {
  conference: [
    s('Räume buchen', -56),
    s('Programm mit dem Lenkungskreis abstimmen', -49),
    s('Referentinnen und Referenten anfragen', -49),
    s('Einladungen versenden', -42),
    s('Erinnerung an die Anmeldung versenden', -21),
    s('Anmeldung schließen', -14),
    s('Catering bestellen', -10),
    s('Namensschilder und Teilnahmeliste drucken', -2),
    s('Evaluation auswerten', 21, 'end'),
    s('Dokumentation veröffentlichen', 28, 'end'),
  ],
  specialist_day: [
    s('Raum buchen', -42),
    s('Einladungen versenden', -28),
    s('Anmeldung schließen', -7),
    s('Teilnahmeliste drucken', -1),
    s('Dokumentation veröffentlichen', 21, 'end'),
  ],
  workshop: [
    s('Raum buchen', -28),
    s('Einladungen versenden', -21),
    s('Material vorbereiten', -3),
    s('Ergebnisse festhalten', 7, 'end'),
  ],
  network_meeting: [
    s('Raum buchen', -28),
    s('Einladungen versenden', -21),
    s('Tagesordnung versenden', -7),
    s('Protokoll versenden', 14, 'end'),
  ],
  staff_meeting: [s('Themen sammeln', -7), s('Ergebnisse festhalten', 3, 'end')],
};

/** A calendar day (YYYY-MM-DD) plus whole days, without any time zone in between. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The due day of a step: counted in Berlin calendar days from the event's first day (or, anchor end,
 * its last day). `startDay`/`endDay` are the Berlin days of the event's start and end.
 */
export const dueOn = (step: Pick<TemplateStep, 'offsetDays' | 'anchor'>, startDay: string, endDay: string) =>
  addDays(step.anchor === 'end' ? endDay : startDay, step.offsetDays);

/** A step is overdue when it is not done and its day has passed (Berlin today). */
export const isOverdue = (t: { dueOn: string | null; doneAt: Date | null }, today: string) =>
  !t.doneAt && t.dueOn !== null && t.dueOn < today;

/** Due soon: not done, not overdue, due within `days` days from today. */
export const isDueSoon = (t: { dueOn: string | null; doneAt: Date | null }, today: string, days = 7) =>
  !t.doneAt && t.dueOn !== null && t.dueOn >= today && t.dueOn <= addDays(today, days);
