import type {
  OfficeReportInput,
  OfficeReportProposal,
  OfficeReportResult,
  ProgressReport,
  ProposalEntry,
  ReportInput,
  ReportList,
  ReportSnapshot,
  ReportUpdate,
} from '../../../contracts/work-reports.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDay } from '../../lib/format.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import {
  agendaItemsOf,
  appendAgendaItem,
  assertPlanning,
  loadMeeting,
  meetingOfItem,
  registerMeetingHooks,
  setAgendaItemProposal,
} from '../steering/steering.service.js';
import { addTraceLink } from '../trace/trace.service.js';
import { endedFieldsOf, orderFieldEndedOn } from './orders.service.js';
import {
  fieldNamesOf,
  loadSubject,
  orderSubject,
  projectFacts,
  projectSubject,
} from './report-subjects.service.js';
import * as repo from './reports.repository.js';
import {
  assertCurrent,
  assertDraft,
  dueReason,
  needsDecision,
  officeReportText,
  prefilledText,
  subjectTitle,
} from './reports.rules.js';
import { freezeReportsOfMeeting, reportLinesOfItems, type StoredSnapshot } from './reports-freeze.service.js';

/* Progress reports (Sachstandsberichte) and the agenda's "Bericht aus dem Bildungsbüro". */

export const OFFICE_REPORT_TITLE = 'Bericht aus dem Bildungsbüro';

// The steering module freezes the reports when a meeting opens and lists them in its minutes.
registerMeetingHooks('work-reports', {
  onOpened: async (tx, actor, m, itemIds, now) => {
    await freezeReportsOfMeeting(tx, actor, m, itemIds, now);
  },
  minutesLines: reportLinesOfItems,
});

const reportDto = (r: repo.ReportRow, label: string): ProgressReport => ({
  id: r.id,
  subject: r.orderId
    ? { kind: 'work_order', id: r.orderId, label }
    : { kind: 'project', id: r.projectId!, label },
  text: r.text,
  progress: r.progress,
  authorName: r.authorName,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  frozenAt: r.frozenAt?.toISOString() ?? null,
  snapshot: r.frozenAt ? snapshotOf(r.snapshot as StoredSnapshot) : null,
  meeting: r.frozenAt ? ((r.snapshot as StoredSnapshot).meeting ?? null) : null,
  agendaItemId: r.agendaItemId,
});

const snapshotOf = ({ meeting: _, ...s }: StoredSnapshot): ReportSnapshot => s;

const subjectRef = (s: { orderId?: string | null; projectId?: string | null }) =>
  s.orderId ? { kind: 'work_order' as const, id: s.orderId } : { kind: 'project' as const, id: s.projectId! };

/** The reports on one order or project, with the subject's current state (the form prefills from it). */
export async function listReports(
  deps: Deps,
  actor: NetworkActor,
  s: { orderId?: string; projectId?: string },
): Promise<ReportList> {
  authorize(actor.role, 'work.read');
  const { subject } = await loadSubject(deps.db, actor.networkId, s);
  const rows = await repo.reportsOf(deps.db, actor.networkId, s);
  return { subject, reports: rows.map((r) => reportDto(r, subject.label)) };
}

/** A new draft report; links the order or project to it ("reported_in"). */
export async function createReport(
  deps: Deps,
  actor: NetworkActor,
  input: ReportInput,
): Promise<ProgressReport> {
  authorize(actor.role, 'work.manage');
  return deps.db.transaction(async (tx) => {
    const { subject } = await loadSubject(tx, actor.networkId, input);
    const r = await repo.insertReport(tx, {
      networkId: actor.networkId,
      orderId: input.orderId ?? null,
      projectId: input.projectId ?? null,
      text: input.text,
      progress: input.progress,
      authorId: actor.userId,
      authorName: actor.name,
    });
    await addTraceLink(tx, actor, subjectRef(input), { kind: 'report', id: r.id }, 'reported_in');
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'progress_report',
      entityId: r.id,
      summary: `Sachstandsbericht zu ${subject.label} geschrieben`,
      after: { text: r.text, progress: r.progress },
    });
    return reportDto(r, subject.label);
  });
}

/** Changes a draft; a frozen report is refused (409), as is a save based on an older state. */
export async function updateReport(
  deps: Deps,
  actor: NetworkActor,
  reportId: string,
  input: ReportUpdate,
): Promise<ProgressReport> {
  authorize(actor.role, 'work.manage');
  return deps.db.transaction(async (tx) => {
    const before = await repo.reportById(tx, actor.networkId, reportId, true);
    if (!before) throw notFound('Der Bericht');
    assertDraft(before);
    assertCurrent(before, input.updatedAt);
    const { subject } = await loadSubject(tx, actor.networkId, before);
    const r = await repo.updateReport(tx, reportId, {
      text: input.text,
      progress: input.progress,
      authorId: actor.userId,
      authorName: actor.name,
      updatedAt: new Date(Math.max(deps.now().getTime(), before.updatedAt.getTime() + 1)),
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'progress_report',
      entityId: r.id,
      summary: `Sachstandsbericht zu ${subject.label} geändert`,
      before: { text: before.text, progress: before.progress },
      after: { text: r.text, progress: r.progress },
    });
    return reportDto(r, subject.label);
  });
}

type Candidate = ProposalEntry & { returnReason: string | null; onAgenda: boolean };

/** Every order and project whose report is due for a meeting on `day` (reports.rules `dueReason`). */
async function dueEntries(db: Db, networkId: string, day: string): Promise<Candidate[]> {
  const ended = await endedFieldsOf(db, networkId, day);
  const orders = await repo.candidateOrders(db, networkId, [...ended.keys()]);
  const projects = await repo.activeProjects(db, networkId);
  const facts = await projectFacts(
    db,
    networkId,
    projects.map((p) => p.id),
  );
  const events = await repo.lastOrderEvents(
    db,
    orders.map((o) => o.id),
  );
  const reports = await repo.reportsOfSubjects(
    db,
    networkId,
    orders.map((o) => o.id),
    projects.map((p) => p.id),
  );
  const of = (id: string) => reports.filter((r) => r.orderId === id || r.projectId === id);
  const lastTaken = (id: string) =>
    of(id)
      .map((r) => r.frozenAt)
      .filter((d): d is Date => !!d)
      .sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  // The newest draft not yet taken (reports come newest first).
  const draftOf = (id: string) => of(id).find((r) => !r.frozenAt) ?? null;

  const names = await fieldNamesOf(db, networkId, [...orders, ...projects]);
  const out: Candidate[] = [];
  const push = (
    subject: ProposalEntry['subject'],
    reason: ReturnType<typeof dueReason>,
    returnReason: string | null,
  ) => {
    if (!reason) return;
    const draft = draftOf(subject.id);
    out.push({
      subject,
      reason,
      draft: draft ? { id: draft.id, text: draft.text, progress: draft.progress } : null,
      text: draft?.text ?? prefilledText(subject, reason, returnReason),
      progress: draft?.progress ?? subject.progress,
      needsDecision: needsDecision(reason),
      returnReason,
      // Its report already stands on a planned meeting's agenda, waiting to be frozen there.
      onAgenda: !!draft?.agendaItemId,
    });
  };
  for (const o of orders) {
    const subject = orderSubject(o, names.get(o.fieldId) ?? null);
    push(
      subject,
      dueReason(
        {
          kind: 'work_order',
          status: o.status,
          reportDueOn: o.reportDueOn,
          fieldEndedOn: orderFieldEndedOn(ended, o),
          lastChangeAt: events.get(o.id) ?? o.createdAt,
          lastTakenAt: lastTaken(o.id),
        },
        day,
      ),
      o.returnReason,
    );
  }
  for (const p of projects) {
    const subject = projectSubject(p, p.fieldId ? (names.get(p.fieldId) ?? null) : null, facts.get(p.id)!);
    push(
      subject,
      dueReason(
        {
          kind: 'project',
          status: p.status,
          reportDueOn: p.reportDueOn,
          fieldEndedOn: null,
          lastChangeAt: p.updatedAt,
          lastTakenAt: lastTaken(p.id),
        },
        day,
      ),
      null,
    );
  }
  return out;
}

/** The office report already on the meeting's agenda (by its title, still open), if any. */
async function existingOfficeItem(db: Db, meetingId: string) {
  return (await agendaItemsOf(db, meetingId)).find(
    (i) => i.title === OFFICE_REPORT_TITLE && i.kind === 'information' && i.status === 'open',
  );
}

/** What the agenda of a planned meeting is offered: every due report, prefilled. */
export async function getOfficeReportProposal(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
): Promise<OfficeReportProposal> {
  authorize(actor.role, 'work.manage');
  const m = await loadMeeting(deps.db, actor, meetingId);
  const day = berlinDay(m.startsAt);
  const entries = await dueEntries(deps.db, actor.networkId, day);
  const existing = await existingOfficeItem(deps.db, m.id);
  return {
    meetingId: m.id,
    meetingDay: day,
    open: m.status === 'planned' || m.status === 'invited',
    // What is already on an agenda is not offered (nor counted) again.
    entries: entries.filter((e) => !e.onAgenda).map(({ returnReason: _, onAgenda: __, ...e }) => e),
    existingItemId: existing?.id ?? null,
  };
}

/**
 * Puts "Bericht aus dem Bildungsbüro" on the agenda (or extends the one there): each chosen order or
 * project gets its report (the newest draft, updated with the text chosen, or a new one) linked to the
 * item; the item's proposal lists them with state and progress. Returned orders and orders of an ended
 * field can be proposed as decision items too. One transaction.
 */
export async function addOfficeReport(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  input: OfficeReportInput,
): Promise<OfficeReportResult> {
  authorize(actor.role, 'work.manage');
  authorize(actor.role, 'steering.manage');
  const seen = new Set<string>();
  for (const e of input.entries) {
    if (seen.has(e.id)) {
      throw new DomainError(
        'work.report_twice',
        'Jeder Auftrag und jedes Projekt nur einmal, bitte.',
        'invalid',
      );
    }
    seen.add(e.id);
  }
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertPlanning(m.status);
    const due = new Map(
      (await dueEntries(tx, actor.networkId, berlinDay(m.startsAt))).map((e) => [e.subject.id, e]),
    );
    const item =
      (await existingOfficeItem(tx, m.id)) ??
      (await appendAgendaItem(tx, actor, m, {
        title: OFFICE_REPORT_TITLE,
        kind: 'information',
        decisionType: null,
        public: false,
        fieldId: null,
        proposal: '',
        presenter: 'Bildungsbüro',
        durationMinutes: null,
      }));
    const reportIds: string[] = [];
    const decisionItemIds: string[] = [];
    for (const e of input.entries) {
      const ref = e.kind === 'work_order' ? { orderId: e.id } : { projectId: e.id };
      const { subject, order } = await loadSubject(tx, actor.networkId, ref);
      if (subject.kind === 'project' && subject.status !== 'active') {
        throw new DomainError(
          'work.report_closed_project',
          `Das Projekt „${subject.label}“ ist abgeschlossen.`,
          'invalid',
        );
      }
      const draft = (await repo.reportsOf(tx, actor.networkId, ref)).find((r) => !r.frozenAt);
      if (draft?.agendaItemId && draft.agendaItemId !== item.id) {
        // The draft is already on another meeting's agenda: moving it silently would empty that item.
        const other = await meetingOfItem(tx, actor, draft.agendaItemId);
        throw new DomainError(
          'work.report_on_other_agenda',
          `Der Sachstandsbericht zu ${subject.label} steht schon auf der Tagesordnung der Sitzung „${other.title}“ vom ${formatDay(berlinDay(other.startsAt))}. Nehmen Sie ihn dort heraus oder berichten Sie dort.`,
          'conflict',
        );
      }
      let r: repo.ReportRow;
      if (draft) {
        r = await repo.updateReport(tx, draft.id, {
          text: e.text,
          progress: e.progress,
          agendaItemId: item.id,
          updatedAt: new Date(Math.max(deps.now().getTime(), draft.updatedAt.getTime() + 1)),
        });
      } else {
        r = await repo.insertReport(tx, {
          networkId: actor.networkId,
          ...ref,
          text: e.text,
          progress: e.progress,
          agendaItemId: item.id,
          authorId: actor.userId,
          authorName: actor.name,
        });
        await addTraceLink(tx, actor, subjectRef(ref), { kind: 'report', id: r.id }, 'reported_in');
      }
      reportIds.push(r.id);
      await recordAudit(tx, auditActorOf(actor), {
        action: draft ? 'update' : 'create',
        entityType: 'progress_report',
        entityId: r.id,
        summary: `Sachstandsbericht zu ${subject.label} in „${OFFICE_REPORT_TITLE}“ (${m.title}) aufgenommen`,
        after: { text: r.text, progress: r.progress, agendaItemId: item.id },
      });
      const reason = due.get(e.id)?.reason;
      if (input.proposeDecisions && order && reason && needsDecision(reason)) {
        const values = {
          title:
            reason === 'returned'
              ? `Zurückgegebener ${subjectTitle('work_order', subject.label)}`
              : `${subjectTitle('work_order', subject.label)}: Handlungsfeld beendet`,
          kind: 'decision' as const,
          decisionType: 'work_order' as const,
          public: false,
          fieldId: order.fieldId,
          proposal:
            reason === 'returned'
              ? `Der Lenkungskreis entscheidet über den zurückgegebenen Auftrag ${order.number}${order.returnReason ? ` (Grund: ${order.returnReason})` : ''}.`
              : `Der Lenkungskreis entscheidet, wie es mit dem Auftrag ${order.number} nach dem Ende des Handlungsfelds weitergeht.`,
          presenter: 'Bildungsbüro',
          durationMinutes: null,
        };
        const d = await appendAgendaItem(tx, actor, m, values);
        decisionItemIds.push(d.id);
        if (reason === 'returned') {
          await addTraceLink(
            tx,
            actor,
            { kind: 'work_order', id: order.id },
            { kind: 'agenda_item', id: d.id },
            'returned_to',
          );
        }
      }
    }
    // The proposal lists every report now linked to the item (earlier ones included).
    const linked = await repo.reportsOfItems(tx, [item.id]);
    const facts = await projectFacts(
      tx,
      actor.networkId,
      linked.map((l) => l.report.projectId).filter((x): x is string => !!x),
    );
    const proposal = officeReportText(
      linked.map((l) =>
        l.report.orderId
          ? {
              kind: 'work_order' as const,
              label: `${l.orderNumber} ${l.orderTitle}`,
              status: l.orderStatus!,
              progress: l.report.progress,
              text: l.report.text,
            }
          : {
              kind: 'project' as const,
              label: l.projectTitle!,
              status: l.projectStatus!,
              progress: l.report.progress,
              tasksDone: facts.get(l.report.projectId!)?.tasksDone,
              tasksTotal: facts.get(l.report.projectId!)?.tasksTotal,
              text: l.report.text,
            },
      ),
    );
    await setAgendaItemProposal(tx, actor, m, item, proposal);
    return { itemId: item.id, reportIds, decisionItemIds };
  });
}
