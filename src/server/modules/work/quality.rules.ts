import type { StepState } from '../../../contracts/work-quality.js';

/*
 * The quality cycle's step states, pure. Each step is
 *   overdue  when something in it is past its date (a goal's review, an order's or project's due date),
 *   open     when nothing is in it yet,
 *   done     when everything in it is finished,
 *   running  otherwise.
 */

export type StepInput = { total: number; finished: number; overdue: number };

export function stepState({ total, finished, overdue }: StepInput): StepState {
  if (overdue > 0) return 'overdue';
  if (total === 0) return 'open';
  if (finished >= total) return 'done';
  return 'running';
}

/** A goal's review is overdue when its review day has passed while the goal is still pursued. */
export const reviewOverdue = (g: { status: string; reviewOn: string | null }, today: string) =>
  g.status === 'active' && g.reviewOn !== null && g.reviewOn < today;

/** A measure is overdue when it is still running after its due day. */
export const measureOverdue = (m: { finished: boolean; dueOn: string | null }, today: string) =>
  !m.finished && m.dueOn !== null && m.dueOn < today;

/**
 * Evaluation: the goal reviews done (each later goal version is one); overdue when a review is due and
 * none was done since; done when every goal has been reviewed at least once; open before any review.
 */
export function evaluationState(
  goals: Array<{ status: string; reviewOn: string | null; version: number }>,
  today: string,
): StepState {
  const overdue = goals.filter((g) => reviewOverdue(g, today)).length;
  const reviewed = goals.filter((g) => g.version > 1).length;
  if (overdue > 0) return 'overdue';
  if (reviewed === 0) return 'open';
  return reviewed >= goals.length ? 'done' : 'running';
}

/** Adjustment: done once a decision changed course (a goal or plan changed); otherwise open. */
export const adjustmentState = (changes: number): StepState => (changes > 0 ? 'done' : 'open');

export const stepLabels: Record<StepState, string> = {
  open: 'offen',
  running: 'läuft',
  done: 'erledigt',
  overdue: 'überfällig',
};
