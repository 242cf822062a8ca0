import type {
  AssignableOrder,
  CloseProjectInput,
  ProjectDetail,
  ProjectInput,
  ProjectPatch,
  ProjectSummary,
  RollUpInfo,
} from '../../../contracts/work-projects.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { describeFiles } from '../files/files.service.js';
import { authorize, can } from '../networks/networks.policy.js';
import { addTraceLink, removeTraceLink } from '../trace/trace.service.js';
import * as repo from './projects.repository.js';
import { assertActive, assertCurrent, assertPeriod, checkClose } from './projects.rules.js';
import { assertWeightsNotZero, rollUpParts, rollUpState, taskProgress } from './rollup.rules.js';

/* Projects (Projekte) of the office: create, read with their parts, edit, close, and the orders in them. */

type TaskLike = Pick<repo.TaskRow, 'status' | 'progress' | 'checklist' | 'weight'>;
type OrderLike = { status: string; progress: number; weight: number };

function rollUpInfo(
  tasks: ReadonlyArray<TaskLike>,
  orders: ReadonlyArray<OrderLike>,
  showTasks: boolean,
): RollUpInfo {
  const r = rollUpState(rollUpParts(tasks, orders));
  return {
    progress: r.progress,
    state: r.state,
    totalWeight: r.totalWeight,
    orders: orders.length,
    tasks: showTasks ? tasks.length : null,
    tasksDone: showTasks ? tasks.filter((t) => t.status === 'done').length : null,
  };
}

function summary(
  row: { p: repo.ProjectRow; leadName: string | null },
  fields: Map<string, string>,
  rollUp: RollUpInfo,
): ProjectSummary {
  const p = row.p;
  return {
    id: p.id,
    title: p.title,
    fieldId: p.fieldId,
    fieldName: p.fieldId ? (fields.get(p.fieldId) ?? null) : null,
    leadId: p.leadId,
    leadName: row.leadName,
    status: p.status,
    startOn: p.startOn,
    endOn: p.endOn,
    reportDueOn: p.reportDueOn,
    rollUp,
  };
}

/** Loads a project of the actor's network or answers 404. */
export async function loadProject(db: Db, actor: NetworkActor, projectId: string, lock = false) {
  const row = await repo.projectById(db, actor.networkId, projectId, lock);
  if (!row) throw notFound('Das Projekt');
  return row;
}

/** Leads and assignees are office staff of this network (role office or admin). */
export async function assertStaff(
  db: Db,
  networkId: string,
  userId: string | null | undefined,
  what: string,
) {
  if (!userId) return;
  const m = await repo.roleOf(db, networkId, userId);
  if (!m || (m.role !== 'office' && m.role !== 'admin'))
    throw new DomainError(
      'work.not_office_staff',
      `${what} muss zum Bildungsbüro dieses Netzwerks gehören (Rolle Bildungsbüro oder Administration).`,
      'invalid',
    );
}

async function assertField(db: Db, networkId: string, fieldId: string | null | undefined) {
  if (!fieldId) return;
  const names = await fieldNames(db, networkId, [fieldId]);
  if (!names.has(fieldId))
    throw new DomainError(
      'work.field_unknown',
      'Dieses Handlungsfeld gibt es im Bildungsnetzwerk nicht.',
      'invalid',
    );
}

/** Re-reads the project's parts and refuses a change that leaves every weight at 0. */
export async function assertProjectWeights(
  db: Db,
  networkId: string,
  projectId: string,
  change: { taskId?: string; orderId?: string; weight: number; add?: boolean },
) {
  const [tasks, orders] = await Promise.all([
    repo.tasksOf(db, networkId, [projectId]),
    repo.ordersOf(db, networkId, [projectId]),
  ]);
  const ts = tasks.map(({ t }) => (t.id === change.taskId ? { ...t, weight: change.weight } : t));
  const os = orders.map((o) => (o.id === change.orderId ? { ...o, weight: change.weight } : o));
  const parts = rollUpParts(ts, os);
  if (change.add) parts.push({ weight: change.weight, progress: 0 });
  assertWeightsNotZero(parts);
}

export async function listProjects(deps: Deps, actor: NetworkActor): Promise<ProjectSummary[]> {
  authorize(actor.role, 'work.read');
  const rows = await repo.projectsOf(deps.db, actor.networkId);
  const ids = rows.map((r) => r.p.id);
  const [tasks, orders, fields] = await Promise.all([
    repo.tasksOf(deps.db, actor.networkId, ids),
    repo.ordersOf(deps.db, actor.networkId, ids),
    fieldNames(
      deps.db,
      actor.networkId,
      rows.flatMap((r) => (r.p.fieldId ? [r.p.fieldId] : [])),
    ),
  ]);
  const showTasks = can(actor.role, 'work.manage');
  return rows.map((r) =>
    summary(
      r,
      fields,
      rollUpInfo(
        tasks.filter((t) => t.t.projectId === r.p.id).map((t) => t.t),
        orders.filter((o) => o.projectId === r.p.id),
        showTasks,
      ),
    ),
  );
}

export async function getProject(deps: Deps, actor: NetworkActor, projectId: string): Promise<ProjectDetail> {
  authorize(actor.role, 'work.read');
  const db = deps.db;
  const row = await loadProject(db, actor, projectId);
  const n = actor.networkId;
  const [tasks, orders, milestones, partners, documents, fields] = await Promise.all([
    repo.tasksOf(db, n, [projectId]),
    repo.ordersOf(db, n, [projectId]),
    repo.milestonesOf(db, n, projectId),
    repo.partnersOf(db, n, projectId),
    repo.documentsOf(db, n, projectId),
    fieldNames(db, n, row.p.fieldId ? [row.p.fieldId] : []),
  ]);
  const files = await describeFiles(
    db,
    n,
    documents.map((d) => d.fileId),
  );
  // Tasks are the office's internals: the committee sees the progress, not the tasks (issue #9, 10).
  const showTasks = can(actor.role, 'work.manage');
  return {
    ...summary(
      row,
      fields,
      rollUpInfo(
        tasks.map((t) => t.t),
        orders,
        showTasks,
      ),
    ),
    description: row.p.description,
    version: row.p.version,
    closedAt: row.p.closedAt?.toISOString() ?? null,
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, reachedOn: m.reachedOn })),
    orders: orders.map((o) => ({
      id: o.id,
      number: o.number,
      title: o.title,
      status: o.status,
      progress: o.progress,
      weight: o.weight,
      dueOn: o.dueOn,
    })),
    partners: partners.map((p) => ({ id: p.id, name: p.name, role: p.role })),
    documents: documents.map((d) => ({
      id: d.id,
      fileId: d.fileId,
      title: d.title,
      fileName: files.get(d.fileId)?.name ?? null,
      mimeType: files.get(d.fileId)?.mimeType ?? null,
    })),
    tasks: showTasks ? tasks.map(taskDto) : null,
  };
}

export function taskDto(r: { t: repo.TaskRow; assigneeName: string | null; orderNumber: string | null }) {
  const t = r.t;
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    assigneeId: t.assigneeId,
    assigneeName: r.assigneeName,
    dueOn: t.dueOn,
    orderId: t.orderId,
    orderNumber: r.orderNumber,
    status: t.status,
    progress: t.progress,
    effectiveProgress: taskProgress(t),
    weight: t.weight,
    checklist: t.checklist,
    completedAt: t.completedAt?.toISOString() ?? null,
    version: t.version,
  };
}

export async function createProject(
  deps: Deps,
  actor: NetworkActor,
  input: ProjectInput,
): Promise<ProjectDetail> {
  authorize(actor.role, 'work.manage');
  assertPeriod(input.startOn ?? null, input.endOn ?? null);
  const id = await deps.db.transaction(async (tx) => {
    await assertStaff(tx, actor.networkId, input.leadId, 'Die Projektleitung');
    await assertField(tx, actor.networkId, input.fieldId);
    const row = await repo.insertProject(tx, {
      networkId: actor.networkId,
      title: input.title,
      description: input.description ?? '',
      fieldId: input.fieldId ?? null,
      leadId: input.leadId ?? null,
      startOn: input.startOn ?? null,
      endOn: input.endOn ?? null,
      reportDueOn: input.reportDueOn ?? null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'project',
      entityId: row.id,
      summary: `Projekt „${row.title}“ angelegt`,
      after: input,
    });
    return row.id;
  });
  return getProject(deps, actor, id);
}

/** Refuses a save based on an older version, naming who changed the project since. */
export async function assertProjectCurrent(db: Db, actor: NetworkActor, p: repo.ProjectRow, version: number) {
  if (version !== p.version)
    assertCurrent(
      'Das Projekt',
      version,
      p.version,
      await lastChangedBy(db, actor.networkId, 'project', p.id),
    );
}

export async function updateProject(
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  patch: ProjectPatch,
): Promise<ProjectDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { p } = await loadProject(tx, actor, projectId, true);
    await assertProjectCurrent(tx, actor, p, Number(patch.version));
    assertActive(p.status);
    const { version: _v, ...change } = patch;
    const next = { ...p, ...change };
    assertPeriod(next.startOn ?? null, next.endOn ?? null);
    if (change.leadId !== undefined)
      await assertStaff(tx, actor.networkId, change.leadId, 'Die Projektleitung');
    if (change.fieldId !== undefined) await assertField(tx, actor.networkId, change.fieldId);
    await repo.updateProject(tx, p.id, change);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'project',
      entityId: p.id,
      summary: `Projekt „${next.title}“ geändert`,
      before: Object.fromEntries(Object.keys(change).map((k) => [k, p[k as keyof typeof p]])),
      after: change,
    });
  });
  return getProject(deps, actor, projectId);
}

/**
 * Closes a project. With open tasks the first attempt answers 409 naming them; `force` (the user
 * confirmed) closes anyway. Reopening makes it editable again.
 */
export async function closeProject(
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  input: CloseProjectInput,
): Promise<ProjectDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { p } = await loadProject(tx, actor, projectId, true);
    await assertProjectCurrent(tx, actor, p, Number(input.version));
    assertActive(p.status);
    const open = (await repo.tasksOf(tx, actor.networkId, [p.id])).filter((t) => t.t.status === 'open');
    checkClose(
      open.map((t) => t.t),
      input.force ?? false,
    );
    await repo.updateProject(tx, p.id, { status: 'closed', closedAt: deps.now() });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'project',
      entityId: p.id,
      summary:
        open.length > 0
          ? `Projekt „${p.title}“ abgeschlossen, obwohl ${open.length} Aufgabe(n) offen waren`
          : `Projekt „${p.title}“ abgeschlossen`,
      before: { status: p.status },
      after: { status: 'closed', openTasks: open.map((t) => t.t.title) },
    });
  });
  return getProject(deps, actor, projectId);
}

export async function reopenProject(
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  version: number,
): Promise<ProjectDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { p } = await loadProject(tx, actor, projectId, true);
    await assertProjectCurrent(tx, actor, p, version);
    if (p.status === 'active') return;
    await repo.updateProject(tx, p.id, { status: 'active', closedAt: null });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'project',
      entityId: p.id,
      summary: `Projekt „${p.title}“ wieder geöffnet`,
      before: { status: 'closed' },
      after: { status: 'active' },
    });
  });
  return getProject(deps, actor, projectId);
}

export async function listAssignableOrders(deps: Deps, actor: NetworkActor): Promise<AssignableOrder[]> {
  authorize(actor.role, 'work.manage');
  return repo.assignableOrders(deps.db, actor.networkId);
}

/** Puts a work order into the project (work_order.projectId) and records the step in the trace. */
export async function assignOrder(
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  input: { orderId: string; weight?: number },
): Promise<ProjectDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { p } = await loadProject(tx, actor, projectId, true);
    assertActive(p.status);
    const o = await repo.orderById(tx, actor.networkId, input.orderId, true);
    if (!o) throw notFound('Der Arbeitsauftrag');
    if (o.projectId === p.id) return;
    if (o.projectId)
      throw new DomainError(
        'work.order_in_other_project',
        `Der Arbeitsauftrag ${o.number} gehört schon zu einem anderen Projekt. Nehmen Sie ihn dort zuerst heraus.`,
        'conflict',
      );
    const weight = input.weight ?? o.weight;
    await assertProjectWeights(tx, actor.networkId, p.id, { weight, add: true });
    await repo.setOrderProject(tx, o.id, p.id, input.weight);
    await addTraceLink(
      tx,
      actor,
      { kind: 'work_order', id: o.id },
      { kind: 'project', id: p.id },
      'part_of',
      deps.now(),
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'work_order',
      entityId: o.id,
      summary: `Arbeitsauftrag ${o.number} dem Projekt „${p.title}“ zugeordnet`,
      before: { projectId: null, weight: o.weight },
      after: { projectId: p.id, weight },
    });
  });
  return getProject(deps, actor, projectId);
}

export async function unassignOrder(
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  orderId: string,
): Promise<ProjectDetail> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { p } = await loadProject(tx, actor, projectId, true);
    assertActive(p.status);
    const o = await repo.orderById(tx, actor.networkId, orderId, true);
    if (!o || o.projectId !== p.id) throw notFound('Der Arbeitsauftrag im Projekt');
    await repo.setOrderProject(tx, o.id, null);
    await removeTraceLink(
      tx,
      actor.networkId,
      { kind: 'work_order', id: o.id },
      { kind: 'project', id: p.id },
      'part_of',
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'work_order',
      entityId: o.id,
      summary: `Arbeitsauftrag ${o.number} aus dem Projekt „${p.title}“ genommen`,
      before: { projectId: p.id },
      after: { projectId: null },
    });
  });
  return getProject(deps, actor, projectId);
}
