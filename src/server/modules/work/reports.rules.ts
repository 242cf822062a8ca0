import type { DueReason, ReportSubject } from '../../../contracts/work-reports.js';
import { DomainError } from '../../http/errors.js';
import { openStatuses } from './orders.rules.js';

/* Pure rules of progress reports: when one is due for a meeting, the texts the agenda is offered. */

export type DueFacts = {
  kind: 'work_order' | 'project';
  status: string;
  // The next report the committee asked for (order or project), as a day.
  reportDueOn: string | null;
  // Orders only: the day a contract amendment ended the order's field of action.
  fieldEndedOn: string | null;
  // When the subject last changed state (an order's latest history entry, a project's last change).
  lastChangeAt: Date;
  // When a report on it was last taken into a meeting (frozen), if ever.
  lastTakenAt: Date | null;
};

const OPEN_ORDER = new Set<string>(openStatuses);
const REPORTABLE_ORDER = new Set(['accepted', 'in_progress', 'done']);

/**
 * Why the subject belongs in the office report of a meeting on `meetingDay`, or null when it does not.
 *
 * Nothing is due that the committee already heard since the subject last changed state (a report on
 * it was taken into a meeting after its last change). Otherwise, in this order:
 * 1. a returned order: it needs the committee ("returned");
 * 2. an open order (new, accepted, in progress) whose field of action a contract amendment ended:
 *    the committee decides what becomes of it ("field_ended");
 * 3. an accepted, in-progress or done order, or an active project, whose report due date is on or
 *    before the meeting's day ("due_date");
 * 4. such an order or project on which no report was ever taken, or none since its last change
 *    ("state_changed").
 * New orders (nothing to report yet), reported orders and closed projects are never due.
 */
export function dueReason(s: DueFacts, meetingDay: string): DueReason | null {
  const heardSinceChange = s.lastTakenAt !== null && s.lastTakenAt.getTime() >= s.lastChangeAt.getTime();
  if (s.kind === 'work_order') {
    if (s.status === 'returned') return heardSinceChange ? null : 'returned';
    if (s.fieldEndedOn && OPEN_ORDER.has(s.status) && !heardSinceChange) return 'field_ended';
    if (!REPORTABLE_ORDER.has(s.status)) return null;
  } else if (s.status !== 'active') {
    return null;
  }
  if (s.reportDueOn && s.reportDueOn <= meetingDay && !heardSinceChange) return 'due_date';
  if (!heardSinceChange) return 'state_changed';
  return null;
}

const orderStatusLabel: Record<string, string> = {
  new: 'neu',
  accepted: 'angenommen',
  in_progress: 'in Arbeit',
  done: 'erledigt',
  reported: 'berichtet',
  returned: 'an den Lenkungskreis zurückgegeben',
};
const projectStatusLabel: Record<string, string> = { active: 'läuft', closed: 'abgeschlossen' };

/** The subject's state in words, as the agenda and the minutes name it. */
export function stateLabel(kind: 'work_order' | 'project', status: string): string {
  return (kind === 'work_order' ? orderStatusLabel[status] : projectStatusLabel[status]) ?? status;
}

/** "AA-2027-03 Praxisphasen-Portal" for an order, "Projekt „zdi-Netzwerk“" for a project. */
export function subjectTitle(kind: 'work_order' | 'project', label: string): string {
  return kind === 'work_order' ? `Arbeitsauftrag ${label}` : `Projekt „${label}“`;
}

/** One line of the report: subject, state, progress, and tasks done for a project. */
export function stateLine(
  s: Pick<ReportSubject, 'kind' | 'label' | 'status' | 'progress'> & {
    tasksDone?: number;
    tasksTotal?: number;
  },
): string {
  const tasks =
    s.tasksTotal !== undefined && s.tasksTotal > 0
      ? `, ${s.tasksDone ?? 0} von ${s.tasksTotal} Aufgaben erledigt`
      : '';
  return `${subjectTitle(s.kind, s.label)}: ${stateLabel(s.kind, s.status)}, ${s.progress} %${tasks}`;
}

/** The text offered for a subject without a draft: its state, and why it needs the committee. */
export function prefilledText(s: ReportSubject, reason: DueReason, returnReason: string | null): string {
  const base = `Stand: ${stateLabel(s.kind, s.status)}, ${s.progress} % erreicht.`;
  if (reason === 'returned') {
    return `${base} Das Bildungsbüro gibt den Auftrag an den Lenkungskreis zurück${returnReason ? `: ${returnReason}` : '.'}`;
  }
  if (reason === 'field_ended') {
    return `${base} Das Handlungsfeld ist durch eine Vertragsänderung beendet; der Lenkungskreis entscheidet, wie es mit dem Auftrag weitergeht.`;
  }
  return base;
}

/** The proposal text of the agenda item "Bericht aus dem Bildungsbüro": one line per subject. */
export function officeReportText(
  entries: ReadonlyArray<Parameters<typeof stateLine>[0] & { text: string }>,
): string {
  const lines = entries.map((e) => `– ${stateLine(e)}\n  ${e.text.replace(/\n+/g, ' ')}`);
  return `Das Bildungsbüro berichtet zum Stand der Arbeitsaufträge und Projekte:\n${lines.join('\n')}`;
}

/** A frozen report is the record of what the committee heard: it never changes. */
export function assertDraft(r: { frozenAt: Date | null }): void {
  if (r.frozenAt) {
    throw new DomainError(
      'work.report_frozen',
      'Der Bericht wurde in einer Sitzung vorgelegt und kann nicht mehr geändert werden.',
      'conflict',
    );
  }
}

/** The save names the draft's last change; a later one means someone else saved in between. */
export function assertCurrent(r: { updatedAt: Date; authorName: string }, readAt: string): void {
  if (new Date(readAt).getTime() !== r.updatedAt.getTime()) {
    throw new DomainError(
      'work.report_stale',
      `Der Bericht wurde inzwischen von ${r.authorName} geändert. Bitte laden Sie ihn neu.`,
      'conflict',
    );
  }
}

/** Orders that need the committee besides the report: it decides what becomes of them. */
export const needsDecision = (reason: DueReason) => reason === 'returned' || reason === 'field_ended';
