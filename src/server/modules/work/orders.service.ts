import type { FieldOfAction } from '../../../contracts/contract.js';
import type { OfficeStaff } from '../../../contracts/work.js';
import type {
  OrderData,
  OrderFilterInput,
  OrderPatchData,
  WorkOrder,
  WorkOrderDetail,
} from '../../../contracts/work-orders.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { checkScope, listFieldsOfNetwork } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import { decisionForWork, decisionsByIds, followDecisionStatus } from '../steering/steering.service.js';
import { addTraceLink } from '../trace/trace.service.js';
import { changeOrderStatus } from './order-status.service.js';
import * as repo from './orders.repository.js';
import {
  checkDueDate,
  checkOrderingDecision,
  decisionStatusOf,
  isOpen,
  isOverdue,
  mayMove,
  orderNumber,
  transitionsFor,
} from './orders.rules.js';
import { assertProjectWeights } from './projects.service.js';

/* Work orders (Arbeitsaufträge): created from taken decisions, moved through their states, edited. */

type Row = NonNullable<Awaited<ReturnType<typeof repo.orderById>>>;

/**
 * A field of action ended by a contract amendment both parties consented to: its open orders are
 * flagged from then on. Computed on read from the contract (not stored), so every path that ends a
 * field (consent making a version effective, an end date reached later) flags without a hook.
 */
function fieldEndedOn(field: FieldOfAction | undefined): string | null {
  return field?.endedBy?.status === 'in_force' ? field.endedBy.effectiveFrom : null;
}

/**
 * The one source of truth for "Handlungsfeld beendet": the day from which each ended field of action
 * of the network is ended (fields not ended are absent). Lists, the agenda proposal, the desk and the
 * exports all read it, then apply `orderFieldEndedOn` per order.
 */
export async function endedFieldsOf(db: Db, networkId: string, day: string): Promise<Map<string, string>> {
  return endedMap(await listFieldsOfNetwork(db, networkId, day));
}

function endedMap(fields: FieldOfAction[]): Map<string, string> {
  return new Map(
    fields.flatMap((f): Array<[string, string]> => {
      const on = fieldEndedOn(f);
      return on ? [[f.id, on]] : [];
    }),
  );
}

/** The day an order's field ended, for an order still open (a closed order needs no decision). */
export function orderFieldEndedOn(
  ended: ReadonlyMap<string, string>,
  o: { fieldId: string; status: WorkOrder['status'] },
): string | null {
  return isOpen(o.status) ? (ended.get(o.fieldId) ?? null) : null;
}

async function toDtos(db: Db, networkId: string, rows: Row[], today: string): Promise<WorkOrder[]> {
  if (rows.length === 0) return [];
  const [fields, decisions] = await Promise.all([
    listFieldsOfNetwork(db, networkId, today),
    decisionsByIds(
      db,
      networkId,
      rows.map((r) => r.o.decisionId),
    ),
  ]);
  const fieldById = new Map(fields.map((f) => [f.id, f]));
  const ended = endedMap(fields);
  const decisionById = new Map(decisions.map((d) => [d.id, d]));
  return rows.map(({ o, assigneeName }) => {
    const d = decisionById.get(o.decisionId);
    const field = fieldById.get(o.fieldId);
    return {
      id: o.id,
      number: o.number,
      title: o.title,
      expectedResult: o.expectedResult,
      decision: {
        id: o.decisionId,
        number: d?.number ?? '',
        title: d?.title ?? '',
        decidedOn: d?.decidedOn ?? o.orderedOn,
      },
      fieldId: o.fieldId,
      fieldName: field?.name ?? '',
      orderedOn: o.orderedOn,
      dueOn: o.dueOn,
      reportDueOn: o.reportDueOn,
      assignee: { userId: o.assigneeId, name: assigneeName },
      status: o.status,
      returnReason: o.returnReason,
      progress: o.progress,
      weight: o.weight,
      projectId: o.projectId,
      overdue: isOverdue(o, today),
      fieldEndedOn: orderFieldEndedOn(ended, o),
      version: o.version,
      updatedAt: o.updatedAt.toISOString(),
    };
  });
}

export async function listOrders(deps: Deps, actor: NetworkActor, q: OrderFilterInput): Promise<WorkOrder[]> {
  authorize(actor.role, 'work.read');
  const today = berlinDay(deps.now());
  const rows = await repo.ordersOf(deps.db, actor.networkId, {
    status: q.status,
    fieldId: q.fieldId,
    assigneeId: q.assigneeId,
    decisionId: q.decisionId,
    overdueBefore: q.overdue ? today : undefined,
  });
  return toDtos(deps.db, actor.networkId, rows, today);
}

async function loadOrder(db: Db, networkId: string, orderId: string, lock = false) {
  const row = await repo.orderById(db, networkId, orderId, lock);
  if (!row) throw notFound('Der Arbeitsauftrag');
  return row;
}

export async function getOrder(deps: Deps, actor: NetworkActor, orderId: string): Promise<WorkOrderDetail> {
  authorize(actor.role, 'work.read');
  const today = berlinDay(deps.now());
  const row = await loadOrder(deps.db, actor.networkId, orderId);
  const [[dto], events] = await Promise.all([
    toDtos(deps.db, actor.networkId, [row], today),
    repo.eventsOf(deps.db, row.o.id),
  ]);
  const mover = { userId: actor.userId, role: actor.role };
  return {
    ...dto!,
    events: events.map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      progress: e.progress,
      note: e.note,
      actorName: e.actorName,
      at: e.createdAt.toISOString(),
    })),
    transitions: transitionsFor(mover, row.o),
    canEdit: mayMove(mover, row.o.assigneeId) && actor.role !== 'committee' && isOpen(row.o.status),
  };
}

export async function listOfficeStaff(deps: Deps, actor: NetworkActor): Promise<OfficeStaff[]> {
  authorize(actor.role, 'work.manage');
  return repo.officeStaff(deps.db, actor.networkId);
}

async function checkAssignee(db: Db, networkId: string, userId: string): Promise<string> {
  const [staff] = await repo.officeStaff(db, networkId, userId);
  if (!staff) {
    throw new DomainError(
      'work.assignee_not_office',
      'Arbeitsaufträge gehen an das Bildungsbüro: bitte wählen Sie eine Person des Bildungsbüros (Rolle Büro oder Administration).',
      'invalid',
    );
  }
  return staff.name;
}

/** The scope guard on the order's day, as a 400 naming the owner the matter stays with. */
async function checkOrderScope(db: Db, networkId: string, fieldId: string, day: string) {
  try {
    const answer = await checkScope(db, networkId, { fieldId }, day);
    if (!answer.joint) {
      throw new DomainError(
        'scope.not_joint',
        `${answer.message} Der Lenkungskreis kann hierzu keinen Arbeitsauftrag erteilen.`,
        'invalid',
        { owner: answer.owner },
      );
    }
    return answer;
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'not_found') {
      throw new DomainError('work.field_unknown', 'Dieses Handlungsfeld gibt es nicht.', 'invalid');
    }
    throw e;
  }
}

/**
 * Creates a work order from a taken decision of type work order, inside a field of action joint on
 * the order's day, for a person of the office, due on or after the decision's day.
 */
export async function createOrder(
  deps: Deps,
  actor: NetworkActor,
  input: OrderData,
): Promise<WorkOrderDetail> {
  authorize(actor.role, 'work.manage');
  const d = await decisionForWork(deps.db, actor.networkId, input.decisionId);
  checkOrderingDecision(d);
  const decision = d!;
  const fieldId = input.fieldId ?? decision.fieldId;
  if (!fieldId) {
    throw new DomainError(
      'work.field_required',
      'Bitte wählen Sie das Handlungsfeld des Auftrags.',
      'invalid',
    );
  }
  if (decision.fieldId && decision.fieldId !== fieldId) {
    throw new DomainError(
      'work.field_differs',
      `Beschluss ${decision.number} betrifft ein anderes Handlungsfeld; der Auftrag gehört in dasselbe.`,
      'invalid',
    );
  }
  const orderedOn = input.orderedOn ?? decision.decidedOn;
  if (orderedOn < decision.decidedOn) {
    throw new DomainError(
      'work.ordered_before_decision',
      `Der Auftrag kann nicht vor dem Beschluss ${decision.number} erteilt sein.`,
      'invalid',
    );
  }
  const scope = await checkOrderScope(deps.db, actor.networkId, fieldId, orderedOn);
  checkDueDate(input.dueOn, decision.decidedOn, decision.number);
  await checkAssignee(deps.db, actor.networkId, input.assigneeId);
  const year = Number(orderedOn.slice(0, 4));
  const id = await deps.db.transaction(async (tx) => {
    const seq = (await repo.lockNumbering(tx, actor.networkId, year)) + 1;
    const o = await repo.insertOrder(tx, {
      networkId: actor.networkId,
      year,
      seq,
      number: orderNumber(year, seq),
      decisionId: decision.id,
      fieldId,
      contractVersionId: scope.version?.id ?? null,
      title: input.title,
      expectedResult: input.expectedResult ?? '',
      orderedOn,
      dueOn: input.dueOn,
      assigneeId: input.assigneeId,
      reportDueOn: input.reportDueOn ?? null,
      weight: input.weight ?? 1,
      createdBy: actor.userId,
    });
    await repo.insertEvent(tx, {
      networkId: actor.networkId,
      orderId: o.id,
      fromStatus: null,
      toStatus: 'new',
      progress: 0,
      note: `Aus Beschluss ${decision.number} erteilt`,
      actorId: actor.userId,
      actorName: actor.name,
    });
    await addTraceLink(
      tx,
      actor,
      { kind: 'decision', id: decision.id },
      { kind: 'work_order', id: o.id },
      'orders',
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'work_order',
      entityId: o.id,
      summary: `Arbeitsauftrag ${o.number} „${o.title}“ aus Beschluss ${decision.number}`,
      after: { title: o.title, dueOn: o.dueOn, assigneeId: o.assigneeId, fieldId },
    });
    await followDecisionStatus(
      tx,
      actor,
      decision.id,
      decisionStatusOf(await repo.statusesOfDecision(tx, decision.id)),
    );
    return o.id;
  });
  return getOrder(deps, actor, id);
}

const editable = [
  'title',
  'expectedResult',
  'dueOn',
  'assigneeId',
  'reportDueOn',
  'progress',
  'weight',
] as const;
const fieldLabel: Record<(typeof editable)[number], string> = {
  title: 'Titel',
  expectedResult: 'erwartetes Ergebnis',
  dueOn: 'Fälligkeit',
  assigneeId: 'Zuständigkeit',
  reportDueOn: 'Bericht fällig',
  progress: 'Fortschritt',
  weight: 'Gewichtung',
};

/**
 * Edits an open order. The save names the version it read: a stale one is refused (409) naming who
 * changed the order meanwhile, so nothing is overwritten silently.
 */
export async function updateOrder(
  deps: Deps,
  actor: NetworkActor,
  orderId: string,
  patch: OrderPatchData,
): Promise<WorkOrderDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { o } = await loadOrder(tx, actor.networkId, orderId, true);
    if (!mayMove({ userId: actor.userId, role: actor.role }, o.assigneeId)) {
      throw new DomainError(
        'forbidden',
        'Nur die zuständige Person oder das Bildungsbüro ändert diesen Auftrag.',
        'forbidden',
      );
    }
    await assertCurrent(tx, o, patch.version);
    if (!isOpen(o.status)) {
      throw new DomainError(
        'work.order_closed',
        `Der Arbeitsauftrag ${o.number} ist abgeschlossen und kann nicht mehr geändert werden.`,
        'conflict',
      );
    }
    if (patch.dueOn !== undefined) {
      const d = await decisionForWork(tx, actor.networkId, o.decisionId);
      checkDueDate(patch.dueOn, d!.decidedOn, d!.number);
    }
    if (patch.assigneeId !== undefined) await checkAssignee(tx, actor.networkId, patch.assigneeId);
    // An order in a project is one of its weighted parts: the weights may not all become 0.
    if (patch.weight !== undefined && o.projectId) {
      await assertProjectWeights(tx, actor.networkId, o.projectId, { orderId: o.id, weight: patch.weight });
    }
    const set: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    for (const k of editable) {
      const v = patch[k];
      if (v === undefined) continue;
      const value: unknown = v;
      if (o[k] === value) continue;
      set[k] = value;
      before[k] = o[k];
    }
    if (Object.keys(set).length === 0) return;
    const saved = await repo.updateOrder(tx, o.id, o.version, set);
    if (!saved) {
      throw new DomainError(
        'work.order_stale',
        `Der Arbeitsauftrag ${o.number} wurde inzwischen geändert.`,
        'conflict',
      );
    }
    const changed = Object.keys(set).map((k) => fieldLabel[k as (typeof editable)[number]]);
    await repo.insertEvent(tx, {
      networkId: actor.networkId,
      orderId: o.id,
      fromStatus: o.status,
      toStatus: o.status,
      progress: saved.progress,
      note: `Geändert: ${changed.join(', ')}`,
      actorId: actor.userId,
      actorName: actor.name,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'work_order',
      entityId: o.id,
      summary: `Arbeitsauftrag ${o.number} geändert: ${changed.join(', ')}`,
      before,
      after: set,
    });
  });
  return getOrder(deps, actor, orderId);
}

/** A save or a step from a version someone has changed since: 409 naming who changed it. */
async function assertCurrent(tx: Db, o: Row['o'], version: number) {
  if (o.version === version) return;
  throw staleVersion(
    'work.order_stale',
    `Der Arbeitsauftrag ${o.number}`,
    await lastChangedBy(tx, o.networkId, 'work_order', o.id),
    '. Bitte laden Sie ihn neu und übernehmen Sie Ihre Änderung erneut.',
  );
}

/** Moves an order one step (the assignee or the office); returning needs a reason. */
export async function transitionOrder(
  deps: Deps,
  actor: NetworkActor,
  orderId: string,
  input: { to: Exclude<WorkOrder['status'], 'reported'>; note?: string; version?: number },
): Promise<WorkOrderDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { o } = await loadOrder(tx, actor.networkId, orderId, true);
    if (!mayMove({ userId: actor.userId, role: actor.role }, o.assigneeId)) {
      throw new DomainError(
        'forbidden',
        'Nur die zuständige Person oder das Bildungsbüro ändert den Stand dieses Auftrags.',
        'forbidden',
      );
    }
    // The route always sends the version the user saw; the demo seeding moves its own fresh orders.
    if (input.version !== undefined) await assertCurrent(tx, o, input.version);
    // `reported` is not offered here (the body schema excludes it): the meeting's report sets it.
    await changeOrderStatus(tx, actor, o.id, input.to, input.note ?? '');
  });
  return getOrder(deps, actor, orderId);
}

/** Open work orders naming these fields (the contract's warning when a draft amendment ends one). */
export async function openWorkOrders(db: Db, networkId: string, fieldIds: string[]) {
  if (fieldIds.length === 0) return [];
  const rows = await repo.ordersOf(db, networkId, { fieldIds, openOnly: true });
  return rows
    .map(({ o }) => ({ number: o.number, title: o.title, fieldId: o.fieldId }))
    .sort((a, b) => a.number.localeCompare(b.number));
}

/**
 * What the committee must act on (the reports part puts these on the agenda proposal): open orders
 * whose field of action a contract amendment ended, and orders returned to the committee.
 */
export async function ordersForAgenda(
  db: Db,
  networkId: string,
  today: string,
): Promise<Array<WorkOrder & { reason: 'field_ended' | 'returned' }>> {
  const rows = await repo.ordersOf(db, networkId, {});
  const wanted = rows.filter((r) => isOpen(r.o.status) || r.o.status === 'returned');
  const dtos = await toDtos(db, networkId, wanted, today);
  return dtos.flatMap((o): Array<WorkOrder & { reason: 'field_ended' | 'returned' }> => {
    if (o.status === 'returned') return [{ ...o, reason: 'returned' }];
    return o.fieldEndedOn ? [{ ...o, reason: 'field_ended' }] : [];
  });
}
