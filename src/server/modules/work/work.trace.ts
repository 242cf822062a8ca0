import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { berlinDay } from '../../lib/berlin-time.js';
import { user } from '../auth/auth.tables.js';
import { fieldNames } from '../contract/contract.service.js';
import { type ResolvedNode, registerTraceKind } from '../trace/trace.service.js';
import { goal, progressReport, project, projectTask, workOrder, workPlan } from './work.tables.js';

/*
 * How the work programme's things appear in the trace: goals, work plans, work orders, projects, tasks
 * (by name only for work.manage) and progress reports. Each loader reads many at once, of one network.
 */

export const orderStatusLabels = {
  new: 'neu',
  accepted: 'angenommen',
  in_progress: 'in Arbeit',
  done: 'erledigt',
  reported: 'berichtet',
  returned: 'zurückgegeben',
} as const;
export const goalStatusLabels = {
  active: 'verfolgt',
  achieved: 'erreicht',
  adjusted: 'angepasst',
  dropped: 'aufgegeben',
} as const;

async function namesOf(db: Db, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const fieldsOf = (db: Db, networkId: string, ids: Array<string | null>) =>
  fieldNames(
    db,
    networkId,
    ids.filter((x): x is string => !!x),
  );

async function loadGoals(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(goal)
    .where(and(eq(goal.networkId, networkId), inArray(goal.id, ids)));
  const fields = await fieldsOf(
    db,
    networkId,
    rows.map((r) => r.fieldId),
  );
  return new Map<string, ResolvedNode>(
    rows.map((g) => [
      g.id,
      {
        label: `${fields.get(g.fieldId) ?? 'Ziel'}: ${g.statement}`,
        status: g.status,
        state: goalStatusLabels[g.status],
        date: berlinDay(g.createdAt),
        actor: g.owner || null,
        path: `arbeitsprogramm/ziele/${g.id}`,
        dueOn: g.reviewOn,
        short: 'Ziel',
      },
    ]),
  );
}

async function loadPlans(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(workPlan)
    .where(and(eq(workPlan.networkId, networkId), inArray(workPlan.id, ids)));
  const fields = await fieldsOf(
    db,
    networkId,
    rows.map((r) => r.fieldId),
  );
  return new Map<string, ResolvedNode>(
    rows.map((p) => [
      p.id,
      {
        label: `Arbeitsplanung ${p.year} ${fields.get(p.fieldId) ?? ''}`.trim(),
        status: p.agreedVersionId ? 'agreed' : 'draft',
        state: p.agreedVersionId ? 'beschlossen' : 'Entwurf',
        date: berlinDay(p.createdAt),
        actor: null,
        path: `arbeitsprogramm/planung/${p.id}`,
        short: `Arbeitsplanung ${p.year}`,
      },
    ]),
  );
}

async function loadOrders(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(workOrder)
    .where(and(eq(workOrder.networkId, networkId), inArray(workOrder.id, ids)));
  const names = await namesOf(
    db,
    rows.map((r) => r.assigneeId),
  );
  return new Map<string, ResolvedNode>(
    rows.map((o) => [
      o.id,
      {
        label: `${o.number} ${o.title}`,
        status: o.status,
        state: `${orderStatusLabels[o.status]}, ${o.progress} %`,
        date: o.orderedOn,
        actor: names.get(o.assigneeId) ?? null,
        path: `arbeitsprogramm/auftraege/${o.id}`,
        dueOn: o.dueOn,
        short: o.number,
      },
    ]),
  );
}

async function loadProjects(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(project)
    .where(and(eq(project.networkId, networkId), inArray(project.id, ids)));
  const names = await namesOf(
    db,
    rows.map((r) => r.leadId),
  );
  return new Map<string, ResolvedNode>(
    rows.map((p) => [
      p.id,
      {
        label: `Projekt „${p.title}“`,
        status: p.status,
        state: p.status === 'active' ? 'läuft' : 'abgeschlossen',
        date: p.startOn ?? berlinDay(p.createdAt),
        actor: p.leadId ? (names.get(p.leadId) ?? null) : null,
        path: `arbeitsprogramm/projekte/${p.id}`,
        dueOn: p.endOn,
      },
    ]),
  );
}

async function loadTasks(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(projectTask)
    .where(and(eq(projectTask.networkId, networkId), inArray(projectTask.id, ids)));
  const names = await namesOf(
    db,
    rows.map((r) => r.assigneeId),
  );
  return new Map<string, ResolvedNode>(
    rows.map((t) => [
      t.id,
      {
        label: `Aufgabe „${t.title}“`,
        status: t.status,
        state: t.status === 'done' ? 'erledigt' : `offen, ${t.progress} %`,
        date: berlinDay(t.createdAt),
        actor: t.assigneeId ? (names.get(t.assigneeId) ?? null) : null,
        path: `arbeitsprogramm/projekte/${t.projectId}`,
        dueOn: t.dueOn,
      },
    ]),
  );
}

async function loadReports(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select({ r: progressReport, orderNumber: workOrder.number, projectTitle: project.title })
    .from(progressReport)
    .leftJoin(workOrder, eq(workOrder.id, progressReport.orderId))
    .leftJoin(project, eq(project.id, progressReport.projectId))
    .where(and(eq(progressReport.networkId, networkId), inArray(progressReport.id, ids)));
  return new Map<string, ResolvedNode>(
    rows.map(({ r, orderNumber, projectTitle }) => [
      r.id,
      {
        label: `Sachstandsbericht zu ${orderNumber ?? `„${projectTitle ?? ''}“`} (${r.progress} %)`,
        status: r.frozenAt ? 'frozen' : 'draft',
        state: r.frozenAt ? 'in der Sitzung berichtet' : 'Entwurf',
        date: berlinDay(r.frozenAt ?? r.createdAt),
        actor: r.authorName,
        path: r.orderId
          ? `arbeitsprogramm/auftraege/${r.orderId}`
          : `arbeitsprogramm/projekte/${r.projectId}`,
      },
    ]),
  );
}

/** Registers the work programme's kinds with the trace (called once when the app starts). */
export function registerWorkTraceKinds(): void {
  registerTraceKind('goal', { load: loadGoals });
  registerTraceKind('work_plan', { load: loadPlans });
  registerTraceKind('work_order', { load: loadOrders });
  registerTraceKind('project', { load: loadProjects });
  registerTraceKind('task', { load: loadTasks, permission: 'work.manage' });
  registerTraceKind('report', { load: loadReports });
}
