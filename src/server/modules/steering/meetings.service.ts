import { randomBytes } from 'node:crypto';
import type { Meeting } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { berlinInstant } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import type { PageRequest } from '../../lib/keyset.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { itemsOf } from './agenda.repository.js';
import { runMeetingOpened } from './meeting-hooks.js';
import type { MeetingRow } from './meetings.repository.js';
import * as repo from './meetings.repository.js';
import { assertMayOpen, assertPlanning, nextSequence } from './meetings.rules.js';
import { notifyRecipients } from './steering.invitations.js';

/* Meetings: planning, invitation changes, cancellation, opening; and who of the network sees which. */

type MeetingInput = {
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  onlineUrl: string | null;
};

/** Times are typed as Berlin wall-clock time; the database converts them to instants. */
const meetingValues = (input: MeetingInput) => ({
  title: input.title,
  startsAt: berlinInstant(input.startsAt) as unknown as Date,
  endsAt: berlinInstant(input.endsAt) as unknown as Date,
  location: input.location,
  onlineUrl: input.onlineUrl,
});

export const meetingDto = (m: MeetingRow, minutesStatus: repo.MinutesStatus | null = null): Meeting => ({
  id: m.id,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  location: m.location,
  onlineUrl: m.onlineUrl,
  status: m.status,
  cancelReason: m.cancelReason,
  minutesStatus,
});

/** Only meetings after the meeting itself can have minutes; the others need no lookup. */
export async function minutesStatusOf(db: Db, rows: MeetingRow[]) {
  const after = rows.filter((m) => m.status === 'minutes_drafted' || m.status === 'minutes_approved');
  return repo.latestMinutesStatus(
    db,
    after.map((m) => m.id),
  );
}

/** The meeting of the actor's network, or "not found"; `lock` holds it for the caller's transaction. */
export async function loadMeeting(
  db: Db,
  actor: NetworkActor,
  meetingId: string,
  lock = false,
): Promise<MeetingRow> {
  const m = await repo.meetingById(db, actor.networkId, meetingId, lock);
  if (!m) throw notFound('Die Sitzung');
  return m;
}

/** The guest rows that invite this account to meetings of the network. */
const guestInvitations = (db: Db, actor: NetworkActor) =>
  repo.guestInvitationsOf(db, actor.networkId, actor.userId, actor.email);

/** Which items of a meeting the actor may see: all for members and office, invited ones for guests. */
export async function visibleItemIds(
  db: Db,
  actor: NetworkActor,
  meetingId: string,
): Promise<Set<string> | 'all'> {
  if (actor.role !== 'guest') return 'all';
  const invites = (await guestInvitations(db, actor)).filter((g) => g.meetingId === meetingId);
  if (invites.length === 0) throw notFound('Die Sitzung');
  if (invites.some((g) => g.itemId === null)) return 'all';
  return new Set(invites.map((g) => g.itemId!));
}

/** Newest first; `page` reads `rows` meetings after the one with id `after` (keyset, stable order). */
export async function listMeetings(deps: Deps, actor: NetworkActor, page?: PageRequest): Promise<Meeting[]> {
  authorize(actor.role, 'meetings.read');
  let ids: string[] | null = null;
  if (actor.role === 'guest')
    ids = [...new Set((await guestInvitations(deps.db, actor)).map((g) => g.meetingId))];
  if (ids && ids.length === 0) return [];
  const rows =
    ids === null && page
      ? await repo.meetingPage(deps.database, actor.networkId, page)
      : await repo.meetingsOf(deps.db, actor.networkId, ids, page);
  const minutes = await minutesStatusOf(deps.db, rows);
  return rows.map((m) => meetingDto(m, minutes.get(m.id) ?? null));
}

export async function createMeeting(deps: Deps, actor: NetworkActor, input: MeetingInput): Promise<Meeting> {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const m = await repo.insertMeeting(tx, {
      networkId: actor.networkId,
      ...meetingValues(input),
      icalUid: `${randomBytes(16).toString('hex')}@bildungsnetz`,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'meeting',
      entityId: m.id,
      summary: `Sitzung „${m.title}“ angelegt`,
      after: meetingDto(m),
    });
    return m;
  });
  return meetingDto(row);
}

/**
 * Plans several meetings at once ("zwei Sitzungen im Jahr"): all or none are created. Each is then an
 * ordinary meeting, moved or cancelled on its own.
 */
export async function createMeetingSeries(
  deps: Deps,
  actor: NetworkActor,
  inputs: MeetingInput[],
): Promise<Meeting[]> {
  authorize(actor.role, 'steering.manage');
  const rows = await deps.db.transaction(async (tx) => {
    const out: MeetingRow[] = [];
    for (const input of inputs) {
      const m = await repo.insertMeeting(tx, {
        networkId: actor.networkId,
        ...meetingValues(input),
        icalUid: `${randomBytes(16).toString('hex')}@bildungsnetz`,
      });
      out.push(m);
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'meeting',
      entityId: out[0]!.id,
      summary: `${out.length} Sitzungen geplant: ${out.map((m) => `„${m.title}“`).join(', ')}`,
      after: out.map((m) => meetingDto(m)),
    });
    return out;
  });
  return rows.map((m) => meetingDto(m));
}

export async function updateMeeting(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  input: MeetingInput,
): Promise<Meeting> {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const before = await loadMeeting(tx, actor, meetingId, true);
    assertPlanning(before.status);
    const m = await repo.updateMeetingRow(tx, meetingId, {
      ...meetingValues(input),
      icalSequence: nextSequence(before.status, before.icalSequence, 'update'),
    });
    // Everyone invited gets the change, with the next SEQUENCE for their calendar.
    if (before.status === 'invited') await notifyRecipients(tx, deps, actor, m, 'update');
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Sitzung „${m.title}“ geändert`,
      before: meetingDto(before),
      after: meetingDto(m),
    });
    return m;
  });
  return meetingDto(row);
}

export async function cancelMeeting(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  reason: string,
): Promise<Meeting> {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const before = await loadMeeting(tx, actor, meetingId, true);
    assertPlanning(before.status);
    const m = await repo.updateMeetingRow(tx, meetingId, {
      status: 'cancelled',
      cancelReason: reason,
      icalSequence: nextSequence(before.status, before.icalSequence, 'cancel'),
    });
    if (before.status === 'invited') await notifyRecipients(tx, deps, actor, m, 'cancel');
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Sitzung „${m.title}“ abgesagt: ${reason}`,
      before: { status: before.status },
      after: { status: 'cancelled', reason },
    });
    return m;
  });
  return meetingDto(row);
}

/** Opens the meeting for recording: from now on attendance and positions can be recorded. */
export async function holdMeeting(deps: Deps, actor: NetworkActor, meetingId: string): Promise<Meeting> {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const before = await loadMeeting(tx, actor, meetingId, true);
    assertMayOpen(before.status, before.startsAt, deps.now());
    const m = await repo.updateMeetingRow(tx, meetingId, { status: 'held' });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Sitzung „${m.title}“ eröffnet`,
      before: { status: before.status },
      after: { status: 'held' },
    });
    // What other modules do when a meeting opens (the office's progress reports are frozen).
    const itemIds = (await itemsOf(tx, m.id)).map((i) => i.id);
    await runMeetingOpened(tx, actor, m, itemIds, deps.now());
    return m;
  });
  return meetingDto(row);
}

/** Who receives the meeting's invitations, with their replies. */
export async function listRecipients(deps: Deps, actor: NetworkActor, meetingId: string) {
  authorize(actor.role, 'steering.manage');
  await loadMeeting(deps.db, actor, meetingId);
  const rows = await repo.recipientsOf(deps.db, meetingId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    kind: r.memberId ? ('member' as const) : ('guest' as const),
    memberId: r.memberId,
    reply: r.reply,
    replyChannel: r.replyChannel,
    invited: r.sentSequence !== null,
  }));
}
