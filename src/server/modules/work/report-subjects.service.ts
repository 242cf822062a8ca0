import type { ReportSnapshot, ReportSubject } from '../../../contracts/work-reports.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { fieldNames } from '../contract/contract.service.js';
import * as projectsRepo from './projects.repository.js';
import * as repo from './reports.repository.js';
import { rollUp, rollUpParts } from './rollup.rules.js';

/* What a report is about, as it stands now: an order's state and progress, a project's roll-up. */

export type ProjectFacts = { progress: number; tasksDone: number; tasksTotal: number };

/** Each project's rolled-up progress from its tasks and orders, by weight, as its page shows it. */
export async function projectFacts(
  db: Db,
  networkId: string,
  projectIds: string[],
): Promise<Map<string, ProjectFacts>> {
  const tasks = (await projectsRepo.tasksOf(db, networkId, projectIds)).map(({ t }) => t);
  const orders = await projectsRepo.ordersOf(db, networkId, projectIds);
  return new Map(
    projectIds.map((id) => {
      const ts = tasks.filter((t) => t.projectId === id);
      // The same parts as the project page's roll-up: checklists count, done orders 100 %, returned
      // orders not at all.
      const parts = rollUpParts(
        ts,
        orders.filter((o) => o.projectId === id),
      );
      return [
        id,
        {
          progress: rollUp(parts),
          tasksDone: ts.filter((t) => t.status === 'done').length,
          tasksTotal: ts.length,
        },
      ];
    }),
  );
}

export const orderSubject = (o: repo.OrderRow, fieldName: string | null): ReportSubject => ({
  kind: 'work_order',
  id: o.id,
  label: `${o.number} ${o.title}`,
  status: o.status,
  progress: o.progress,
  fieldName,
  reportDueOn: o.reportDueOn,
});

export const projectSubject = (
  p: repo.ProjectRow,
  fieldName: string | null,
  f: ProjectFacts,
): ReportSubject => ({
  kind: 'project',
  id: p.id,
  label: p.title,
  status: p.status,
  progress: f.progress,
  fieldName,
  reportDueOn: p.reportDueOn,
});

/** The names of the fields of action of these rows (orders, projects). */
export const fieldNamesOf = (db: Db, networkId: string, rows: ReadonlyArray<{ fieldId: string | null }>) =>
  fieldNames(
    db,
    networkId,
    rows.map((r) => r.fieldId).filter((x): x is string => !!x),
  );

/** The order or project of the network, with its current state; "not found" otherwise. */
export async function loadSubject(
  db: Db,
  networkId: string,
  s: { orderId?: string | null; projectId?: string | null },
): Promise<{ subject: ReportSubject; snapshot: ReportSnapshot; order?: repo.OrderRow }> {
  if (s.orderId) {
    const o = await repo.orderById(db, networkId, s.orderId);
    if (!o) throw notFound('Der Arbeitsauftrag');
    const names = await fieldNamesOf(db, networkId, [o]);
    return {
      subject: orderSubject(o, names.get(o.fieldId) ?? null),
      snapshot: { status: o.status, progress: o.progress },
      order: o,
    };
  }
  const p = await repo.projectById(db, networkId, s.projectId!);
  if (!p) throw notFound('Das Projekt');
  const f = (await projectFacts(db, networkId, [p.id])).get(p.id)!;
  const names = await fieldNamesOf(db, networkId, [p]);
  return {
    subject: projectSubject(p, p.fieldId ? (names.get(p.fieldId) ?? null) : null, f),
    snapshot: { status: p.status, ...f },
  };
}
