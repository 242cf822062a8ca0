import type { Task, TaskInput, TaskPatch } from '../../../contracts/work-projects.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { addTraceLink } from '../trace/trace.service.js';
import * as repo from './projects.repository.js';
import { assertActive, assertCurrent, type ChecklistChange, changeChecklist } from './projects.rules.js';
import { assertProjectWeights, assertStaff, loadProject, taskDto } from './projects.service.js';

/*
 * Tasks (Aufgaben) of a project: the office's internals, work.manage only (the committee never sees
 * them). A task with checklist items progresses by its checklist; see rollup.rules.ts.
 */

async function oneTask(db: Db, networkId: string, projectId: string, taskId: string): Promise<Task> {
  const row = (await repo.tasksOf(db, networkId, [projectId])).find((r) => r.t.id === taskId);
  if (!row) throw notFound('Die Aufgabe');
  return taskDto(row);
}

/** A task may name an order only when that order is part of the same project. */
async function assertOrderInProject(
  db: Db,
  networkId: string,
  projectId: string,
  orderId: string | null | undefined,
) {
  if (!orderId) return;
  const o = await repo.orderById(db, networkId, orderId);
  if (!o || o.projectId !== projectId)
    throw new DomainError(
      'work.task_order',
      'Eine Aufgabe kann nur zu einem Arbeitsauftrag dieses Projekts gehören. Ordnen Sie den Auftrag zuerst dem Projekt zu.',
      'invalid',
    );
}

export async function listTasks(deps: Deps, actor: NetworkActor, projectId: string): Promise<Task[]> {
  authorize(actor.role, 'work.manage');
  await loadProject(deps.db, actor, projectId);
  return (await repo.tasksOf(deps.db, actor.networkId, [projectId])).map(taskDto);
}

export async function createTask(
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  input: TaskInput,
): Promise<Task> {
  authorize(actor.role, 'work.manage');
  const id = await deps.db.transaction(async (tx) => {
    const { p } = await loadProject(tx, actor, projectId, true);
    assertActive(p.status);
    await assertStaff(tx, actor.networkId, input.assigneeId, 'Die zuständige Person');
    await assertOrderInProject(tx, actor.networkId, p.id, input.orderId);
    const weight = Number(input.weight ?? 1);
    await assertProjectWeights(tx, actor.networkId, p.id, { weight, add: true });
    const row = await repo.insertTask(tx, {
      networkId: actor.networkId,
      projectId: p.id,
      title: input.title,
      description: input.description ?? '',
      assigneeId: input.assigneeId ?? null,
      dueOn: input.dueOn ?? null,
      orderId: input.orderId ?? null,
      weight,
      progress: Number(input.progress ?? 0),
      createdBy: actor.userId,
    });
    await addTraceLink(
      tx,
      actor,
      { kind: 'task', id: row.id },
      { kind: 'project', id: p.id },
      'part_of',
      deps.now(),
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'project_task',
      entityId: row.id,
      summary: `Aufgabe „${row.title}“ im Projekt „${p.title}“ angelegt`,
      after: input,
    });
    return row.id;
  });
  return oneTask(deps.db, actor.networkId, projectId, id);
}

async function loadTaskForChange(tx: Db, actor: NetworkActor, projectId: string, taskId: string) {
  const { p } = await loadProject(tx, actor, projectId, true);
  const t = await repo.taskById(tx, actor.networkId, projectId, taskId, true);
  if (!t) throw notFound('Die Aufgabe');
  assertActive(p.status);
  return { p, t };
}

export async function updateTask(
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  taskId: string,
  patch: TaskPatch,
): Promise<Task> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { p, t } = await loadTaskForChange(tx, actor, projectId, taskId);
    const version = Number(patch.version);
    if (version !== t.version)
      assertCurrent(
        'Die Aufgabe',
        version,
        t.version,
        await lastChangedBy(tx, actor.networkId, 'project_task', t.id),
      );
    const { version: _v, ...change } = patch;
    if (change.assigneeId !== undefined)
      await assertStaff(tx, actor.networkId, change.assigneeId, 'Die zuständige Person');
    if (change.orderId !== undefined) await assertOrderInProject(tx, actor.networkId, p.id, change.orderId);
    if (change.weight !== undefined)
      await assertProjectWeights(tx, actor.networkId, p.id, { taskId: t.id, weight: Number(change.weight) });
    const set: Parameters<typeof repo.updateTask>[2] = {
      ...change,
      weight: change.weight === undefined ? undefined : Number(change.weight),
      progress: change.progress === undefined ? undefined : Number(change.progress),
    };
    if (change.status && change.status !== t.status)
      set.completedAt = change.status === 'done' ? deps.now() : null;
    await repo.updateTask(tx, t.id, set);
    const verb =
      change.status && change.status !== t.status
        ? change.status === 'done'
          ? 'erledigt'
          : 'wieder geöffnet'
        : 'geändert';
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'project_task',
      entityId: t.id,
      summary: `Aufgabe „${change.title ?? t.title}“ im Projekt „${p.title}“ ${verb}`,
      before: Object.fromEntries(Object.keys(change).map((k) => [k, t[k as keyof typeof t]])),
      after: change,
    });
  });
  return oneTask(deps.db, actor.networkId, projectId, taskId);
}

/** Adds, checks/unchecks or removes a checklist item, under the task's row lock. */
export async function changeTaskChecklist(
  deps: Deps,
  actor: NetworkActor,
  projectId: string,
  taskId: string,
  change: ChecklistChange,
): Promise<Task> {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const { p, t } = await loadTaskForChange(tx, actor, projectId, taskId);
    const checklist = changeChecklist(t.checklist, change);
    await repo.updateTask(tx, t.id, { checklist });
    const label = change.op === 'add' ? change.label : t.checklist[change.index]!.label;
    const what =
      change.op === 'add'
        ? 'ergänzt'
        : change.op === 'remove'
          ? 'entfernt'
          : change.done
            ? 'abgehakt'
            : 'wieder offen';
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'project_task',
      entityId: t.id,
      summary: `Checkliste der Aufgabe „${t.title}“ (Projekt „${p.title}“): „${label}“ ${what}`,
      before: { checklist: t.checklist },
      after: { checklist },
    });
  });
  return oneTask(deps.db, actor.networkId, projectId, taskId);
}
