import type { z } from 'zod';
import type {
  AvailableDecision,
  Goal,
  GoalChange,
  GoalDetail,
  GoalInput,
  GoalsQuery,
} from '../../../contracts/work-goals.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import { type DecisionFactsRow, decisionsByIds, listDecisions } from '../steering/steering.service.js';
import { addTraceLink } from '../trace/trace.service.js';
import * as repo from './goals.repository.js';
import { assertChanges, checkChangingDecision, checkSettingDecision, reviewDue } from './goals.rules.js';

/* Goals (Ziele): set by a decision of type goal, changed only by a later decision, history kept. */

type GoalInputData = z.output<typeof GoalInput>;
type GoalChangeData = z.output<typeof GoalChange>;
type GoalsQueryData = z.output<typeof GoalsQuery>;

/**
 * The network's taken decisions by id (read through the steering module, only the facts cited: no
 * trace, no outcome): all types, so that a wrong type is named as such rather than "not found". Only
 * the ids asked for, or all of the network's.
 */
export async function decisionsById(
  deps: Deps,
  actor: NetworkActor,
  ids?: string[],
): Promise<Map<string, DecisionFactsRow>> {
  const list = await decisionsByIds(deps.db, actor.networkId, ids);
  return new Map(list.map((d) => [d.id, d]));
}

const ref = (d: DecisionFactsRow | undefined, id: string) => ({
  id,
  number: d?.number ?? '–',
  decidedOn: d?.decidedOn ?? '',
});
/** The day a decision was taken, as the trace link's date (noon, so the Berlin day is right). */
export const decidedAt = (day: string) => new Date(`${day}T12:00:00Z`);

function goalDto(
  g: repo.GoalRow,
  fields: Map<string, string>,
  decisions: Map<string, DecisionFactsRow>,
  today: string,
): Goal {
  return {
    id: g.id,
    fieldId: g.fieldId,
    fieldName: fields.get(g.fieldId) ?? '–',
    decision: ref(decisions.get(g.decisionId), g.decisionId),
    statement: g.statement,
    target: g.target,
    indicatorName: g.indicatorName,
    indicatorTarget: g.indicatorTarget,
    indicatorYear: g.indicatorYear,
    horizonYear: g.horizonYear,
    owner: g.owner,
    status: g.status,
    reviewOn: g.reviewOn,
    reviewDue: reviewDue(g, today),
    version: g.version,
    updatedAt: g.updatedAt.toISOString(),
  };
}

export async function listGoals(deps: Deps, actor: NetworkActor, q: GoalsQueryData): Promise<Goal[]> {
  authorize(actor.role, 'work.read');
  const today = berlinDay(deps.now());
  const rows = await repo.goalsOf(deps.db, actor.networkId, {
    fieldId: q.fieldId,
    status: q.status,
    reviewBefore: q.reviewDue ? today : undefined,
  });
  const [fields, decisions] = await Promise.all([
    fieldNames(
      deps.db,
      actor.networkId,
      rows.map((r) => r.fieldId),
    ),
    decisionsById(deps, actor),
  ]);
  return rows.map((g) => goalDto(g, fields, decisions, today));
}

export async function getGoal(deps: Deps, actor: NetworkActor, goalId: string): Promise<GoalDetail> {
  authorize(actor.role, 'work.read');
  const g = await repo.goalById(deps.db, actor.networkId, goalId);
  if (!g) throw notFound('Das Ziel');
  const [fields, decisions, versions] = await Promise.all([
    fieldNames(deps.db, actor.networkId, [g.fieldId]),
    decisionsById(deps, actor),
    repo.versionsOfGoal(deps.db, g.id),
  ]);
  return {
    ...goalDto(g, fields, decisions, berlinDay(deps.now())),
    versions: versions.map(({ v, changedByName }) => {
      const d = decisions.get(v.decisionId);
      return {
        version: v.version,
        decision: { ...ref(d, v.decisionId), title: d?.title ?? '' },
        statement: v.statement,
        target: v.target,
        indicatorName: v.indicatorName,
        indicatorTarget: v.indicatorTarget,
        indicatorYear: v.indicatorYear,
        horizonYear: v.horizonYear,
        owner: v.owner,
        status: v.status,
        reviewOn: v.reviewOn,
        reason: v.reason,
        changedBy: changedByName,
        createdAt: v.createdAt.toISOString(),
      };
    }),
  };
}

/** The goal as set by the decision: version 1, linked decision → goal (sets_goal). */
export async function createGoal(deps: Deps, actor: NetworkActor, i: GoalInputData): Promise<GoalDetail> {
  authorize(actor.role, 'work.manage');
  const fields = await fieldNames(deps.db, actor.networkId, [i.fieldId]);
  if (!fields.has(i.fieldId))
    throw new DomainError('work.field_unknown', 'Dieses Handlungsfeld gibt es im Netzwerk nicht.', 'invalid');
  const decisions = await decisionsById(deps, actor, [i.decisionId]);
  const d = checkSettingDecision(decisions.get(i.decisionId), i.fieldId);
  const content = {
    statement: i.statement,
    target: i.target,
    indicatorName: i.indicatorName,
    indicatorTarget: i.indicatorTarget,
    indicatorYear: i.indicatorYear,
    horizonYear: i.horizonYear,
    owner: i.owner,
    status: 'active' as const,
    reviewOn: i.reviewOn,
  };
  const id = await deps.db.transaction(async (tx) => {
    const g = await repo.insertGoal(tx, {
      networkId: actor.networkId,
      fieldId: i.fieldId,
      decisionId: d.id,
      ...content,
      createdBy: actor.userId,
    });
    await repo.insertGoalVersion(tx, {
      networkId: actor.networkId,
      goalId: g.id,
      version: 1,
      decisionId: d.id,
      ...content,
      reason: '',
      changedBy: actor.userId,
    });
    await addTraceLink(
      tx,
      actor,
      { kind: 'decision', id: d.id },
      { kind: 'goal', id: g.id },
      'sets_goal',
      decidedAt(d.decidedOn),
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'goal',
      entityId: g.id,
      summary: `Ziel „${g.statement.slice(0, 80)}“ nach Beschluss ${d.number} angelegt`,
      after: { ...content, decision: d.number, fieldId: i.fieldId },
    });
    return g.id;
  });
  return getGoal(deps, actor, id);
}

const stated = [
  'statement',
  'target',
  'indicatorName',
  'indicatorTarget',
  'indicatorYear',
  'horizonYear',
  'owner',
  'status',
  'reviewOn',
] as const;

/**
 * A change by a new decision: the next version with the reason; the goal shows it from now on. A save
 * based on an older version is refused (409) naming who changed the goal meanwhile.
 */
export async function changeGoal(
  deps: Deps,
  actor: NetworkActor,
  goalId: string,
  i: GoalChangeData,
): Promise<GoalDetail> {
  authorize(actor.role, 'work.manage');
  const decisions = await decisionsById(deps, actor);
  await deps.db.transaction(async (tx) => {
    const g = await repo.goalById(tx, actor.networkId, goalId, true);
    if (!g) throw notFound('Das Ziel');
    const history = await repo.versionsOfGoal(tx, g.id);
    if (i.version !== g.version) {
      throw staleVersion(
        'work.goal_stale',
        'Das Ziel',
        history[0]?.changedByName ?? null,
        ` (jetzt Fassung ${g.version}). Bitte laden Sie die Seite neu und prüfen Sie die Änderung.`,
      );
    }
    const last = history[0]!.v;
    const d = checkChangingDecision(decisions.get(i.decisionId), {
      fieldId: g.fieldId,
      lastDecidedOn: decisions.get(last.decisionId)?.decidedOn ?? '',
      usedDecisionIds: history.map((h) => h.v.decisionId),
    });
    const before = Object.fromEntries(stated.map((k) => [k, g[k]]));
    const after = Object.fromEntries(stated.map((k) => [k, i[k] === undefined ? g[k] : i[k]])) as Pick<
      repo.GoalRow,
      (typeof stated)[number]
    >;
    assertChanges(before, after);
    const version = g.version + 1;
    await repo.insertGoalVersion(tx, {
      networkId: actor.networkId,
      goalId: g.id,
      version,
      decisionId: d.id,
      ...after,
      reason: i.reason,
      changedBy: actor.userId,
    });
    await repo.updateGoal(tx, g.id, { ...after, version, updatedAt: deps.now() });
    await addTraceLink(
      tx,
      actor,
      { kind: 'decision', id: d.id },
      { kind: 'goal', id: g.id },
      'changes_goal',
      decidedAt(d.decidedOn),
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'goal',
      entityId: g.id,
      summary: `Ziel „${g.statement.slice(0, 80)}“ nach Beschluss ${d.number} geändert (Fassung ${version}): ${i.reason.slice(0, 120)}`,
      before,
      after: { ...after, decision: d.number, reason: i.reason },
    });
  });
  return getGoal(deps, actor, goalId);
}

/** The decision pickers: taken decisions of the type; `used` when a goal or plan already names them. */
export async function availableDecisions(
  deps: Deps,
  actor: NetworkActor,
  type: 'goal' | 'work_plan',
): Promise<AvailableDecision[]> {
  authorize(actor.role, 'work.manage');
  const [decisions, usedByGoals, usedByPlans] = await Promise.all([
    listDecisions(deps, actor, { type }),
    repo.decisionsUsedByGoals(deps.db, actor.networkId),
    repo.decisionsUsedByPlans(deps.db, actor.networkId),
  ]);
  const used = new Set([...usedByGoals, ...usedByPlans]);
  return decisions.map((d) => ({
    id: d.id,
    number: d.number,
    decidedOn: d.decidedOn,
    title: d.title,
    type,
    fieldId: d.fieldId,
    fieldName: d.fieldName,
    used: used.has(d.id),
  }));
}
