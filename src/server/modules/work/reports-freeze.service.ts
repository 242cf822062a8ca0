import type { ReportSnapshot } from '../../../contracts/work-reports.js';
import type { Db } from '../../db/client.js';
import type { NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import type { MeetingRef } from '../steering/steering.service.js';
import { addTraceLink } from '../trace/trace.service.js';
import { changeOrderStatus } from './order-status.service.js';
import { loadSubject } from './report-subjects.service.js';
import * as repo from './reports.repository.js';
import { stateLine } from './reports.rules.js';

/*
 * What happens to the reports taken into a meeting: frozen when the meeting is opened, and listed in
 * the item's section of its minutes. The steering module calls both through its meeting hooks
 * (registered in reports.service.ts).
 */

/** The snapshot as stored: the state reported, and the meeting that heard it. */
export type StoredSnapshot = ReportSnapshot & { meeting?: { id: string; title: string; startsAt: string } };

/** A done order whose report the committee heard becomes "reported" (its history and the register follow). */
async function markReported(tx: Db, actor: NetworkActor, order: repo.OrderRow, meetingTitle: string) {
  await changeOrderStatus(tx, actor, order.id, 'reported', `Bericht in „${meetingTitle}“ vorgelegt`);
}

/**
 * Freezes the reports linked to the meeting's items, inside the transaction that opens the meeting:
 * each gets the meeting, the time, and a snapshot of the state it reports (order status and progress;
 * project roll-up and tasks done/total). From then on it never changes. A done order becomes reported.
 * Links report → agenda item "taken_in".
 */
export async function freezeReportsOfMeeting(
  tx: Db,
  actor: NetworkActor,
  m: MeetingRef,
  itemIds: string[],
  now: Date,
): Promise<number> {
  const rows = await repo.unfrozenReportsOfItems(tx, m.networkId, itemIds);
  for (const report of rows) {
    const { subject, snapshot, order } = await loadSubject(tx, m.networkId, report);
    const stored: StoredSnapshot = {
      ...snapshot,
      meeting: { id: m.id, title: m.title, startsAt: m.startsAt.toISOString() },
    };
    await repo.updateReport(tx, report.id, { meetingId: m.id, frozenAt: now, snapshot: stored });
    await addTraceLink(
      tx,
      actor,
      { kind: 'report', id: report.id },
      { kind: 'agenda_item', id: report.agendaItemId! },
      'taken_in',
      now,
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'progress_report',
      entityId: report.id,
      summary: `Sachstandsbericht zu ${subject.label} in „${m.title}“ vorgelegt und festgeschrieben`,
      after: { meetingId: m.id, snapshot },
    });
    if (order?.status === 'done') await markReported(tx, actor, order, m.title);
  }
  return rows.length;
}

/**
 * The lines the minutes carry for each item: every report taken in it, with subject, the state
 * reported (the frozen snapshot, or the current state while not yet frozen), the progress the office
 * reported, and the text.
 */
export async function reportLinesOfItems(db: Db, itemIds: string[]): Promise<Map<string, string[]>> {
  const lines = new Map<string, string[]>();
  for (const r of await repo.reportsOfItems(db, itemIds)) {
    const snap = r.report.frozenAt ? (r.report.snapshot as StoredSnapshot) : null;
    const kind = r.report.orderId ? ('work_order' as const) : ('project' as const);
    const line = stateLine({
      kind,
      label: kind === 'work_order' ? `${r.orderNumber} ${r.orderTitle}` : r.projectTitle!,
      status: snap?.status ?? (kind === 'work_order' ? r.orderStatus! : r.projectStatus!),
      progress: r.report.progress,
      tasksDone: snap?.tasksDone,
      tasksTotal: snap?.tasksTotal,
    });
    const list = lines.get(r.report.agendaItemId!) ?? [];
    list.push(`Sachstandsbericht – ${line}. ${r.report.text}`);
    lines.set(r.report.agendaItemId!, list);
  }
  return lines;
}
