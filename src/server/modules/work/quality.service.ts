import type {
  AdjustmentProposal,
  QualityCycle,
  QualityFieldSummary,
  QualityItem,
} from '../../../contracts/work-quality.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { listFieldsOfNetwork } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import { addAgendaItem, decisionSummaries, listMeetings } from '../steering/steering.service.js';
import * as repo from './quality.repository.js';
import {
  adjustmentState,
  evaluationState,
  measureOverdue,
  reviewOverdue,
  stepState,
} from './quality.rules.js';
import { goalStatusLabels, orderStatusLabels } from './work.trace.js';

/*
 * The quality cycle per field of action (Qualitätszyklus): goals → measures (orders, projects; events
 * later) → evaluation (goal reviews; event surveys later) → adjustment (decisions that changed course).
 */

type Goals = Awaited<ReturnType<typeof repo.goalsOfField>>;
type Orders = Awaited<ReturnType<typeof repo.ordersOf>>;
type Projects = Awaited<ReturnType<typeof repo.projectsOf>>;

function measuresOf(orders: Orders, projects: Projects, today: string): QualityItem[] {
  return [
    ...orders.map((o) => {
      const finished = ['done', 'reported'].includes(o.status);
      return {
        kind: 'work_order',
        id: o.id,
        label: `${o.number} ${o.title}`,
        state: `${orderStatusLabels[o.status]}, ${o.progress} %`,
        date: o.dueOn,
        path: `arbeitsprogramm/auftraege/${o.id}`,
        overdue: measureOverdue({ finished: finished || o.status === 'returned', dueOn: o.dueOn }, today),
        finished,
      };
    }),
    ...projects.map((p) => ({
      kind: 'project',
      id: p.id,
      label: `Projekt „${p.title}“`,
      state: p.status === 'active' ? 'läuft' : 'abgeschlossen',
      date: p.endOn,
      path: `arbeitsprogramm/projekte/${p.id}`,
      overdue: measureOverdue({ finished: p.status === 'closed', dueOn: p.endOn }, today),
      finished: p.status === 'closed',
    })),
  ].map(({ finished: _f, ...m }) => m);
}

function goalsOf(goals: Goals, today: string) {
  return goals.map((g) => ({
    id: g.id,
    statement: g.statement,
    target: g.target,
    status: g.status,
    statusLabel: goalStatusLabels[g.status],
    reviewOn: g.reviewOn,
    reviewOverdue: reviewOverdue(g, today),
    indicator: g.indicatorName
      ? [g.indicatorName, g.indicatorTarget, g.indicatorYear]
          .filter((x) => x !== null && x !== '')
          .join(' · ')
      : null,
    version: g.version,
  }));
}

function steps(goals: Goals, measures: QualityItem[], changes: number, today: string) {
  const finishedGoal = (s: string) => s !== 'active';
  return {
    goals: stepState({
      total: goals.length,
      finished: goals.filter((g) => finishedGoal(g.status)).length,
      overdue: 0,
    }),
    measures: stepState({
      total: measures.length,
      finished: measures.filter((m) => /erledigt|berichtet|abgeschlossen/.test(m.state)).length,
      overdue: measures.filter((m) => m.overdue).length,
    }),
    evaluation: evaluationState(goals, today),
    adjustment: adjustmentState(changes),
  };
}

async function fieldOf(deps: Deps, actor: NetworkActor, fieldId: string, today: string) {
  const fields = await listFieldsOfNetwork(deps.db, actor.networkId, today);
  const field = fields.find((f) => f.id === fieldId);
  if (!field) throw notFound('Das Handlungsfeld');
  return field;
}

/** The quality cycle of one field of action. */
export async function qualityCycle(deps: Deps, actor: NetworkActor, fieldId: string): Promise<QualityCycle> {
  authorize(actor.role, 'work.read');
  const today = berlinDay(deps.now());
  const field = await fieldOf(deps, actor, fieldId, today);
  const [goals, orders, projects, plans, decisions] = await Promise.all([
    repo.goalsOfField(deps.db, actor.networkId, fieldId),
    repo.ordersOf(deps.db, actor.networkId, fieldId),
    repo.projectsOf(deps.db, actor.networkId, fieldId),
    repo.supersededPlanVersions(deps.db, actor.networkId, fieldId),
    decisionSummaries(deps.db, actor.networkId),
  ]);
  const versions = await repo.laterGoalVersions(
    deps.db,
    actor.networkId,
    goals.map((g) => g.id),
  );
  const numbers = new Map(decisions.map((d) => [d.id, d.number]));
  const goalChanges = versions.map((v) => ({
    kind: 'goal_version' as const,
    id: v.id,
    label: `Ziel „${v.statement}“, Fassung ${v.version}`,
    reason: v.reason,
    date: berlinDay(v.createdAt),
    decisionNumber: numbers.get(v.decisionId) ?? null,
    path: `arbeitsprogramm/ziele/${v.goalId}`,
  }));
  const planChanges = plans.map(({ v, year, planId }) => ({
    kind: 'plan_version' as const,
    id: v.id,
    label: `Arbeitsplanung ${year}, Fassung ${v.version} abgelöst`,
    reason: v.note,
    date: berlinDay(v.createdAt),
    decisionNumber: v.decisionId ? (numbers.get(v.decisionId) ?? null) : null,
    path: `arbeitsprogramm/planung/${planId}`,
  }));
  const measures = measuresOf(orders, projects, today);
  const goalItems = goalsOf(goals, today);
  const overdue: QualityItem[] = [
    ...goalItems
      .filter((g) => g.reviewOverdue)
      .map((g) => ({
        kind: 'goal',
        id: g.id,
        label: `Überprüfung des Ziels „${g.statement}“`,
        state: g.statusLabel,
        date: g.reviewOn,
        path: `arbeitsprogramm/ziele/${g.id}`,
        overdue: true,
      })),
    ...measures.filter((m) => m.overdue),
  ];
  return {
    field: { id: field.id, name: field.name },
    steps: steps(goals, measures, goalChanges.length + planChanges.length, today),
    goals: goalItems,
    measures,
    reviews: goalChanges,
    adjustments: [...goalChanges.filter((c) => c.reason !== ''), ...planChanges].sort((a, b) =>
      a.date.localeCompare(b.date),
    ),
    overdue,
    nextMeeting: await nextMeeting(deps, actor),
  };
}

/** Every field of action with the compact state of its cycle: one read per table for the network. */
export async function qualityIndex(deps: Deps, actor: NetworkActor): Promise<QualityFieldSummary[]> {
  authorize(actor.role, 'work.read');
  const today = berlinDay(deps.now());
  const [fields, goals, orders, projects] = await Promise.all([
    listFieldsOfNetwork(deps.db, actor.networkId, today),
    repo.goalsOfNetwork(deps.db, actor.networkId),
    repo.ordersOf(deps.db, actor.networkId),
    repo.projectsOf(deps.db, actor.networkId),
  ]);
  const versions = await repo.laterGoalVersions(
    deps.db,
    actor.networkId,
    goals.map((g) => g.id),
  );
  return fields
    .filter((f) => !f.endedBy || f.endedBy.effectiveFrom > today)
    .map((f) => {
      const g = goals.filter((x) => x.fieldId === f.id);
      const ids = new Set(g.map((x) => x.id));
      const measures = measuresOf(
        orders.filter((o) => o.fieldId === f.id),
        projects.filter((p) => p.fieldId === f.id),
        today,
      );
      const s = steps(g, measures, versions.filter((v) => ids.has(v.goalId)).length, today);
      return {
        id: f.id,
        name: f.name,
        steps: s,
        overdue: measures.filter((m) => m.overdue).length + g.filter((x) => reviewOverdue(x, today)).length,
      };
    });
}

async function nextMeeting(deps: Deps, actor: NetworkActor) {
  const now = deps.now().toISOString();
  const meetings = await listMeetings(deps, actor);
  const next = meetings
    .filter((m) => (m.status === 'planned' || m.status === 'invited') && m.startsAt > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  return next ? { id: next.id, title: next.title, startsAt: next.startsAt } : null;
}

/**
 * "Anpassung vorschlagen": the office puts a proposed change of course for the field on the agenda of
 * the next planned meeting, as a discussion item (the committee decides it there).
 */
export async function proposeAdjustment(
  deps: Deps,
  actor: NetworkActor,
  fieldId: string,
  input: AdjustmentProposal,
) {
  authorize(actor.role, 'work.manage');
  const today = berlinDay(deps.now());
  const field = await fieldOf(deps, actor, fieldId, today);
  const meeting = await nextMeeting(deps, actor);
  if (!meeting)
    throw new DomainError(
      'no_meeting',
      'Es ist keine Sitzung des Lenkungskreises geplant. Bitte planen Sie zuerst die nächste Sitzung.',
      'conflict',
    );
  await addAgendaItem(deps, actor, meeting.id, {
    title: input.title,
    kind: 'discussion',
    decisionType: null,
    public: false,
    fieldId: field.id,
    proposal: input.proposal,
    presenter: 'Bildungsbüro',
    durationMinutes: null,
  });
  return { meetingId: meeting.id, meetingTitle: meeting.title, itemTitle: input.title };
}
