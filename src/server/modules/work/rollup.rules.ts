import { DomainError } from '../../http/errors.js';

/*
 * A project's progress, rolled up from its tasks and work orders by their weights.
 *
 * Decisions (documented here, tested in rollup.rules.test.ts):
 * - A task with checklist items progresses by its checklist (share of items done); without items by the
 *   progress entered; a task marked done counts 100.
 * - A work order counts its progress; done or reported counts 100; a returned order has gone back to the
 *   committee and is left out.
 * - Weights summing to 0 make the progress not computable (null): a save that would make them so is
 *   refused with 400 (assertWeightsNotZero); a project with nothing to roll up has no progress yet.
 */

export type RollUpPart = { weight: number; progress: number };

/** Weighted progress 0..100, rounded; 0 when the weights sum to 0 (see rollUpState for "not computable"). */
export function rollUp(parts: ReadonlyArray<RollUpPart>): number {
  checkParts(parts);
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total === 0) return 0;
  return Math.round(parts.reduce((s, p) => s + p.weight * p.progress, 0) / total);
}

export type RollUpState = {
  progress: number | null;
  state: 'ok' | 'empty' | 'zero_weights';
  totalWeight: number;
};

/** The roll-up with its explanation: nothing to roll up yet, weights summing to 0, or a number. */
export function rollUpState(parts: ReadonlyArray<RollUpPart>): RollUpState {
  checkParts(parts);
  const totalWeight = parts.reduce((s, p) => s + p.weight, 0);
  if (parts.length === 0) return { progress: null, state: 'empty', totalWeight };
  if (totalWeight === 0) return { progress: null, state: 'zero_weights', totalWeight };
  return { progress: rollUp(parts), state: 'ok', totalWeight };
}

/** Progress 0..100 and weights ≥ 0, whole numbers: anything else is bad input (400). */
export function checkParts(parts: ReadonlyArray<RollUpPart>): void {
  for (const p of parts) {
    if (!Number.isInteger(p.progress) || p.progress < 0 || p.progress > 100)
      throw new DomainError(
        'work.progress_range',
        'Der Fortschritt liegt zwischen 0 und 100 % (ganze Zahl).',
        'invalid',
      );
    if (!Number.isInteger(p.weight) || p.weight < 0)
      throw new DomainError('work.weight_range', 'Die Gewichtung ist eine ganze Zahl ab 0.', 'invalid');
  }
}

/** A save that leaves a project's parts with weights summing to 0 is refused: nothing could be computed. */
export function assertWeightsNotZero(parts: ReadonlyArray<RollUpPart>): void {
  if (parts.length > 0 && parts.every((p) => p.weight === 0))
    throw new DomainError(
      'work.weights_zero',
      'Die Gewichte ergeben zusammen 0 – so lässt sich kein Fortschritt berechnen. Geben Sie mindestens einer Aufgabe oder einem Auftrag ein Gewicht über 0.',
      'invalid',
    );
}

/** What a task contributes: 100 when done, else the checklist's share when it has items, else its progress. */
export function taskProgress(t: {
  status: 'open' | 'done';
  progress: number;
  checklist: ReadonlyArray<{ done: boolean }>;
}): number {
  if (t.status === 'done') return 100;
  if (t.checklist.length > 0)
    return Math.round((100 * t.checklist.filter((c) => c.done).length) / t.checklist.length);
  return t.progress;
}

/** What a work order contributes, or null when it is left out (returned to the committee). */
export function orderProgress(o: { status: string; progress: number }): number | null {
  if (o.status === 'returned') return null;
  if (o.status === 'done' || o.status === 'reported') return 100;
  return o.progress;
}

type TaskLike = Parameters<typeof taskProgress>[0] & { weight: number };
type OrderLike = { status: string; progress: number; weight: number };

/** The parts a project's progress rolls up from: its tasks and its orders (returned ones left out). */
export function rollUpParts(tasks: ReadonlyArray<TaskLike>, orders: ReadonlyArray<OrderLike>): RollUpPart[] {
  const parts = tasks.map((t) => ({ weight: t.weight, progress: taskProgress(t) }));
  for (const o of orders) {
    const progress = orderProgress(o);
    if (progress !== null) parts.push({ weight: o.weight, progress });
  }
  return parts;
}
