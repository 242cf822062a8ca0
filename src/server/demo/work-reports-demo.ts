import { and, asc, eq, inArray } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import { createReport, listReports } from '../modules/work/reports.service.js';
import { demoOffice } from './demo-office.js';

/**
 * Progress reports of the demo network, written through the office's own use case: drafts on the demo's
 * running work orders and active projects (whatever the orders and projects demos created), so the
 * next planned meeting offers "Bericht aus dem Bildungsbüro" with them. Runs once: nothing is added
 * when the network has reports already.
 */
export async function seedWorkReportsDemo(deps: Deps, networkId: string): Promise<void> {
  const [existing] = await deps.db
    .select({ id: t.progressReport.id })
    .from(t.progressReport)
    .where(eq(t.progressReport.networkId, networkId))
    .limit(1);
  if (existing) return;
  const actor = await demoOffice(deps.db, networkId);
  if (!actor) return;
  const orders = await deps.db
    .select()
    .from(t.workOrder)
    .where(
      and(
        eq(t.workOrder.networkId, networkId),
        inArray(t.workOrder.status, ['accepted', 'in_progress', 'done']),
      ),
    )
    .orderBy(asc(t.workOrder.number))
    .limit(3);
  for (const o of orders) {
    await createReport(deps, actor, {
      orderId: o.id,
      text:
        o.status === 'done'
          ? `„${o.title}“ ist abgeschlossen. Das Ergebnis liegt vor und wird in der nächsten Sitzung vorgestellt.`
          : `„${o.title}“ läuft planmäßig. Die Abstimmung mit den Partnern ist begonnen; der nächste Schritt ist ein Entwurf für den Lenkungskreis.`,
      progress: o.progress,
    });
  }
  const projects = await deps.db
    .select()
    .from(t.project)
    .where(and(eq(t.project.networkId, networkId), eq(t.project.status, 'active')))
    .orderBy(asc(t.project.title))
    .limit(1);
  for (const p of projects) {
    await createReport(deps, actor, {
      projectId: p.id,
      text: `Im Projekt „${p.title}“ sind die ersten Aufgaben erledigt; die Partner sind gewonnen, der Auftakt ist geplant.`,
      progress: (await listReports(deps, actor, { projectId: p.id })).subject.progress,
    });
  }
}
