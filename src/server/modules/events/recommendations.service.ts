import type {
  HandInput,
  HandResult,
  MeetingChoice,
  Recommendation,
  RecommendationInput,
  RecommendationPatch,
  RecommendationStep,
} from '../../../contracts/events-documentation.js';
import type { Db } from '../../db/client.js';
import { notFound, staleVersion } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { authorize, can } from '../networks/networks.policy.js';
import {
  agendaItemsOf,
  appendAgendaItem,
  listMeetings,
  loadMeeting,
  meetingsOfItems,
} from '../steering/steering.service.js';
import { addTraceLink } from '../trace/trace.service.js';
import * as repo from './documentation.repository.js';
import {
  agendaProposal,
  agendaTitle,
  assertAgreeable,
  assertEditable,
  assertHandable,
  assertWithdrawable,
  nextPlannedMeeting,
  noMeetingPlanned,
} from './documentation.rules.js';
import { visibleEvent } from './events.service.js';

/*
 * Recommendations (Empfehlungen) of an event: written and agreed by the office and the committee's
 * content leads, then handed to the steering committee as decision items of its next planned meeting,
 * each step traced (event → recommends → recommendation → proposed_as → agenda item).
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The recommendations as the API shows them, with their session and where they were handed. */
export async function recommendationDtos(
  db: Db,
  networkId: string,
  rows: repo.RecommendationRow[],
  sessions: Array<{ id: string; title: string }>,
): Promise<Recommendation[]> {
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  const meetings = await meetingsOfItems(
    db,
    networkId,
    rows.map((r) => r.agendaItemId).filter((x): x is string => !!x),
  );
  return rows.map((r) => {
    const m = r.agendaItemId ? meetings.get(r.agendaItemId) : undefined;
    return {
      id: r.id,
      eventId: r.eventId,
      sessionId: r.sessionId,
      sessionTitle: r.sessionId ? (titles.get(r.sessionId) ?? null) : null,
      fieldId: r.fieldId,
      title: r.title,
      text: r.text,
      status: r.status,
      agreedAt: iso(r.agreedAt),
      handedAt: iso(r.handedAt),
      agendaItemId: r.agendaItemId,
      meetingId: m?.meetingId ?? null,
      meetingTitle: m?.title ?? null,
      version: r.version,
    };
  });
}

async function dtosOf(db: Db, actor: NetworkActor, eventId: string, rows: repo.RecommendationRow[]) {
  return recommendationDtos(db, actor.networkId, rows, await repo.sessionsOf(db, actor.networkId, eventId));
}

export async function listRecommendations(deps: Deps, actor: NetworkActor, eventId: string) {
  authorize(actor.role, 'events.read');
  await visibleEvent(deps.db, actor, eventId);
  return dtosOf(deps.db, actor, eventId, await repo.recommendationsOf(deps.db, actor.networkId, eventId));
}

/** The session and field named exist in the network (the session in this event). */
async function checkRefs(
  tx: Db,
  actor: NetworkActor,
  eventId: string,
  input: { sessionId?: string | null; fieldId?: string | null },
) {
  if (input.sessionId && !(await repo.sessionRow(tx, actor.networkId, eventId, input.sessionId)))
    throw notFound('Der Programmpunkt');
  if (input.fieldId) {
    const names = await fieldNames(tx, actor.networkId, [input.fieldId]);
    if (!names.has(input.fieldId)) throw notFound('Das Handlungsfeld');
  }
}

const stale = () =>
  staleVersion('events.recommendation_stale', 'Die Empfehlung', null, '. Bitte laden Sie die Seite neu.');

async function loadOne(tx: Db, actor: NetworkActor, eventId: string, id: string) {
  const [r] = await repo.recommendationRows(tx, actor.networkId, eventId, [id], true);
  if (!r) throw notFound('Die Empfehlung');
  return r;
}

export async function createRecommendation(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  input: RecommendationInput,
): Promise<Recommendation> {
  authorize(actor.role, 'events.recommend');
  const row = await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    await checkRefs(tx, actor, eventId, input);
    const existing = await repo.recommendationsOf(tx, actor.networkId, eventId);
    const r = await repo.insertRecommendation(tx, {
      networkId: actor.networkId,
      eventId,
      title: input.title,
      text: input.text ?? '',
      sessionId: input.sessionId ?? null,
      fieldId: input.fieldId ?? null,
      position: Math.max(0, ...existing.map((x) => x.position)) + 1,
      createdBy: actor.userId,
    });
    await addTraceLink(
      tx,
      actor,
      { kind: 'event', id: e.id },
      { kind: 'recommendation', id: r.id },
      'recommends',
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'recommendation',
      entityId: r.id,
      summary: `Empfehlung „${r.title}“ zu „${e.title}“ angelegt`,
      after: { title: r.title, text: r.text, sessionId: r.sessionId, fieldId: r.fieldId },
    });
    return r;
  });
  return (await dtosOf(deps.db, actor, eventId, [row]))[0]!;
}

/** Edits a draft or agreed recommendation; an agreed one goes back to draft (to be agreed again). */
export async function updateRecommendation(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  id: string,
  input: RecommendationPatch,
): Promise<Recommendation> {
  authorize(actor.role, 'events.recommend');
  const row = await deps.db.transaction(async (tx) => {
    await visibleEvent(tx, actor, eventId);
    const r = await loadOne(tx, actor, eventId, id);
    if (r.version !== input.version) throw stale();
    assertEditable(r.title, r.status);
    await checkRefs(tx, actor, eventId, input);
    const values = {
      title: input.title ?? r.title,
      text: input.text ?? r.text,
      sessionId: input.sessionId === undefined ? r.sessionId : input.sessionId,
      fieldId: input.fieldId === undefined ? r.fieldId : input.fieldId,
    };
    const changed =
      values.title !== r.title ||
      values.text !== r.text ||
      values.sessionId !== r.sessionId ||
      values.fieldId !== r.fieldId;
    const updated = await repo.updateRecommendation(tx, r.id, {
      ...values,
      ...(changed && r.status === 'agreed'
        ? { status: 'draft' as const, agreedAt: null, agreedBy: null }
        : {}),
      version: r.version + 1,
      updatedAt: deps.now(),
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'recommendation',
      entityId: r.id,
      summary: `Empfehlung „${updated.title}“ geändert`,
      before: { title: r.title, text: r.text, sessionId: r.sessionId, fieldId: r.fieldId, status: r.status },
      after: { ...values, status: updated.status },
    });
    return updated;
  });
  return (await dtosOf(deps.db, actor, eventId, [row]))[0]!;
}

async function step(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  id: string,
  input: RecommendationStep,
  kind: 'agree' | 'withdraw',
): Promise<Recommendation> {
  authorize(actor.role, 'events.recommend');
  const row = await deps.db.transaction(async (tx) => {
    await visibleEvent(tx, actor, eventId);
    const r = await loadOne(tx, actor, eventId, id);
    if (r.version !== input.version) throw stale();
    if (kind === 'agree') assertAgreeable(r.title, r.status);
    else assertWithdrawable(r.title, r.status);
    const updated = await repo.updateRecommendation(tx, r.id, {
      status: kind === 'agree' ? 'agreed' : 'withdrawn',
      ...(kind === 'agree' ? { agreedAt: deps.now(), agreedBy: actor.userId } : {}),
      version: r.version + 1,
      updatedAt: deps.now(),
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'recommendation',
      entityId: r.id,
      summary:
        kind === 'agree' ? `Der Empfehlung „${r.title}“ zugestimmt` : `Empfehlung „${r.title}“ zurückgezogen`,
      before: { status: r.status },
      after: { status: updated.status },
    });
    return updated;
  });
  return (await dtosOf(deps.db, actor, eventId, [row]))[0]!;
}

export const agreeRecommendation = (
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  id: string,
  input: RecommendationStep,
) => step(deps, actor, eventId, id, input, 'agree');

export const withdrawRecommendation = (
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  id: string,
  input: RecommendationStep,
) => step(deps, actor, eventId, id, input, 'withdraw');

/** The meetings still in planning (for the hand-over dialog) and the next one; none for who cannot read meetings. */
export async function plannedMeetings(
  deps: Deps,
  actor: NetworkActor,
): Promise<{ next: MeetingChoice | null; meetings: MeetingChoice[] }> {
  if (!can(actor.role, 'meetings.read')) return { next: null, meetings: [] };
  const now = deps.now().toISOString();
  const meetings = (await listMeetings(deps, actor))
    .filter((m) => (m.status === 'planned' || m.status === 'invited') && m.startsAt > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt }));
  const next = nextPlannedMeeting(
    meetings.map((m) => ({ ...m, status: 'planned' })),
    deps.now(),
  );
  return { next: next ? { id: next.id, title: next.title, startsAt: next.startsAt } : null, meetings };
}

/**
 * Hands agreed recommendations to the steering committee: each becomes a decision item (type
 * recommendation) at the end of the agenda of the next planned meeting, or of the chosen one, with
 * the recommendation's text as proposal. All or nothing, in one transaction, traced.
 */
export async function handRecommendations(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  input: HandInput,
): Promise<HandResult> {
  authorize(actor.role, 'events.manage');
  authorize(actor.role, 'steering.manage');
  const ids = [...new Set(input.ids)];
  let meetingId = input.meetingId ?? null;
  if (!meetingId) {
    const { next } = await plannedMeetings(deps, actor);
    if (!next) throw noMeetingPlanned();
    meetingId = next.id;
  }
  const { meeting, rows } = await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    const m = await loadMeeting(tx, actor, meetingId!, true);
    const recs = await repo.recommendationRows(tx, actor.networkId, eventId, ids, true);
    if (recs.length !== ids.length) throw notFound('Die Empfehlung');
    for (const r of recs) assertHandable(r);
    const handed: repo.RecommendationRow[] = [];
    for (const r of recs) {
      const item = await appendAgendaItem(tx, actor, m, {
        title: agendaTitle(e.title, r.title),
        kind: 'decision',
        decisionType: 'recommendation',
        public: false,
        fieldId: r.fieldId,
        proposal: agendaProposal(r),
        presenter: 'Bildungsbüro',
        durationMinutes: null,
      });
      const updated = await repo.updateRecommendation(tx, r.id, {
        status: 'handed',
        handedAt: deps.now(),
        agendaItemId: item.id,
        version: r.version + 1,
        updatedAt: deps.now(),
      });
      await addTraceLink(
        tx,
        actor,
        { kind: 'event', id: e.id },
        { kind: 'recommendation', id: r.id },
        'recommends',
      );
      await addTraceLink(
        tx,
        actor,
        { kind: 'recommendation', id: r.id },
        { kind: 'agenda_item', id: item.id },
        'proposed_as',
        deps.now(),
      );
      await recordAudit(tx, auditActorOf(actor), {
        action: 'update',
        entityType: 'recommendation',
        entityId: r.id,
        summary: `Empfehlung „${r.title}“ an den Lenkungskreis übergeben („${m.title}“)`,
        before: { status: r.status },
        after: { status: 'handed', agendaItemId: item.id, meetingId: m.id },
      });
      handed.push(updated);
    }
    return { meeting: m, rows: handed };
  });
  return {
    meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt.toISOString() },
    recommendations: await dtosOf(deps.db, actor, eventId, rows),
  };
}

/**
 * Records that agreed recommendations were already taken up by the steering committee, as decision items
 * on the agenda of a meeting (held or planned) — the hand-over of a year before this was recorded here,
 * as the demo network has it. Each becomes handed, names its item, and is traced like a hand-over
 * (event → recommends → recommendation → proposed_as → agenda item), in one transaction.
 */
export async function recordHandOver(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  pairs: Array<{ id: string; agendaItemId: string }>,
): Promise<Recommendation[]> {
  authorize(actor.role, 'events.manage');
  authorize(actor.role, 'steering.manage');
  const rows = await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    const meetings = await meetingsOfItems(
      tx,
      actor.networkId,
      pairs.map((p) => p.agendaItemId),
    );
    const handed: repo.RecommendationRow[] = [];
    for (const p of pairs) {
      const [r] = await repo.recommendationRows(tx, actor.networkId, eventId, [p.id], true);
      if (!r) throw notFound('Die Empfehlung');
      assertHandable(r);
      const m = meetings.get(p.agendaItemId);
      const item = m && (await agendaItemsOf(tx, m.meetingId)).find((i) => i.id === p.agendaItemId);
      if (!m || !item || item.kind !== 'decision') throw notFound('Der Tagesordnungspunkt');
      const updated = await repo.updateRecommendation(tx, r.id, {
        status: 'handed',
        handedAt: deps.now(),
        agendaItemId: item.id,
        version: r.version + 1,
        updatedAt: deps.now(),
      });
      await addTraceLink(
        tx,
        actor,
        { kind: 'event', id: e.id },
        { kind: 'recommendation', id: r.id },
        'recommends',
        deps.now(),
      );
      await addTraceLink(
        tx,
        actor,
        { kind: 'recommendation', id: r.id },
        { kind: 'agenda_item', id: item.id },
        'proposed_as',
        deps.now(),
      );
      await recordAudit(tx, auditActorOf(actor), {
        action: 'update',
        entityType: 'recommendation',
        entityId: r.id,
        summary: `Empfehlung „${r.title}“ dem TOP „${item.title}“ („${m.title}“) zugeordnet`,
        before: { status: r.status },
        after: { status: 'handed', agendaItemId: item.id, meetingId: m.meetingId },
      });
      handed.push(updated);
    }
    return handed;
  });
  return dtosOf(deps.db, actor, eventId, rows);
}
