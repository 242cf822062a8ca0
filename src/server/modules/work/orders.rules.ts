import type { WorkOrderStatus } from '../../../contracts/work.js';
import { DomainError } from '../../http/errors.js';
import { formatDay } from '../../lib/format.js';

/*
 * Work orders: the state machine, who may move an order, the decision's register status that follows
 * its orders, the number, and what a decision must be to order work. Pure: no I/O.
 */

/**
 * new → accepted → in_progress → done → reported; returned (to the committee, with a reason) from new,
 * accepted or in_progress. `reported` is set only when a report is taken into a meeting (reports part).
 */
export const orderTransitions: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  new: ['accepted', 'returned'],
  accepted: ['in_progress', 'returned'],
  in_progress: ['done', 'returned'],
  done: ['reported'],
  reported: [],
  returned: [],
};

/** Open: still work for the office (neither done, reported nor returned). */
export const openStatuses: readonly WorkOrderStatus[] = ['new', 'accepted', 'in_progress'];
export const isOpen = (s: WorkOrderStatus) => openStatuses.includes(s);

export type Mover = { userId: string; role: 'admin' | 'office' | 'committee' | 'guest' | 'partner' };

/** The assignee or the office/admin may move an order; `reported` comes only from a meeting (system). */
export function mayMove(mover: Mover, assigneeId: string): boolean {
  return mover.role === 'admin' || mover.role === 'office' || mover.userId === assigneeId;
}

/** The states the mover may choose on the order's page (never `reported`: that is the meeting's). */
export function transitionsFor(mover: Mover, order: { status: WorkOrderStatus; assigneeId: string }) {
  if (!mayMove(mover, order.assigneeId)) return [];
  return orderTransitions[order.status].filter((s) => s !== 'reported');
}

const label: Record<WorkOrderStatus, string> = {
  new: 'neu',
  accepted: 'angenommen',
  in_progress: 'in Arbeit',
  done: 'erledigt',
  reported: 'berichtet',
  returned: 'zurückgegeben',
};
export const orderStatusLabel = (s: WorkOrderStatus) => label[s];

/** Throws unless `from → to` is a step of the machine; returning needs a reason. */
export function checkTransition(from: WorkOrderStatus, to: WorkOrderStatus, note: string): void {
  if (!orderTransitions[from].includes(to)) {
    throw new DomainError(
      'work.order_transition',
      `Ein Auftrag im Stand „${label[from]}“ kann nicht auf „${label[to]}“ gesetzt werden.`,
      'conflict',
    );
  }
  if (to === 'returned' && note.trim().length < 3) {
    throw new DomainError(
      'work.return_reason_required',
      'Bitte begründen Sie, warum der Auftrag an den Lenkungskreis zurückgeht.',
      'invalid',
    );
  }
}

/**
 * The decision's register status follows its orders. Returned orders went back to the committee and
 * do not count; with none left the decision is open again. All remaining done/reported → done; any
 * taken up (accepted, in progress, or some done) → in progress; all new → open.
 */
export function decisionStatusOf(orders: readonly WorkOrderStatus[]): 'open' | 'in_progress' | 'done' {
  const live = orders.filter((s) => s !== 'returned');
  if (live.length === 0) return 'open';
  if (live.every((s) => s === 'done' || s === 'reported')) return 'done';
  if (live.some((s) => s !== 'new')) return 'in_progress';
  return 'open';
}

/** AA-2027-03: per network and year, two digits at least. */
export const orderNumber = (year: number, seq: number) => `AA-${year}-${String(seq).padStart(2, '0')}`;

/** Overdue: the due day passed while the order is still open. */
export const isOverdue = (o: { status: WorkOrderStatus; dueOn: string }, today: string) =>
  isOpen(o.status) && o.dueOn < today;

export type DecisionFacts = {
  number: string;
  type: string;
  decidedOn: string;
  itemStatus: string | null;
  procedureStatus: string | null;
};

/**
 * Only a taken decision of type work order orders work. A decision row exists only once taken, but its
 * item or written procedure must still say so (an item reopened, a procedure not taken: refused).
 */
export function checkOrderingDecision(d: DecisionFacts | undefined): void {
  if (!d) {
    throw new DomainError(
      'work.decision_missing',
      'Ein Arbeitsauftrag entsteht nur aus einem gefassten Beschluss. Dieser Beschluss wurde nicht gefunden.',
      'invalid',
    );
  }
  if (d.type !== 'work_order') {
    throw new DomainError(
      'work.decision_not_work_order',
      `Beschluss ${d.number} ist kein Beschluss über einen Arbeitsauftrag. Bitte wählen Sie einen Beschluss der Art „Arbeitsauftrag“.`,
      'invalid',
    );
  }
  if (
    (d.itemStatus !== null && d.itemStatus !== 'decided') ||
    (d.procedureStatus !== null && d.procedureStatus !== 'taken')
  ) {
    throw new DomainError(
      'work.decision_not_taken',
      `Beschluss ${d.number} ist nicht (mehr) gefasst: der Beschlussvorschlag wurde blockiert, vertagt oder nicht angenommen.`,
      'invalid',
    );
  }
}

/** The due day lies on or after the decision's day (the committee cannot order work into the past). */
export function checkDueDate(dueOn: string, decidedOn: string, decisionNumber: string): void {
  if (dueOn < decidedOn) {
    throw new DomainError(
      'work.due_before_decision',
      `Das Fälligkeitsdatum liegt vor dem Beschluss ${decisionNumber} vom ${formatDay(decidedOn)}. Bitte wählen Sie ein späteres Datum.`,
      'invalid',
    );
  }
}
