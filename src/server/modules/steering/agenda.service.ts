import type { DecisionType, MeetingDetail } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import type { ItemRow } from './agenda.repository.js';
import * as repo from './agenda.repository.js';
import { assertMovable, assertMovesForward, assertSameItems, checkItem } from './agenda.rules.js';
import { getMeeting } from './meeting-view.service.js';
import type { MeetingRow } from './meetings.repository.js';
import { assertPlanning } from './meetings.rules.js';
import { loadMeeting } from './meetings.service.js';

/* The agenda of a meeting: items, their order and TOP numbers, moving an item to a later meeting. */

type ItemValues = {
  title: string;
  kind: ItemRow['kind'];
  decisionType: DecisionType | null;
  public: boolean;
  fieldId: string | null;
  proposal: string;
  presenter: string;
  durationMinutes: number | null;
  approvesMinutesOf?: string | null;
};

/** The item of the meeting in the actor's network, locked for the caller's transaction; or "not found". */
export async function loadItem(
  tx: Db,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
): Promise<ItemRow> {
  const i = await repo.lockItem(tx, actor.networkId, meetingId, itemId);
  if (!i) throw notFound('Der Tagesordnungspunkt');
  return i;
}

/** The meeting an item belongs to (other modules name it, e.g. where a report is already on the agenda). */
export async function meetingOfItem(tx: Db, actor: NetworkActor, itemId: string): Promise<MeetingRow> {
  const meetingId = await repo.meetingIdOfItem(tx, actor.networkId, itemId);
  if (!meetingId) throw notFound('Der Tagesordnungspunkt');
  return loadMeeting(tx, actor, meetingId);
}

/**
 * What an item refers to exists in the network: its field of action, and the meeting whose minutes it
 * approves, which must be an earlier one.
 */
async function checkReferences(tx: Db, actor: NetworkActor, m: MeetingRow, input: ItemValues) {
  if (input.fieldId) {
    const names = await fieldNames(tx, actor.networkId, [input.fieldId]);
    if (!names.has(input.fieldId)) throw notFound('Das Handlungsfeld');
  }
  if (!input.approvesMinutesOf) return;
  const earlier = await loadMeeting(tx, actor, input.approvesMinutesOf);
  if (earlier.startsAt >= m.startsAt) {
    throw new DomainError(
      'steering.minutes_target',
      'Genehmigt wird die Niederschrift einer früheren Sitzung.',
      'invalid',
    );
  }
}

export async function addAgendaItem(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  input: ItemValues,
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  checkItem(input);
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    await appendAgendaItem(tx, actor, m, input);
  });
  return getMeeting(deps, actor, meetingId);
}

/**
 * Puts an item at the end of a planned meeting's agenda, inside the caller's transaction (the meeting
 * loaded and locked by it): the agenda's own form, and other modules' offers such as the office report.
 */
export async function appendAgendaItem(
  tx: Db,
  actor: NetworkActor,
  m: MeetingRow,
  input: ItemValues,
): Promise<ItemRow> {
  authorize(actor.role, 'steering.manage');
  checkItem(input);
  assertPlanning(m.status);
  await checkReferences(tx, actor, m, input);
  const item = await repo.insertItem(tx, {
    ...input,
    decisionType: input.kind === 'decision' ? input.decisionType : null,
    networkId: actor.networkId,
    meetingId: m.id,
    position: (await repo.lastPosition(tx, m.id)) + 1,
  });
  await recordAudit(tx, auditActorOf(actor), {
    action: 'create',
    entityType: 'agenda_item',
    entityId: item.id,
    summary: `TOP „${item.title}“ in „${m.title}“ aufgenommen`,
    after: input,
  });
  return item;
}

/** The meeting of each given item (other modules that hand things to the committee show where they went). */
export async function meetingsOfItems(
  db: Db,
  networkId: string,
  itemIds: string[],
): Promise<Map<string, { meetingId: string; title: string; startsAt: Date }>> {
  const rows = await repo.meetingsOfItems(db, networkId, itemIds);
  return new Map(
    rows.map((r) => [r.itemId, { meetingId: r.meetingId, title: r.title, startsAt: r.startsAt }]),
  );
}

/** A meeting's items in agenda order (for other modules' offers, which look for their own item). */
export const agendaItemsOf = (db: Db, meetingId: string): Promise<ItemRow[]> => repo.itemsOf(db, meetingId);

/** Replaces the proposal text of an open item of a planned meeting (an offer that grows, like the office report). */
export async function setAgendaItemProposal(
  tx: Db,
  actor: NetworkActor,
  m: MeetingRow,
  item: ItemRow,
  proposal: string,
): Promise<void> {
  authorize(actor.role, 'steering.manage');
  assertPlanning(m.status);
  await repo.updateItemRow(tx, item.id, { proposal });
  await recordAudit(tx, auditActorOf(actor), {
    action: 'update',
    entityType: 'agenda_item',
    entityId: item.id,
    summary: `Beschlussvorschlag/Text von TOP „${item.title}“ aktualisiert`,
    before: { proposal: item.proposal },
    after: { proposal },
  });
}

export async function updateAgendaItem(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
  input: ItemValues,
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  checkItem(input);
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertPlanning(m.status);
    const before = await loadItem(tx, actor, meetingId, itemId);
    await checkReferences(tx, actor, m, input);
    await repo.updateItemRow(tx, itemId, {
      ...input,
      decisionType: input.kind === 'decision' ? input.decisionType : null,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'agenda_item',
      entityId: itemId,
      summary: `TOP „${input.title}“ geändert`,
      before,
      after: input,
    });
  });
  return getMeeting(deps, actor, meetingId);
}

/** New order of the agenda; the TOP numbers follow. The list must name every item exactly once. */
export async function reorderAgenda(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemIds: string[],
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertPlanning(m.status);
    const items = await repo.itemsOf(tx, m.id);
    assertSameItems(items, itemIds);
    for (const [i, id] of itemIds.entries()) {
      await repo.updateItemRow(tx, id, { position: i + 1 });
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'meeting',
      entityId: m.id,
      summary: `Tagesordnung von „${m.title}“ neu geordnet`,
      before: items.map((i) => i.title),
      after: itemIds.map((id) => items.find((i) => i.id === id)!.title),
    });
  });
  return getMeeting(deps, actor, meetingId);
}

/** Moves an item to a later meeting: a new item there, pointing back; papers go along. */
export async function moveAgendaItem(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
  toMeetingId: string,
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  const target = await deps.db.transaction(async (tx) => {
    const from = await loadMeeting(tx, actor, meetingId, true);
    const to = await loadMeeting(tx, actor, toMeetingId, true);
    assertPlanning(to.status);
    assertMovesForward(from.startsAt, to.startsAt);
    const item = await loadItem(tx, actor, meetingId, itemId);
    assertMovable(item.status);
    const { id: _id, createdAt: _c, position: _p, meetingId: _m, status: _s, movedFrom: _f, ...rest } = item;
    const moved = await repo.insertItem(tx, {
      ...rest,
      meetingId: to.id,
      position: (await repo.lastPosition(tx, to.id)) + 1,
      movedFrom: item.id,
    });
    await repo.updateItemRow(tx, item.id, { status: 'moved' });
    await repo.movePapers(tx, item.id, moved.id);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'agenda_item',
      entityId: item.id,
      summary: `TOP „${item.title}“ von „${from.title}“ nach „${to.title}“ verschoben`,
      before: { meetingId: from.id },
      after: { meetingId: to.id, itemId: moved.id },
    });
    return to.id;
  });
  return getMeeting(deps, actor, target);
}
