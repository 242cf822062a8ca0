import type { Decision, DecisionType } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import type { PageRequest } from '../../lib/keyset.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import {
  addTraceLink,
  decisionOutcomes,
  hasTraceLinkFrom,
  type TraceNodeRef,
  todayOf,
} from '../trace/trace.service.js';
import type { RegisterFilter } from './decisions.repository.js';
import * as repo from './decisions.repository.js';
import { decisionNumber, decisionStatusLabel, decisionYear } from './decisions.rules.js';

/* The decision register: numbered decisions of meetings and written procedures, and their progress. */

/** The register; `page` reads `rows` decisions after the one with id `after` (keyset, register order). */
export async function listDecisions(
  deps: Deps,
  actor: NetworkActor,
  q: RegisterFilter,
  page?: PageRequest,
): Promise<Decision[]> {
  authorize(actor.role, 'steering.read');
  const { outcome, ...rest } = q;
  const filtered = Object.values(rest).some((v) => v !== undefined && v !== '');
  if (page && !filtered && !outcome)
    return withOutcomes(deps, actor.networkId, await repo.registerPage(deps.database, actor.networkId, page));
  // The outcome is derived from the trace, not a column: filtering by it reads the filtered register
  // whole and pages afterwards (a register holds hundreds of decisions, not millions).
  const rows = await repo.registerOf(deps.db, actor.networkId, rest, outcome ? undefined : page);
  const names = await fieldNames(
    deps.db,
    actor.networkId,
    rows.map((r) => r.d.fieldId).filter((x): x is string => !!x),
  );
  const all = await withOutcomes(
    deps,
    actor.networkId,
    rows.map(({ d, meetingId: mid, meetingTitle, rounds }) => ({
      id: d.id,
      number: d.number,
      decidedOn: d.decidedOn,
      type: d.type,
      fieldId: d.fieldId,
      fieldName: d.fieldId ? (names.get(d.fieldId) ?? null) : null,
      title: d.title,
      text: d.text,
      status: d.status,
      meetingId: mid,
      meetingTitle,
      rounds: Number(rounds),
    })),
  );
  if (!outcome) return all;
  const matching = all.filter((d) => d.outcome === outcome);
  if (!page) return matching;
  if (!page.after) return matching.slice(0, page.rows);
  // A cursor no longer in the filtered list (its outcome changed meanwhile): the end, not the start again.
  const at = matching.findIndex((d) => d.id === page.after);
  if (at < 0) return [];
  return matching.slice(at + 1, at + 1 + page.rows);
}

/** Was daraus wurde for a page of the register: one batch read through the trace, not one per row. */
async function withOutcomes(
  deps: Deps,
  networkId: string,
  rows: Array<Omit<Decision, 'outcome' | 'outcomeSummary' | 'statusFollowsOrders'>>,
): Promise<Decision[]> {
  const outcomes = await decisionOutcomes(deps.db, networkId, rows, todayOf(deps));
  return rows.map((d) => {
    const o = outcomes.get(d.id)!;
    return { ...d, outcome: o.outcome, outcomeSummary: o.summary, statusFollowsOrders: o.orders > 0 };
  });
}

export async function setDecisionStatus(
  deps: Deps,
  actor: NetworkActor,
  decisionId: string,
  status: 'open' | 'in_progress' | 'done',
) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const d = await repo.lockDecision(tx, actor.networkId, decisionId);
    if (!d) throw notFound('Der Beschluss');
    if (await hasTraceLinkFrom(tx, actor.networkId, { kind: 'decision', id: d.id }, 'orders')) {
      throw new DomainError(
        'steering.decision_status_follows_orders',
        `Der Umsetzungsstand folgt den Arbeitsaufträgen von ${d.number} und lässt sich hier nicht von Hand ändern. Ändern Sie den Stand der Aufträge.`,
        'conflict',
      );
    }
    await repo.setDecisionStatusRow(tx, d.id, status);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'decision',
      entityId: d.id,
      summary: `Umsetzungsstand von ${d.number}: ${decisionStatusLabel[status]}`,
      before: { status: d.status },
      after: { status },
    });
  });
  return (await listDecisions(deps, actor, {})).find((d) => d.id === decisionId)!;
}

/**
 * Adds a decision to the register with the next number of its year (LK-2026-07). Numbers are gap-free
 * per network and year: numbering is serialised per network by an advisory lock.
 */
export async function insertDecision(
  tx: Db,
  networkId: string,
  d: {
    itemId: string | null;
    roundId: string | null;
    type: DecisionType;
    fieldId: string | null;
    contractVersionId: string | null;
    title: string;
    text: string;
    decidedOn: string;
  },
  // What took the decision (the meeting's item or the written procedure) and who acted: the trace's
  // first step ("decided"), recorded in the same transaction.
  by?: { from: TraceNodeRef; userId: string | null; name: string; on?: Date },
): Promise<string> {
  const year = decisionYear(d.decidedOn);
  const seq = (await repo.lockNumbering(tx, networkId, year)) + 1;
  const number = decisionNumber(year, seq);
  const id = await repo.insertDecisionRow(tx, { ...d, networkId, year, seq, number });
  if (by) {
    await addTraceLink(
      tx,
      { networkId, userId: by.userId, name: by.name },
      by.from,
      { kind: 'decision', id },
      'decided',
      by.on,
    );
  }
  return number;
}

/**
 * A decision as the work programme needs it: type, day, field, and the state of the item or written
 * procedure that took it (undefined when the network has no such decision).
 */
export async function decisionForWork(db: Db, networkId: string, decisionId: string) {
  const row = await repo.decisionWithOrigin(db, networkId, decisionId);
  if (!row) return undefined;
  return {
    id: row.d.id,
    number: row.d.number,
    type: row.d.type,
    title: row.d.title,
    text: row.d.text,
    fieldId: row.d.fieldId,
    decidedOn: row.d.decidedOn,
    status: row.d.status,
    itemStatus: row.itemStatus ?? null,
    procedureStatus: row.procedureStatus ?? null,
  };
}

/**
 * The register status as the decision's work orders have it (inside the caller's transaction, which
 * records the order's own audit entry); audited here only when it changes.
 */
export async function followDecisionStatus(
  tx: Db,
  actor: NetworkActor,
  decisionId: string,
  status: 'open' | 'in_progress' | 'done',
): Promise<void> {
  const d = await repo.lockDecision(tx, actor.networkId, decisionId);
  if (!d || d.status === status) return;
  await repo.setDecisionStatusRow(tx, d.id, status);
  await recordAudit(tx, auditActorOf(actor), {
    action: 'update',
    entityType: 'decision',
    entityId: d.id,
    summary: `Umsetzungsstand von ${d.number} folgt den Arbeitsaufträgen: ${decisionStatusLabel[status]}`,
    before: { status: d.status },
    after: { status },
  });
}

/**
 * The facts of decisions by id, for modules that cite them (goals, plans): number, day, type, field,
 * title. Reads only the decisions asked for (no trace, no outcome); all of the network's when `ids` is
 * not given.
 */
export async function decisionsByIds(db: Db, networkId: string, ids?: string[]) {
  const rows = await repo.decisionsByIds(db, networkId, ids ? [...new Set(ids)] : undefined);
  return rows.map((d) => ({
    id: d.id,
    number: d.number,
    decidedOn: d.decidedOn,
    type: d.type,
    fieldId: d.fieldId,
    title: d.title,
    status: d.status,
  }));
}
export type DecisionFactsRow = Awaited<ReturnType<typeof decisionsByIds>>[number];

/**
 * Number, day, title and text of a network's decisions without an actor: the public page shows the ones
 * its office published, and the public-page editor offers the whole register to choose from.
 */
export async function decisionSummaries(db: Db, networkId: string) {
  const rows = await repo.registerOf(db, networkId, {});
  return rows.map(({ d }) => ({
    id: d.id,
    number: d.number,
    decidedOn: d.decidedOn,
    title: d.title,
    text: d.text,
  }));
}
