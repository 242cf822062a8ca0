import type { DecisionType } from '../../../contracts/steering.js';
import { DomainError } from '../../http/errors.js';

/** Pure rules of the agenda: what an item must state, how items are numbered, reordered and moved. */

export type ItemFacts = {
  kind: 'information' | 'discussion' | 'decision';
  decisionType: DecisionType | null;
  fieldId: string | null;
  proposal: string;
  approvesMinutesOf?: string | null;
};

/**
 * A decision item names its type and a proposal; a decision on goals, work plans or work orders names
 * the field of action the scope guard will check; approving minutes is a procedural decision.
 */
export function checkItem(input: ItemFacts): void {
  if (input.approvesMinutesOf && !(input.kind === 'decision' && input.decisionType === 'procedural')) {
    throw new DomainError(
      'steering.minutes_item_procedural',
      'Die Genehmigung einer Niederschrift ist ein Verfahrensbeschluss.',
      'invalid',
    );
  }
  if (input.kind === 'decision' && !input.decisionType) {
    throw new DomainError(
      'steering.decision_type_missing',
      'Bitte wählen Sie die Art des Beschlusses.',
      'invalid',
    );
  }
  if (input.kind === 'decision' && input.proposal.length < 3) {
    throw new DomainError(
      'steering.proposal_missing',
      'Ein Beschlusspunkt braucht einen Beschlussvorschlag.',
      'invalid',
    );
  }
  if (input.kind === 'decision' && input.decisionType !== 'procedural' && !input.fieldId) {
    throw new DomainError(
      'steering.field_missing',
      'Beschlüsse über Ziele, Arbeitsplanungen und Arbeitsaufträge brauchen ein Handlungsfeld.',
      'invalid',
    );
  }
}

/**
 * TOP numbers, from the agenda order. An item moved to a later meeting lives on there (pointing back);
 * here it leaves the agenda, so the numbers match the invitation mails, the agenda PDF and the minutes.
 */
export function numberAgenda<T extends { status: string }>(
  itemsInOrder: readonly T[],
): Array<{ item: T; number: number }> {
  return itemsInOrder.filter((i) => i.status !== 'moved').map((item, i) => ({ item, number: i + 1 }));
}

/** A new order must name every item of the agenda exactly once. */
export function assertSameItems(items: ReadonlyArray<{ id: string }>, itemIds: readonly string[]): void {
  const same =
    items.length === itemIds.length &&
    new Set(itemIds).size === itemIds.length &&
    items.every((i) => itemIds.includes(i.id));
  if (!same) {
    throw new DomainError(
      'steering.reorder_mismatch',
      'Die neue Reihenfolge muss jeden Tagesordnungspunkt genau einmal enthalten.',
      'invalid',
    );
  }
}

/** Items move forward in time only. */
export function assertMovesForward(from: Date, to: Date): void {
  if (to <= from) {
    throw new DomainError(
      'steering.move_backwards',
      'Ein Tagesordnungspunkt kann nur in eine spätere Sitzung verschoben werden.',
      'invalid',
    );
  }
}

/** A decided or already moved item stays where it is. */
export function assertMovable(status: 'open' | 'decided' | 'deferred' | 'withdrawn' | 'moved'): void {
  if (status === 'decided' || status === 'moved') {
    throw new DomainError(
      'steering.item_closed',
      'Dieser Tagesordnungspunkt ist bereits erledigt.',
      'conflict',
    );
  }
}
