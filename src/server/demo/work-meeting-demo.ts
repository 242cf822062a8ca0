import { and, asc, eq, isNull } from 'drizzle-orm';
import * as t from '../db/schema.js';
import { berlinWallClock } from '../lib/berlin-time.js';
import type { Deps } from '../lib/context.js';
import { listFields } from '../modules/contract/contract.service.js';
import { generateMinutes } from '../modules/steering/steering.minutes.js';
import * as steering from '../modules/steering/steering.service.js';
import { addOfficeReport } from '../modules/work/reports.service.js';
import * as work from '../modules/work/work.service.js';
import { demoOffice } from './demo-office.js';

export const SPECIAL_MEETING_TITLE = 'Lenkungskreis Sondersitzung';

/**
 * A special meeting of the demo's steering committee, held on the day the demo is loaded (after the
 * orders, projects and reports exist): the office takes its reports on the Fachtag orders and the
 * project Praxisphasen into "Bericht aus dem Bildungsbüro", the meeting is opened (the reports are
 * frozen, the done order becomes "reported") and its minutes are drafted with the report lines. All
 * through the office's own use cases. Runs once: nothing happens when the meeting exists.
 */
export async function seedWorkMeetingDemo(deps: Deps, networkId: string): Promise<void> {
  const [existing] = await deps.db
    .select({ id: t.meeting.id })
    .from(t.meeting)
    .where(and(eq(t.meeting.networkId, networkId), eq(t.meeting.title, SPECIAL_MEETING_TITLE)));
  if (existing) return;
  const actor = await demoOffice(deps.db, networkId);
  if (!actor) return;
  // The drafts the reports demo wrote on orders and projects: taken in as the office wrote them.
  const drafts = await deps.db
    .select({
      orderId: t.progressReport.orderId,
      projectId: t.progressReport.projectId,
      text: t.progressReport.text,
      progress: t.progressReport.progress,
      orderStatus: t.workOrder.status,
    })
    .from(t.progressReport)
    .leftJoin(t.workOrder, eq(t.workOrder.id, t.progressReport.orderId))
    .where(and(eq(t.progressReport.networkId, networkId), isNull(t.progressReport.frozenAt)))
    .orderBy(asc(t.progressReport.createdAt));
  // The done order (it becomes reported), the running one, and the project; the accepted order's draft
  // stays for the next meeting.
  const chosen = drafts.filter(
    (d) => d.projectId || d.orderStatus === 'done' || d.orderStatus === 'in_progress',
  );
  if (chosen.length === 0) return;

  // An hour ago, on the hour, Berlin time: a meeting that may be opened now.
  const start = new Date(deps.now().getTime() - 60 * 60_000);
  start.setUTCMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 90 * 60_000);
  const meeting = await steering.createMeeting(deps, actor, {
    title: SPECIAL_MEETING_TITLE,
    startsAt: berlinWallClock(start).slice(0, 16),
    endsAt: berlinWallClock(end).slice(0, 16),
    location: 'Kreishaus Meschede, Raum 2',
    onlineUrl: null,
  });
  // The evaluation of the KAoA goals, which the committee adjusts in the same meeting.
  const fields = await listFields(deps, actor, berlinWallClock(start).slice(0, 10));
  const kaoa = fields.find((f) => f.name === 'Übergang Schule – Beruf (KAoA)');
  const kaoaGoals = kaoa ? await work.listGoals(deps, actor, { fieldId: kaoa.id, reviewDue: false }) : [];
  const adjustProposal =
    'Nach der Auswertung der Ziele im Handlungsfeld KAoA werden die Ziele bestätigt und ihre Überprüfung auf September 2027 gelegt.';
  if (kaoa && kaoaGoals.length > 0) {
    await steering.addAgendaItem(deps, actor, meeting.id, {
      title: 'Auswertung und Anpassung der Ziele KAoA',
      kind: 'decision',
      decisionType: 'goal',
      fieldId: kaoa.id,
      proposal: adjustProposal,
      presenter: 'Untere Schulaufsicht',
      public: false,
      durationMinutes: 20,
      approvesMinutesOf: null,
    });
  }
  await addOfficeReport(deps, actor, meeting.id, {
    entries: chosen.map((d) => ({
      kind: d.orderId ? ('work_order' as const) : ('project' as const),
      id: (d.orderId ?? d.projectId)!,
      text: d.text,
      progress: d.progress,
    })),
    proposeDecisions: false,
  });
  await steering.holdMeeting(deps, actor, meeting.id);
  const voting = (await steering.listCommitteeMembers(deps, actor)).filter((m) => m.voting && !m.deputyOf);
  await steering.recordAttendance(
    deps,
    actor,
    meeting.id,
    voting.map((m) => ({ memberId: m.id, status: 'present' as const, deputyId: null })),
  );
  const detail = await steering.getMeeting(deps, actor, meeting.id);
  const adjustItem = detail.items.find((i) => i.kind === 'decision' && i.decisionType === 'goal');
  if (adjustItem) {
    await steering.recordRound(deps, actor, meeting.id, adjustItem.id, {
      proposal: adjustProposal,
      positions: voting.map((m) => ({ memberId: m.id, stance: 'consent' as const, reason: '' })),
      advice: [],
      resolution: null,
    });
    const [decision] = await deps.db.select().from(t.decision).where(eq(t.decision.itemId, adjustItem.id));
    for (const g of kaoaGoals) {
      await work.changeGoal(deps, actor, g.id, {
        decisionId: decision!.id,
        reason: 'Ausgewertet in der Sondersitzung: Ziel bestätigt, Überprüfung im September 2027.',
        version: g.version,
        reviewOn: '2027-09-30',
      });
    }
  }
  await generateMinutes(deps, actor, meeting.id);
}
