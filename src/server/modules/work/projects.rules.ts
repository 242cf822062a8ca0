import type { ChecklistItem } from '../../../contracts/work-projects.js';
import { DomainError } from '../../http/errors.js';

/* Pure rules of projects and their tasks. */

/** A save names the version it read; another save in between makes it stale (409, nothing overwritten). */
export function assertCurrent(what: string, read: number, current: number, changedBy: string | null): void {
  if (read !== current)
    throw new DomainError(
      'work.stale',
      `${what} wurde inzwischen von ${changedBy ?? 'jemand anderem'} geändert. Bitte laden Sie die Seite neu und übernehmen Sie Ihre Änderung dann erneut.`,
      'conflict',
    );
}

export function assertPeriod(startOn: string | null, endOn: string | null): void {
  if (startOn && endOn && endOn < startOn)
    throw new DomainError(
      'work.project_period',
      'Das Ende des Projekts liegt vor seinem Beginn. Bitte prüfen Sie die Daten.',
      'invalid',
    );
}

/** A closed project is a record: nothing in it changes until it is reopened. */
export function assertActive(status: 'active' | 'closed'): void {
  if (status === 'closed')
    throw new DomainError(
      'work.project_closed',
      'Das Projekt ist abgeschlossen; es kann nicht mehr geändert werden.',
      'conflict',
    );
}

/**
 * Closing a project with open tasks: the first attempt is refused naming them (409); the user confirms
 * and the save comes again with `force`.
 */
export function checkClose(openTasks: ReadonlyArray<{ title: string }>, force: boolean): void {
  if (openTasks.length === 0 || force) return;
  const names = openTasks.map((t) => `„${t.title}“`).join(', ');
  throw new DomainError(
    'work.project_open_tasks',
    openTasks.length === 1
      ? `Das Projekt hat noch eine offene Aufgabe: ${names}. Schließen Sie sie ab oder bestätigen Sie, dass das Projekt trotzdem abgeschlossen wird.`
      : `Das Projekt hat noch ${openTasks.length} offene Aufgaben: ${names}. Schließen Sie sie ab oder bestätigen Sie, dass das Projekt trotzdem abgeschlossen wird.`,
    'conflict',
    { openTasks: openTasks.map((t) => t.title) },
  );
}

const missingItem = () =>
  new DomainError('work.checklist_item', 'Diesen Punkt der Checkliste gibt es nicht (mehr).', 'not_found');

export const MAX_CHECKLIST = 200;

export type ChecklistChange =
  | { op: 'add'; label: string }
  | { op: 'check'; index: number; done: boolean }
  | { op: 'remove'; index: number };

/** The checklist after one change; never mutates the list it was given. */
export function changeChecklist(list: ReadonlyArray<ChecklistItem>, c: ChecklistChange): ChecklistItem[] {
  if (c.op === 'add') {
    if (list.length >= MAX_CHECKLIST)
      throw new DomainError(
        'work.checklist_full',
        `Eine Checkliste hat höchstens ${MAX_CHECKLIST} Punkte.`,
        'invalid',
      );
    return [...list, { label: c.label, done: false }];
  }
  if (!Number.isInteger(c.index) || c.index < 0 || c.index >= list.length) throw missingItem();
  if (c.op === 'remove') return list.filter((_, i) => i !== c.index);
  return list.map((item, i) => (i === c.index ? { ...item, done: c.done } : item));
}
