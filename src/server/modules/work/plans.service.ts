import type { z } from 'zod';
import type {
  PlanAgreeInput,
  PlanComparison,
  PlanInput,
  PlansQuery,
  PlanVersionInput,
  PublicWorkPlan,
  WorkPlan,
  WorkPlanDetail,
} from '../../../contracts/work-goals.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import type { DecisionFactsRow } from '../steering/steering.service.js';
import { decisionsByIds } from '../steering/steering.service.js';
import { addTraceLink } from '../trace/trace.service.js';
import * as repo from './goals.repository.js';
import { checkAgreement, checkEntries, compareEntries } from './goals.rules.js';
import { decidedAt, decisionsById } from './goals.service.js';

/*
 * Work plans (Arbeitsplanungen): one per field of action and year. Their content lives in versions; an
 * edit is a new draft, a decision of type work_plan agrees one (the one agreed before is superseded).
 */

type PlanInputData = z.output<typeof PlanInput>;
type PlanVersionData = z.output<typeof PlanVersionInput>;
type PlanAgreeData = z.output<typeof PlanAgreeInput>;
type PlansQueryData = z.output<typeof PlansQuery>;
type Entry = PlanInputData['entries'][number];

const ref = (d: DecisionFactsRow | undefined) =>
  d ? { id: d.id, number: d.number, decidedOn: d.decidedOn } : null;

function planDto(
  p: repo.PlanRow,
  versions: repo.PlanVersionRow[],
  fields: Map<string, string>,
  decisions: Map<string, DecisionFactsRow>,
): WorkPlan {
  const agreed = versions.find((v) => v.id === p.agreedVersionId);
  const latest = versions[0]!;
  return {
    id: p.id,
    fieldId: p.fieldId,
    fieldName: fields.get(p.fieldId) ?? '–',
    year: p.year,
    title: p.title,
    published: p.published,
    agreed: agreed
      ? { version: agreed.version, decision: ref(decisions.get(agreed.decisionId ?? '')) }
      : null,
    latest: { version: latest.version, status: latest.status },
    hasDraft: latest.status === 'draft',
  };
}

async function readPlans(deps: Deps, actor: NetworkActor, plans: repo.PlanRow[]) {
  const [versions, fields, decisions] = await Promise.all([
    repo.versionsOfPlans(
      deps.db,
      plans.map((p) => p.id),
    ),
    fieldNames(
      deps.db,
      actor.networkId,
      plans.map((p) => p.fieldId),
    ),
    decisionsById(deps, actor),
  ]);
  const byPlan = new Map<string, typeof versions>();
  for (const v of versions) byPlan.set(v.v.planId, [...(byPlan.get(v.v.planId) ?? []), v]);
  return { byPlan, fields, decisions };
}

export async function listPlans(deps: Deps, actor: NetworkActor, q: PlansQueryData): Promise<WorkPlan[]> {
  authorize(actor.role, 'work.read');
  const plans = await repo.plansOf(deps.db, actor.networkId, q);
  const { byPlan, fields, decisions } = await readPlans(deps, actor, plans);
  return plans
    .map((p) =>
      planDto(
        p,
        (byPlan.get(p.id) ?? []).map((x) => x.v),
        fields,
        decisions,
      ),
    )
    .sort((a, b) => b.year - a.year || a.fieldName.localeCompare(b.fieldName, 'de'));
}

export async function getPlan(deps: Deps, actor: NetworkActor, planId: string): Promise<WorkPlanDetail> {
  authorize(actor.role, 'work.read');
  const p = await repo.planById(deps.db, actor.networkId, planId);
  if (!p) throw notFound('Die Arbeitsplanung');
  const [{ byPlan, fields, decisions }, goals] = await Promise.all([
    readPlans(deps, actor, [p]),
    repo.goalsOf(deps.db, actor.networkId, { fieldId: p.fieldId }),
  ]);
  const statements = new Map(goals.map((g) => [g.id, g.statement]));
  const versions = byPlan.get(p.id) ?? [];
  return {
    ...planDto(
      p,
      versions.map((x) => x.v),
      fields,
      decisions,
    ),
    versions: versions.map(({ v, createdByName }) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      entries: v.entries.map((e) => ({
        ...e,
        goalStatement: e.goalId ? (statements.get(e.goalId) ?? null) : null,
      })),
      note: v.note,
      decision: ref(decisions.get(v.decisionId ?? '')),
      createdBy: createdByName,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

/** Goal entries name goals of the plan's field; their titles default to the goal's statement. */
async function checkedEntries(tx: Db, networkId: string, fieldId: string, entries: Entry[]) {
  const goals = await repo.goalsOf(tx, networkId, { fieldId });
  checkEntries(entries, new Set(goals.map((g) => g.id)));
  const statements = new Map(goals.map((g) => [g.id, g.statement]));
  return entries.map((e) => ({
    kind: e.kind,
    title: e.kind === 'goal' && !e.title ? (statements.get(e.goalId!) ?? '') : e.title,
    description: e.description,
    goalId: e.kind === 'goal' ? e.goalId : null,
    projectId: e.kind === 'project' ? e.projectId : null,
    dueOn: e.dueOn,
  }));
}

/** Work plan → goal `lists` links for the goals a version names (idempotent). */
async function linkGoals(
  tx: Db,
  actor: NetworkActor,
  planId: string,
  entries: Array<{ goalId: string | null }>,
) {
  for (const e of entries)
    if (e.goalId)
      await addTraceLink(
        tx,
        actor,
        { kind: 'work_plan', id: planId },
        { kind: 'goal', id: e.goalId },
        'lists',
      );
}

/** The plan of a field for a year, with its first draft. A second plan for the same field and year: 409. */
export async function createPlan(deps: Deps, actor: NetworkActor, i: PlanInputData): Promise<WorkPlanDetail> {
  authorize(actor.role, 'work.manage');
  const fields = await fieldNames(deps.db, actor.networkId, [i.fieldId]);
  const fieldName = fields.get(i.fieldId);
  if (!fieldName)
    throw new DomainError('work.field_unknown', 'Dieses Handlungsfeld gibt es im Netzwerk nicht.', 'invalid');
  const id = await deps.db.transaction(async (tx) => {
    const entries = await checkedEntries(tx, actor.networkId, i.fieldId, i.entries);
    const p = await repo.insertPlan(tx, {
      networkId: actor.networkId,
      fieldId: i.fieldId,
      year: i.year,
      title: i.title || `Arbeitsplanung ${i.year}: ${fieldName}`,
      createdBy: actor.userId,
    });
    if (!p)
      throw new DomainError(
        'work.plan_exists',
        `Für „${fieldName}“ gibt es schon eine Arbeitsplanung ${i.year}. Bitte legen Sie dort eine neue Fassung an.`,
        'conflict',
      );
    await repo.insertPlanVersion(tx, {
      networkId: actor.networkId,
      planId: p.id,
      version: 1,
      entries,
      note: i.note,
      createdBy: actor.userId,
    });
    await linkGoals(tx, actor, p.id, entries);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'work_plan',
      entityId: p.id,
      summary: `${p.title} angelegt (Fassung 1, Entwurf)`,
      after: { fieldId: i.fieldId, year: i.year, entries: entries.length },
    });
    return p.id;
  });
  return getPlan(deps, actor, id);
}

/**
 * A new draft version: the previous ones stay as they are (an agreed version is never overwritten).
 * Based on an older version than the newest: 409 naming who wrote the newer one.
 */
export async function addPlanVersion(
  deps: Deps,
  actor: NetworkActor,
  planId: string,
  i: PlanVersionData,
): Promise<WorkPlanDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const p = await repo.planById(tx, actor.networkId, planId, true);
    if (!p) throw notFound('Die Arbeitsplanung');
    const [latest] = await repo.versionsOfPlans(tx, [p.id]);
    if (latest && latest.v.version !== i.baseVersion)
      throw staleVersion(
        'work.plan_stale',
        'Die Arbeitsplanung',
        latest.createdByName,
        ` (jetzt Fassung ${latest.v.version}). Bitte laden Sie die Seite neu.`,
      );
    const entries = await checkedEntries(tx, actor.networkId, p.fieldId, i.entries);
    const version = (latest?.v.version ?? 0) + 1;
    await repo.insertPlanVersion(tx, {
      networkId: actor.networkId,
      planId: p.id,
      version,
      entries,
      note: i.note,
      createdBy: actor.userId,
    });
    await linkGoals(tx, actor, p.id, entries);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'work_plan',
      entityId: p.id,
      summary: `${p.title}: neue Fassung ${version} (Entwurf)`,
      after: { version, entries: entries.length, note: i.note },
    });
  });
  return getPlan(deps, actor, planId);
}

/** Marks a draft version agreed by a decision of type work_plan; the one agreed before is superseded. */
export async function agreePlanVersion(
  deps: Deps,
  actor: NetworkActor,
  planId: string,
  i: PlanAgreeData,
): Promise<WorkPlanDetail> {
  authorize(actor.role, 'work.manage');
  const decisions = await decisionsById(deps, actor);
  await deps.db.transaction(async (tx) => {
    const p = await repo.planById(tx, actor.networkId, planId, true);
    if (!p) throw notFound('Die Arbeitsplanung');
    const versions = (await repo.versionsOfPlans(tx, [p.id])).map((x) => x.v);
    const v = versions.find((x) => x.id === i.versionId);
    if (!v) throw notFound('Die Fassung');
    const agreed = versions.find((x) => x.id === p.agreedVersionId);
    const d = checkAgreement(decisions.get(i.decisionId), v, {
      fieldId: p.fieldId,
      agreedVersion: agreed?.version ?? null,
      agreedDecidedOn: agreed?.decisionId ? (decisions.get(agreed.decisionId)?.decidedOn ?? null) : null,
    });
    if (agreed) await repo.setPlanVersionStatus(tx, agreed.id, 'superseded');
    // Drafts older than the agreed one are history now: they can no longer be agreed.
    for (const old of versions.filter((x) => x.status === 'draft' && x.version < v.version))
      await repo.setPlanVersionStatus(tx, old.id, 'superseded');
    await repo.setPlanVersionStatus(tx, v.id, 'agreed', d.id);
    await repo.updatePlan(tx, p.id, { agreedVersionId: v.id });
    await addTraceLink(
      tx,
      actor,
      { kind: 'decision', id: d.id },
      { kind: 'work_plan', id: p.id },
      'agrees_plan',
      decidedAt(d.decidedOn),
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'work_plan',
      entityId: p.id,
      summary: `${p.title}: Fassung ${v.version} nach Beschluss ${d.number} beschlossen`,
      before: { agreedVersion: agreed?.version ?? null },
      after: { agreedVersion: v.version, decision: d.number },
    });
  });
  return getPlan(deps, actor, planId);
}

/** Shows or hides the plan's agreed version on the network's public page. */
export async function publishPlan(
  deps: Deps,
  actor: NetworkActor,
  planId: string,
  published: boolean,
): Promise<WorkPlanDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const p = await repo.planById(tx, actor.networkId, planId, true);
    if (!p) throw notFound('Die Arbeitsplanung');
    if (published && !p.agreedVersionId)
      throw new DomainError(
        'work.plan_not_agreed',
        'Veröffentlicht wird nur eine beschlossene Arbeitsplanung. Bitte markieren Sie zuerst eine Fassung als beschlossen.',
        'conflict',
      );
    if (p.published === published) return;
    await repo.updatePlan(tx, p.id, { published });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'work_plan',
      entityId: p.id,
      summary: `${p.title} ${published ? 'veröffentlicht' : 'nicht mehr öffentlich'}`,
      before: { published: p.published },
      after: { published },
    });
  });
  return getPlan(deps, actor, planId);
}

/** What changed between two versions of a plan. */
export async function comparePlanVersions(
  deps: Deps,
  actor: NetworkActor,
  planId: string,
  from: number,
  to: number,
): Promise<PlanComparison> {
  authorize(actor.role, 'work.read');
  const p = await repo.planById(deps.db, actor.networkId, planId);
  if (!p) throw notFound('Die Arbeitsplanung');
  const versions = (await repo.versionsOfPlans(deps.db, [p.id])).map((x) => x.v);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) throw notFound('Die Fassung');
  return { from, to, ...compareEntries(a.entries, b.entries) };
}

/** The agreed versions of a network's published plans, for its public page (no actor: public). */
export async function publishedWorkPlans(db: Db, networkId: string): Promise<PublicWorkPlan[]> {
  const rows = await repo.publishedPlans(db, networkId);
  const [fields, decisions] = await Promise.all([
    fieldNames(
      db,
      networkId,
      rows.map((r) => r.p.fieldId),
    ),
    decisionsByIds(
      db,
      networkId,
      rows.flatMap((r) => (r.v.decisionId ? [r.v.decisionId] : [])),
    ),
  ]);
  const numbers = new Map(decisions.map((d) => [d.id, d.number]));
  return rows
    .map(({ p, v }) => ({
      fieldName: fields.get(p.fieldId) ?? '',
      year: p.year,
      title: p.title,
      decisionNumber: v.decisionId ? (numbers.get(v.decisionId) ?? null) : null,
      entries: v.entries.map(({ kind, title, description, dueOn }) => ({ kind, title, description, dueOn })),
    }))
    .sort((a, b) => b.year - a.year || a.fieldName.localeCompare(b.fieldName, 'de'));
}
