import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, max, or, sql } from 'drizzle-orm';
import type {
  AgendaItem,
  CommitteeMember,
  Decision,
  DecisionType,
  Meeting,
  MeetingDetail,
  Round,
} from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { user } from '../auth/auth.tables.js';
import { assertJointField, berlinDay, fieldNames } from '../contract/contract.service.js';
import { describeFiles, uploadFile } from '../files/files.service.js';
import { authorize, can } from '../networks/networks.policy.js';
import { consensusOutcome, outcomeMessage, type Participant } from './consensus.rules.js';
import { notifyRecipients } from './steering.invitations.js';
import { approveMinutes } from './steering.minutes.js';
import {
  advice,
  agendaItem,
  attendance,
  committeeMember,
  decision,
  decisionRound,
  guest,
  meeting,
  meetingRecipient,
  paper,
  paperVersion,
  position,
} from './steering.tables.js';

type MemberRow = typeof committeeMember.$inferSelect;
type MeetingRow = typeof meeting.$inferSelect;
type ItemRow = typeof agendaItem.$inferSelect;

const audit = auditActorOf;

// ---- members -----------------------------------------------------------------------------------

const memberDto = (m: MemberRow, today: string): CommitteeMember => ({
  id: m.id,
  name: m.name,
  email: m.email,
  side: m.side,
  function: m.function,
  institution: m.institution,
  voting: m.voting,
  termFrom: m.termFrom,
  termTo: m.termTo,
  deputyOf: m.deputyOf,
  active: m.termFrom <= today && (m.termTo === null || m.termTo >= today),
});

export async function listCommitteeMembers(deps: Deps, actor: NetworkActor): Promise<CommitteeMember[]> {
  authorize(actor.role, 'steering.read');
  if (actor.role === 'guest') throw notFound('Die Mitgliederliste');
  const rows = await deps.db
    .select()
    .from(committeeMember)
    .where(eq(committeeMember.networkId, actor.networkId))
    .orderBy(asc(committeeMember.side), asc(committeeMember.name));
  const today = berlinDay(deps.now());
  return rows.map((m) => memberDto(m, today));
}

type MemberValues = {
  name: string;
  email: string | null;
  side: MemberRow['side'];
  function: string;
  institution: string;
  voting: boolean;
  termFrom: string;
  termTo: string | null;
  deputyOf: string | null;
};

async function checkMember(tx: Db, actor: NetworkActor, input: MemberValues, selfId?: string) {
  if (input.termTo && input.termTo < input.termFrom) {
    throw new DomainError('steering.term_invalid', 'Die Amtszeit endet vor ihrem Beginn.', 'invalid');
  }
  if (input.side === 'office' && input.voting) {
    throw new DomainError(
      'steering.office_no_vote',
      'Mitarbeitende des Bildungsbüros nehmen ohne Stimmrecht teil.',
      'invalid',
    );
  }
  if (input.deputyOf) {
    const [principal] = await tx
      .select()
      .from(committeeMember)
      .where(and(eq(committeeMember.id, input.deputyOf), eq(committeeMember.networkId, actor.networkId)));
    if (!principal || principal.id === selfId) throw notFound('Das vertretene Mitglied');
    if (principal.deputyOf) {
      throw new DomainError(
        'steering.deputy_of_deputy',
        'Eine Stellvertretung kann nicht selbst vertreten werden.',
        'invalid',
      );
    }
  }
}

export async function createCommitteeMember(deps: Deps, actor: NetworkActor, input: MemberValues) {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    await checkMember(tx, actor, input);
    const [m] = await tx
      .insert(committeeMember)
      .values({ ...input, networkId: actor.networkId, calendarToken: randomBytes(24).toString('base64url') })
      .returning();
    await recordAudit(tx, audit(actor), {
      action: 'create',
      entityType: 'committee_member',
      entityId: m!.id,
      summary: `${m!.name} in den Lenkungskreis aufgenommen`,
      after: input,
    });
    return m!;
  });
  return memberDto(row, berlinDay(deps.now()));
}

export async function updateCommitteeMember(
  deps: Deps,
  actor: NetworkActor,
  memberId: string,
  input: MemberValues,
) {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(committeeMember)
      .where(and(eq(committeeMember.id, memberId), eq(committeeMember.networkId, actor.networkId)))
      .for('update');
    if (!before) throw notFound('Das Mitglied');
    await checkMember(tx, actor, input, memberId);
    const [m] = await tx
      .update(committeeMember)
      .set(input)
      .where(eq(committeeMember.id, memberId))
      .returning();
    const { calendarToken: _a, ...b } = before;
    await recordAudit(tx, audit(actor), {
      action: 'update',
      entityType: 'committee_member',
      entityId: memberId,
      summary: `Mitgliedschaft von ${m!.name} geändert`,
      before: b,
      after: input,
    });
    return m!;
  });
  return memberDto(row, berlinDay(deps.now()));
}

// ---- meetings ----------------------------------------------------------------------------------

/** Wall-clock time in Europe/Berlin (as typed) → the instant, by PostgreSQL's time zone rules. */
const berlin = (local: string) => sql`(${local.replace('T', ' ')}::timestamp AT TIME ZONE 'Europe/Berlin')`;

const meetingDto = (m: MeetingRow): Meeting => ({
  id: m.id,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  location: m.location,
  onlineUrl: m.onlineUrl,
  status: m.status,
  cancelReason: m.cancelReason,
});

/** The guest rows that invite this account to meetings of the network. */
async function guestInvitations(db: Db, actor: NetworkActor) {
  return db
    .select()
    .from(guest)
    .where(
      and(
        eq(guest.networkId, actor.networkId),
        // Linked at invitation time, or invited by the address before the account existed.
        or(eq(guest.userId, actor.userId), sql`lower(${guest.email}) = lower(${actor.email})`),
      ),
    );
}

/** Newest first; `page` reads `rows` meetings after the one with id `after` (keyset, stable order). */
export async function listMeetings(
  deps: Deps,
  actor: NetworkActor,
  page?: { rows: number; after?: string },
): Promise<Meeting[]> {
  authorize(actor.role, 'steering.read');
  let ids: string[] | null = null;
  if (actor.role === 'guest')
    ids = [...new Set((await guestInvitations(deps.db, actor)).map((g) => g.meetingId))];
  if (ids && ids.length === 0) return [];
  const q = deps.db
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.networkId, actor.networkId),
        ids ? inArray(meeting.id, ids) : undefined,
        page?.after
          ? sql`(${meeting.startsAt}, ${meeting.id}) < (SELECT starts_at, id FROM meeting WHERE id = ${page.after} AND network_id = ${actor.networkId})`
          : undefined,
      ),
    )
    .orderBy(desc(meeting.startsAt), desc(meeting.id));
  const rows = page ? await q.limit(page.rows) : await q;
  return rows.map(meetingDto);
}

async function loadMeeting(
  db: Db,
  actor: NetworkActor,
  meetingId: string,
  lock = false,
): Promise<MeetingRow> {
  const q = db
    .select()
    .from(meeting)
    .where(and(eq(meeting.id, meetingId), eq(meeting.networkId, actor.networkId)));
  const [m] = lock ? await q.for('update') : await q;
  if (!m) throw notFound('Die Sitzung');
  return m;
}

export async function createMeeting(
  deps: Deps,
  actor: NetworkActor,
  input: { title: string; startsAt: string; endsAt: string; location: string; onlineUrl: string | null },
): Promise<Meeting> {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(meeting)
      .values({
        networkId: actor.networkId,
        title: input.title,
        startsAt: berlin(input.startsAt) as unknown as Date,
        endsAt: berlin(input.endsAt) as unknown as Date,
        location: input.location,
        onlineUrl: input.onlineUrl,
        icalUid: `${randomBytes(16).toString('hex')}@bildungsnetz`,
      })
      .returning();
    await recordAudit(tx, audit(actor), {
      action: 'create',
      entityType: 'meeting',
      entityId: m!.id,
      summary: `Sitzung „${m!.title}“ angelegt`,
      after: meetingDto(m!),
    });
    return m!;
  });
  return meetingDto(row);
}

const editable = (m: MeetingRow) => {
  if (m.status !== 'planned' && m.status !== 'invited') {
    throw new DomainError(
      'steering.meeting_closed',
      m.status === 'cancelled'
        ? 'Die Sitzung ist abgesagt.'
        : 'Die Sitzung hat bereits stattgefunden; ihre Planung ist abgeschlossen.',
      'conflict',
    );
  }
};

export async function updateMeeting(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  input: { title: string; startsAt: string; endsAt: string; location: string; onlineUrl: string | null },
): Promise<Meeting> {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const before = await loadMeeting(tx, actor, meetingId, true);
    editable(before);
    const [m] = await tx
      .update(meeting)
      .set({
        title: input.title,
        startsAt: berlin(input.startsAt) as unknown as Date,
        endsAt: berlin(input.endsAt) as unknown as Date,
        location: input.location,
        onlineUrl: input.onlineUrl,
        // Invitations already out: the next calendar message is an update.
        icalSequence: before.status === 'invited' ? before.icalSequence + 1 : before.icalSequence,
      })
      .where(eq(meeting.id, meetingId))
      .returning();
    // Everyone invited gets the change, with the next SEQUENCE for their calendar.
    if (before.status === 'invited') await notifyRecipients(tx, deps, actor, m!, 'update');
    await recordAudit(tx, audit(actor), {
      action: 'update',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Sitzung „${m!.title}“ geändert`,
      before: meetingDto(before),
      after: meetingDto(m!),
    });
    return m!;
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
    editable(before);
    const [m] = await tx
      .update(meeting)
      .set({ status: 'cancelled', cancelReason: reason, icalSequence: before.icalSequence + 1 })
      .where(eq(meeting.id, meetingId))
      .returning();
    if (before.status === 'invited') await notifyRecipients(tx, deps, actor, m!, 'cancel');
    await recordAudit(tx, audit(actor), {
      action: 'update',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Sitzung „${m!.title}“ abgesagt: ${reason}`,
      before: { status: before.status },
      after: { status: 'cancelled', reason },
    });
    return m!;
  });
  return meetingDto(row);
}

/** Opens the meeting for recording: from now on attendance and positions can be recorded. */
export async function holdMeeting(deps: Deps, actor: NetworkActor, meetingId: string): Promise<Meeting> {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const before = await loadMeeting(tx, actor, meetingId, true);
    editable(before);
    // One hour of leeway for setting up the room; not days ahead.
    if (before.startsAt.getTime() - deps.now().getTime() > 3_600_000) {
      throw new DomainError(
        'steering.meeting_not_started',
        'Die Sitzung hat noch nicht begonnen. Anwesenheit und Beschlüsse werden erst in der Sitzung erfasst.',
        'conflict',
      );
    }
    const [m] = await tx.update(meeting).set({ status: 'held' }).where(eq(meeting.id, meetingId)).returning();
    await recordAudit(tx, audit(actor), {
      action: 'update',
      entityType: 'meeting',
      entityId: meetingId,
      summary: `Sitzung „${m!.title}“ eröffnet`,
      before: { status: before.status },
      after: { status: 'held' },
    });
    return m!;
  });
  return meetingDto(row);
}

/** Which items of a meeting the actor may see: all for members and office, invited ones for guests. */
async function visibleItemIds(db: Db, actor: NetworkActor, meetingId: string): Promise<Set<string> | 'all'> {
  if (actor.role !== 'guest') return 'all';
  const invites = (await guestInvitations(db, actor)).filter((g) => g.meetingId === meetingId);
  if (invites.length === 0) throw notFound('Die Sitzung');
  if (invites.some((g) => g.itemId === null)) return 'all';
  return new Set(invites.map((g) => g.itemId!));
}

export async function getMeeting(deps: Deps, actor: NetworkActor, meetingId: string): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.read');
  const m = await loadMeeting(deps.db, actor, meetingId);
  const visible = await visibleItemIds(deps.db, actor, meetingId);
  // Moved items stay listed (status "moved") so the agenda keeps its history.
  const items = await deps.db
    .select()
    .from(agendaItem)
    .where(eq(agendaItem.meetingId, m.id))
    .orderBy(asc(agendaItem.position));
  // An item moved to a later meeting lives on there (pointing back); here it leaves the agenda, so the
  // TOP numbers match the invitation mails, the agenda PDF and the minutes.
  const numbered = items.filter((i) => i.status !== 'moved').map((item, i) => ({ item, number: i + 1 }));
  const shown = numbered.filter(({ item }) => visible === 'all' || visible.has(item.id));
  const papers = await papersOf(
    deps.db,
    actor.networkId,
    shown.map(({ item }) => item.id),
  );
  const names = await fieldNames(
    deps.db,
    actor.networkId,
    shown.map(({ item }) => item.fieldId).filter((x): x is string => !!x),
  );
  const isGuest = actor.role === 'guest';
  const [guests, att] = await Promise.all([
    isGuest
      ? Promise.resolve([])
      : deps.db.select().from(guest).where(eq(guest.meetingId, m.id)).orderBy(asc(guest.createdAt)),
    isGuest ? Promise.resolve([]) : deps.db.select().from(attendance).where(eq(attendance.meetingId, m.id)),
  ]);
  return {
    ...meetingDto(m),
    items: shown.map(({ item, number }) =>
      itemDto(
        item,
        number,
        papers.get(item.id) ?? [],
        item.fieldId ? (names.get(item.fieldId) ?? null) : null,
      ),
    ),
    guests: guests.map((g) => ({
      id: g.id,
      name: g.name,
      email: g.email,
      topic: g.topic,
      itemId: g.itemId,
      present: g.present,
    })),
    attendance: att.map((a) => ({ memberId: a.memberId, status: a.status, deputyId: a.deputyId })),
    viewerIsGuest: isGuest,
  };
}

const itemDto = (
  i: ItemRow,
  number: number,
  papers: AgendaItem['papers'],
  fieldName: string | null,
): AgendaItem => ({
  id: i.id,
  number,
  title: i.title,
  kind: i.kind,
  decisionType: i.decisionType,
  public: i.public,
  fieldId: i.fieldId,
  fieldName,
  proposal: i.proposal,
  presenter: i.presenter,
  durationMinutes: i.durationMinutes,
  status: i.status,
  movedFrom: i.movedFrom,
  approvesMinutesOf: i.approvesMinutesOf,
  papers,
});

async function papersOf(db: Db, networkId: string, itemIds: string[]) {
  const out = new Map<string, AgendaItem['papers']>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .select({ p: paper, v: paperVersion })
    .from(paper)
    .innerJoin(paperVersion, eq(paperVersion.paperId, paper.id))
    .where(inArray(paper.itemId, itemIds))
    .orderBy(asc(paper.createdAt), asc(paperVersion.version));
  const files = await describeFiles(
    db,
    networkId,
    rows.map((r) => r.v.fileId),
  );
  for (const { p, v } of rows) {
    const list = out.get(p.itemId) ?? [];
    let entry = list.find((x) => x.id === p.id);
    if (!entry) {
      entry = { id: p.id, title: p.title, versions: [] };
      list.push(entry);
    }
    entry.versions.push({
      version: v.version,
      fileId: v.fileId,
      name: files.get(v.fileId)?.name ?? '',
      createdAt: v.createdAt.toISOString(),
    });
    out.set(p.itemId, list);
  }
  return out;
}

// ---- agenda ------------------------------------------------------------------------------------

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

function checkItem(input: ItemValues) {
  if (input.approvesMinutesOf && !(input.kind === 'decision' && input.decisionType === 'procedural')) {
    throw new DomainError(
      'steering.minutes_item_procedural',
      'Die Genehmigung einer Niederschrift ist ein Verfahrensbeschluss.',
      'invalid',
    );
  }
  if (input.kind === 'decision' && !input.decisionType) {
    throw new DomainError(
      'steering.decision_type_missing',
      'Bitte wählen Sie die Art des Beschlusses.',
      'invalid',
    );
  }
  if (input.kind === 'decision' && input.proposal.length < 3) {
    throw new DomainError(
      'steering.proposal_missing',
      'Ein Beschlusspunkt braucht einen Beschlussvorschlag.',
      'invalid',
    );
  }
  if (input.kind === 'decision' && input.decisionType !== 'procedural' && !input.fieldId) {
    throw new DomainError(
      'steering.field_missing',
      'Beschlüsse über Ziele, Arbeitsplanungen und Arbeitsaufträge brauchen ein Handlungsfeld.',
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
    editable(m);
    if (input.fieldId) await fieldNamesOrFail(tx, actor, input.fieldId);
    await checkMinutesTarget(tx, actor, m, input.approvesMinutesOf);
    const [last] = await tx
      .select({ n: max(agendaItem.position) })
      .from(agendaItem)
      .where(eq(agendaItem.meetingId, m.id));
    const [item] = await tx
      .insert(agendaItem)
      .values({
        ...input,
        decisionType: input.kind === 'decision' ? input.decisionType : null,
        networkId: actor.networkId,
        meetingId: m.id,
        position: (last?.n ?? 0) + 1,
      })
      .returning();
    await recordAudit(tx, audit(actor), {
      action: 'create',
      entityType: 'agenda_item',
      entityId: item!.id,
      summary: `TOP „${item!.title}“ in „${m.title}“ aufgenommen`,
      after: input,
    });
  });
  return getMeeting(deps, actor, meetingId);
}

/** An item approving minutes must name an earlier meeting of the same network. */
async function checkMinutesTarget(
  tx: Db,
  actor: NetworkActor,
  m: MeetingRow,
  target: string | null | undefined,
) {
  if (!target) return;
  const earlier = await loadMeeting(tx, actor, target);
  if (earlier.startsAt >= m.startsAt) {
    throw new DomainError(
      'steering.minutes_target',
      'Genehmigt wird die Niederschrift einer früheren Sitzung.',
      'invalid',
    );
  }
}

async function fieldNamesOrFail(tx: Db, actor: NetworkActor, fieldId: string) {
  const names = await fieldNames(tx, actor.networkId, [fieldId]);
  if (!names.has(fieldId)) throw notFound('Das Handlungsfeld');
}

async function loadItem(tx: Db, actor: NetworkActor, meetingId: string, itemId: string): Promise<ItemRow> {
  const [i] = await tx
    .select()
    .from(agendaItem)
    .where(
      and(
        eq(agendaItem.id, itemId),
        eq(agendaItem.meetingId, meetingId),
        eq(agendaItem.networkId, actor.networkId),
      ),
    )
    .for('update');
  if (!i) throw notFound('Der Tagesordnungspunkt');
  return i;
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
    editable(m);
    const before = await loadItem(tx, actor, meetingId, itemId);
    if (input.fieldId) await fieldNamesOrFail(tx, actor, input.fieldId);
    await checkMinutesTarget(tx, actor, m, input.approvesMinutesOf);
    await tx
      .update(agendaItem)
      .set({ ...input, decisionType: input.kind === 'decision' ? input.decisionType : null })
      .where(eq(agendaItem.id, itemId));
    await recordAudit(tx, audit(actor), {
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
    editable(m);
    const items = await tx
      .select()
      .from(agendaItem)
      .where(eq(agendaItem.meetingId, m.id))
      .orderBy(asc(agendaItem.position));
    const same =
      items.length === itemIds.length &&
      new Set(itemIds).size === itemIds.length &&
      items.every((i) => itemIds.includes(i.id));
    if (!same) {
      throw new DomainError(
        'steering.reorder_mismatch',
        'Die neue Reihenfolge muss jeden Tagesordnungspunkt genau einmal enthalten.',
        'invalid',
      );
    }
    for (const [i, id] of itemIds.entries()) {
      await tx
        .update(agendaItem)
        .set({ position: i + 1 })
        .where(eq(agendaItem.id, id));
    }
    await recordAudit(tx, audit(actor), {
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
    editable(to);
    if (to.startsAt <= from.startsAt) {
      throw new DomainError(
        'steering.move_backwards',
        'Ein Tagesordnungspunkt kann nur in eine spätere Sitzung verschoben werden.',
        'invalid',
      );
    }
    const item = await loadItem(tx, actor, meetingId, itemId);
    if (item.status === 'decided' || item.status === 'moved') {
      throw new DomainError(
        'steering.item_closed',
        'Dieser Tagesordnungspunkt ist bereits erledigt.',
        'conflict',
      );
    }
    const [last] = await tx
      .select({ n: max(agendaItem.position) })
      .from(agendaItem)
      .where(eq(agendaItem.meetingId, to.id));
    const { id: _id, createdAt: _c, position: _p, meetingId: _m, status: _s, movedFrom: _f, ...rest } = item;
    const [moved] = await tx
      .insert(agendaItem)
      .values({ ...rest, meetingId: to.id, position: (last?.n ?? 0) + 1, movedFrom: item.id })
      .returning();
    await tx.update(agendaItem).set({ status: 'moved' }).where(eq(agendaItem.id, item.id));
    await tx.update(paper).set({ itemId: moved!.id }).where(eq(paper.itemId, item.id));
    await recordAudit(tx, audit(actor), {
      action: 'update',
      entityType: 'agenda_item',
      entityId: item.id,
      summary: `TOP „${item.title}“ von „${from.title}“ nach „${to.title}“ verschoben`,
      before: { meetingId: from.id },
      after: { meetingId: to.id, itemId: moved!.id },
    });
    return to.id;
  });
  return getMeeting(deps, actor, target);
}

export async function addPaper(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
  input: { title: string; paperId: string | null; fileName: string; content: Buffer },
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    await loadMeeting(tx, actor, meetingId, true);
    const item = await loadItem(tx, actor, meetingId, itemId);
    // Papers are served through their item, so the file itself is visible to the office only.
    const file = await uploadFile(
      deps,
      actor,
      { fileName: input.fileName, content: input.content, visibility: 'office' },
      tx,
    );
    let paperId = input.paperId;
    let version = 1;
    if (paperId) {
      const [p] = await tx
        .select()
        .from(paper)
        .where(and(eq(paper.id, paperId), eq(paper.itemId, item.id)));
      if (!p) throw notFound('Die Vorlage');
      const [last] = await tx
        .select({ n: max(paperVersion.version) })
        .from(paperVersion)
        .where(eq(paperVersion.paperId, p.id));
      version = (last?.n ?? 0) + 1;
    } else {
      const [p] = await tx
        .insert(paper)
        .values({ networkId: actor.networkId, itemId: item.id, title: input.title })
        .returning();
      paperId = p!.id;
    }
    await tx.insert(paperVersion).values({ networkId: actor.networkId, paperId, version, fileId: file.id });
    await recordAudit(tx, audit(actor), {
      action: 'create',
      entityType: 'paper',
      entityId: paperId,
      summary: `Vorlage „${input.title}“ (Fassung ${version}) zu TOP „${item.title}“`,
      after: { title: input.title, version, fileId: file.id, sha512: file.sha512 },
    });
  });
  return getMeeting(deps, actor, meetingId);
}

/** The file of a paper version, if the actor may see the item; otherwise "not found". */
export async function openPaper(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
  paperId: string,
  version: number,
) {
  authorize(actor.role, 'steering.read');
  await loadMeeting(deps.db, actor, meetingId);
  const visible = await visibleItemIds(deps.db, actor, meetingId);
  if (visible !== 'all' && !visible.has(itemId)) throw notFound('Die Vorlage');
  const [row] = await deps.db
    .select({ fileId: paperVersion.fileId })
    .from(paperVersion)
    .innerJoin(paper, eq(paper.id, paperVersion.paperId))
    .innerJoin(agendaItem, eq(agendaItem.id, paper.itemId))
    .where(
      and(
        eq(paper.id, paperId),
        eq(paper.itemId, itemId),
        eq(agendaItem.meetingId, meetingId),
        eq(paperVersion.version, version),
        eq(paper.networkId, actor.networkId),
      ),
    );
  if (!row) throw notFound('Die Vorlage');
  return row.fileId;
}

// ---- guests and attendance ---------------------------------------------------------------------

export async function inviteGuest(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  input: { name: string; email: string | null; topic: string; itemId: string | null },
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    editable(m);
    if (input.itemId) await loadItem(tx, actor, meetingId, input.itemId);
    // A guest with an account (role guest in this network) sees the invited items in the app.
    const [account] = input.email
      ? await tx.select({ id: user.id }).from(user).where(sql`lower(${user.email}) = lower(${input.email})`)
      : [];
    const [g] = await tx
      .insert(guest)
      .values({ ...input, networkId: actor.networkId, meetingId: m.id, userId: account?.id ?? null })
      .returning();
    await recordAudit(tx, audit(actor), {
      action: 'create',
      entityType: 'guest',
      entityId: g!.id,
      summary: `${input.name} als Gast (beratend) zu „${m.title}“ eingeladen`,
      after: input,
    });
  });
  return getMeeting(deps, actor, meetingId);
}

function requireHeld(m: MeetingRow) {
  if (m.status !== 'held') {
    throw new DomainError(
      'steering.meeting_not_held',
      m.status === 'planned' || m.status === 'invited'
        ? 'Die Sitzung ist noch nicht eröffnet. Eröffnen Sie sie zu Beginn, dann lassen sich Anwesenheit und Beschlüsse erfassen.'
        : 'Für diese Sitzung werden keine Anwesenheiten oder Beschlüsse mehr erfasst.',
      'conflict',
    );
  }
}

export async function recordAttendance(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  entries: Array<{
    memberId: string;
    status: 'present' | 'represented' | 'excused' | 'absent';
    deputyId: string | null;
  }>,
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    requireHeld(m);
    const members = await tx
      .select()
      .from(committeeMember)
      .where(eq(committeeMember.networkId, actor.networkId));
    const byId = new Map(members.map((x) => [x.id, x]));
    for (const e of entries) {
      const member = byId.get(e.memberId);
      if (!member) throw notFound('Das Mitglied');
      if (e.status === 'represented') {
        const deputy = e.deputyId ? byId.get(e.deputyId) : undefined;
        if (!deputy || deputy.deputyOf !== member.id) {
          throw new DomainError(
            'steering.deputy_invalid',
            `${member.name} kann nur durch die eigene Stellvertretung vertreten werden.`,
            'invalid',
          );
        }
      }
      await tx
        .insert(attendance)
        .values({
          networkId: actor.networkId,
          meetingId: m.id,
          memberId: e.memberId,
          status: e.status,
          deputyId: e.status === 'represented' ? e.deputyId : null,
        })
        .onConflictDoUpdate({
          target: [attendance.meetingId, attendance.memberId],
          set: { status: e.status, deputyId: e.status === 'represented' ? e.deputyId : null },
        });
    }
    await recordAudit(tx, audit(actor), {
      action: 'update',
      entityType: 'attendance',
      entityId: m.id,
      summary: `Anwesenheit in „${m.title}“ erfasst`,
      after: entries,
    });
  });
  return getMeeting(deps, actor, meetingId);
}

// ---- deciding ----------------------------------------------------------------------------------

const decisionPrefix = 'LK';

/**
 * Records one round on a decision item: every entitled person's position, the guests' advice, and
 * the outcome by the consensus rule. A taken decision must pass the scope guard for the meeting's day
 * (except procedural ones) and gets the next number of the year; a blocked round is kept with what
 * happens next (reworked, deferred, withdrawn).
 */
export async function recordRound(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
  input: {
    proposal: string;
    positions: Array<{ memberId: string; stance: 'consent' | 'stand_aside' | 'objection'; reason: string }>;
    advice: Array<{ guestId: string; text: string }>;
    resolution: 'reworked' | 'deferred' | 'withdrawn' | null;
  },
): Promise<Round> {
  authorize(actor.role, 'steering.manage');
  const roundId = await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    requireHeld(m);
    const item = await loadItem(tx, actor, meetingId, itemId);
    if (item.kind !== 'decision') {
      throw new DomainError(
        'steering.not_a_decision',
        'Zu diesem Tagesordnungspunkt ist kein Beschluss vorgesehen.',
        'invalid',
      );
    }
    if (item.status !== 'open') {
      throw new DomainError(
        'steering.item_closed',
        'Über diesen Tagesordnungspunkt ist bereits entschieden.',
        'conflict',
      );
    }
    const day = berlinDay(m.startsAt);
    const members = await tx
      .select()
      .from(committeeMember)
      .where(eq(committeeMember.networkId, actor.networkId));
    const att = new Map(
      (await tx.select().from(attendance).where(eq(attendance.meetingId, m.id))).map((a) => [a.memberId, a]),
    );
    const principals = members.filter(
      (x) => !x.deputyOf && x.termFrom <= day && (x.termTo === null || x.termTo >= day),
    );
    const participants: Participant[] = principals.map((x) => ({
      memberId: x.id,
      side: x.side,
      voting: x.voting,
      presence: att.get(x.id)?.status ?? 'absent',
    }));
    const byId = new Map(participants.map((p) => [p.memberId, p]));
    const seen = new Set<string>();
    for (const p of input.positions) {
      const part = byId.get(p.memberId);
      const name = members.find((x) => x.id === p.memberId)?.name ?? 'Diese Person';
      if (!part?.voting || (part.presence !== 'present' && part.presence !== 'represented')) {
        throw new DomainError(
          'steering.position_not_entitled',
          `${name} ist nicht stimmberechtigt anwesend; eine Position kann nicht erfasst werden. Rat von Gästen wird gesondert festgehalten.`,
          'invalid',
        );
      }
      if (seen.has(p.memberId))
        throw new DomainError(
          'steering.position_twice',
          `Für ${name} ist die Position doppelt angegeben.`,
          'invalid',
        );
      seen.add(p.memberId);
      part.stance = p.stance;
    }
    const outcome = consensusOutcome(participants);
    const guests = await tx.select().from(guest).where(eq(guest.meetingId, m.id));
    for (const a of input.advice) {
      if (!guests.some((g) => g.id === a.guestId)) throw notFound('Der Gast');
    }
    if (!outcome.taken && !input.resolution) {
      throw new DomainError(
        'steering.resolution_required',
        `${outcomeMessage(outcome)} Bitte wählen Sie: überarbeiten, vertagen oder zurückziehen.`,
        'rule',
        outcome,
      );
    }
    let scopeVersion: string | null = null;
    if (outcome.taken && item.decisionType !== 'procedural') {
      // Throws, naming the owner, when the field is not joint business on the meeting's day.
      scopeVersion = (await assertJointField(tx, actor.networkId, item.fieldId!, day)).version!.id;
    }
    const [last] = await tx
      .select({ n: max(decisionRound.round) })
      .from(decisionRound)
      .where(eq(decisionRound.itemId, item.id));
    const [round] = await tx
      .insert(decisionRound)
      .values({
        networkId: actor.networkId,
        itemId: item.id,
        round: (last?.n ?? 0) + 1,
        proposal: input.proposal,
        outcome: outcome.taken ? 'taken' : 'blocked',
        reason: outcome.taken ? null : outcome.reason,
        resolution: outcome.taken ? null : input.resolution,
        recordedBy: actor.userId,
      })
      .returning();
    const deputies = new Map(members.filter((x) => x.deputyOf).map((x) => [x.deputyOf!, x.id]));
    if (input.positions.length > 0) {
      await tx.insert(position).values(
        input.positions.map((p) => ({
          networkId: actor.networkId,
          roundId: round!.id,
          memberId: p.memberId,
          castBy:
            byId.get(p.memberId)!.presence === 'represented'
              ? (att.get(p.memberId)?.deputyId ?? deputies.get(p.memberId) ?? null)
              : null,
          stance: p.stance,
          reason: p.reason || null,
        })),
      );
    }
    if (input.advice.length > 0) {
      await tx
        .insert(advice)
        .values(input.advice.map((a) => ({ ...a, networkId: actor.networkId, itemId: item.id })));
    }
    if (outcome.taken) {
      const number = await insertDecision(tx, actor.networkId, {
        itemId: item.id,
        roundId: round!.id,
        type: item.decisionType!,
        fieldId: item.fieldId,
        contractVersionId: scopeVersion,
        title: item.title,
        text: input.proposal,
        decidedOn: day,
      });
      // A procedural decision approving earlier minutes freezes them.
      if (item.approvesMinutesOf) await approveMinutes(tx, actor, item.approvesMinutesOf, number);
      await tx
        .update(agendaItem)
        .set({ status: 'decided', proposal: input.proposal })
        .where(eq(agendaItem.id, item.id));
      await recordAudit(tx, audit(actor), {
        action: 'create',
        entityType: 'decision',
        entityId: round!.id,
        summary: `Beschluss ${number} „${item.title}“ gefasst`,
        after: { number, text: input.proposal, positions: input.positions },
      });
    } else {
      const next = input.resolution === 'reworked' ? 'open' : input.resolution!;
      await tx
        .update(agendaItem)
        .set({ status: next === 'open' ? 'open' : next })
        .where(eq(agendaItem.id, item.id));
      await recordAudit(tx, audit(actor), {
        action: 'create',
        entityType: 'decision_round',
        entityId: round!.id,
        summary: `TOP „${item.title}“: Runde ${round!.round} nicht beschlossen (${outcomeMessage(outcome)})`,
        after: { outcome, resolution: input.resolution, positions: input.positions },
      });
    }
    return round!.id;
  });
  return (await roundsOf(deps, actor, meetingId, itemId)).find((r) => r.id === roundId)!;
}

export async function roundsOf(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
): Promise<Round[]> {
  authorize(actor.role, 'steering.read');
  await loadMeeting(deps.db, actor, meetingId);
  const visible = await visibleItemIds(deps.db, actor, meetingId);
  if (visible !== 'all' && !visible.has(itemId)) throw notFound('Der Tagesordnungspunkt');
  const rounds = await deps.db
    .select()
    .from(decisionRound)
    .where(and(eq(decisionRound.itemId, itemId), eq(decisionRound.networkId, actor.networkId)))
    .orderBy(asc(decisionRound.round));
  if (rounds.length === 0) return [];
  const positions = await deps.db
    .select()
    .from(position)
    .where(
      inArray(
        position.roundId,
        rounds.map((r) => r.id),
      ),
    );
  const members = new Map(
    (await deps.db.select().from(committeeMember).where(eq(committeeMember.networkId, actor.networkId))).map(
      (m) => [m.id, m.name],
    ),
  );
  const numbers = new Map(
    (
      await deps.db
        .select({ roundId: decision.roundId, number: decision.number })
        .from(decision)
        .where(eq(decision.itemId, itemId))
    ).map((d) => [d.roundId, d.number]),
  );
  return rounds.map((r) => ({
    id: r.id,
    round: r.round,
    proposal: r.proposal,
    outcome: r.outcome,
    reason: r.reason,
    message: outcomeMessage(
      r.outcome === 'taken' ? { taken: true } : { taken: false, reason: r.reason as 'objection' },
    ),
    resolution: r.resolution,
    positions: positions
      .filter((p) => p.roundId === r.id)
      .map((p) => ({
        memberId: p.memberId,
        memberName: members.get(p.memberId) ?? '',
        castBy: p.castBy ? (members.get(p.castBy) ?? null) : null,
        stance: p.stance,
        reason: p.reason,
      })),
    decisionNumber: numbers.get(r.id) ?? null,
  }));
}

// ---- register ----------------------------------------------------------------------------------

export async function listDecisions(
  deps: Deps,
  actor: NetworkActor,
  q: {
    year?: number;
    fieldId?: string;
    type?: DecisionType;
    status?: 'open' | 'in_progress' | 'done';
    q?: string;
  },
  /** Keyset page: `rows` decisions after the one with id `after`, in the register's order. */
  page?: { rows: number; after?: string },
): Promise<Decision[]> {
  authorize(actor.role, 'steering.read');
  if (actor.role === 'guest') throw notFound('Die Beschlusssammlung');
  const query = deps.db
    .select({
      d: decision,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      rounds: sql<number>`(SELECT count(*)::int FROM decision_round r WHERE r.item_id = ${decision.itemId})`,
    })
    .from(decision)
    .leftJoin(agendaItem, eq(agendaItem.id, decision.itemId))
    .leftJoin(meeting, eq(meeting.id, agendaItem.meetingId))
    .where(
      and(
        eq(decision.networkId, actor.networkId),
        q.year ? eq(decision.year, q.year) : undefined,
        q.fieldId ? eq(decision.fieldId, q.fieldId) : undefined,
        q.type ? eq(decision.type, q.type) : undefined,
        q.status ? eq(decision.status, q.status) : undefined,
        // German full-text search: "Berufsorientierung" finds "Berufsorientierungen".
        q.q
          ? or(
              sql`to_tsvector('german', ${decision.title} || ' ' || ${decision.text}) @@ plainto_tsquery('german', ${q.q})`,
              sql`${decision.number} ILIKE ${`%${q.q}%`}`,
            )
          : undefined,
        page?.after
          ? sql`(${decision.year}, ${decision.seq}) < (SELECT year, seq FROM decision WHERE id = ${page.after} AND network_id = ${actor.networkId})`
          : undefined,
      ),
    )
    .orderBy(desc(decision.year), desc(decision.seq));
  const rows = page ? await query.limit(page.rows) : await query;
  const names = await fieldNames(
    deps.db,
    actor.networkId,
    rows.map((r) => r.d.fieldId).filter((x): x is string => !!x),
  );
  return rows.map(({ d, meetingId: mid, meetingTitle, rounds }) => ({
    id: d.id,
    number: d.number,
    decidedOn: d.decidedOn,
    type: d.type,
    fieldId: d.fieldId,
    fieldName: d.fieldId ? (names.get(d.fieldId) ?? null) : null,
    title: d.title,
    text: d.text,
    status: d.status,
    meetingId: mid,
    meetingTitle,
    rounds: Number(rounds),
  }));
}

export async function setDecisionStatus(
  deps: Deps,
  actor: NetworkActor,
  decisionId: string,
  status: 'open' | 'in_progress' | 'done',
) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(decision)
      .where(and(eq(decision.id, decisionId), eq(decision.networkId, actor.networkId)))
      .for('update');
    if (!d) throw notFound('Der Beschluss');
    await tx.update(decision).set({ status }).where(eq(decision.id, d.id));
    await recordAudit(tx, audit(actor), {
      action: 'update',
      entityType: 'decision',
      entityId: d.id,
      summary: `Umsetzungsstand von ${d.number}: ${status}`,
      before: { status: d.status },
      after: { status },
    });
  });
  return (await listDecisions(deps, actor, {})).find((d) => d.id === decisionId)!;
}

/** Upcoming meetings, for the start page. */
export async function upcomingMeetings(deps: Deps, actor: NetworkActor): Promise<Meeting[]> {
  if (!can(actor.role, 'steering.read')) return [];
  const all = await listMeetings(deps, actor);
  return all.filter((m) => m.status !== 'cancelled' && new Date(m.endsAt) > deps.now()).reverse();
}

export async function listRecipients(deps: Deps, actor: NetworkActor, meetingId: string) {
  authorize(actor.role, 'steering.manage');
  await loadMeeting(deps.db, actor, meetingId);
  const rows = await deps.db
    .select()
    .from(meetingRecipient)
    .where(eq(meetingRecipient.meetingId, meetingId))
    .orderBy(asc(meetingRecipient.name));
  return rows.map((r) => ({
    name: r.name,
    email: r.email,
    kind: r.memberId ? ('member' as const) : ('guest' as const),
    memberId: r.memberId,
    reply: r.reply,
    invited: r.sentSequence !== null,
  }));
}

/**
 * Adds a decision to the register with the next number of its year (LK-2026-07). Numbers are gap-free
 * per network and year: numbering is serialised per network by an advisory lock.
 */
export async function insertDecision(
  tx: Db,
  networkId: string,
  d: {
    itemId: string | null;
    roundId: string | null;
    type: DecisionType;
    fieldId: string | null;
    contractVersionId: string | null;
    title: string;
    text: string;
    decidedOn: string;
  },
): Promise<string> {
  const year = Number(d.decidedOn.slice(0, 4));
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`decision:${networkId}`}))`);
  const [seqRow] = await tx
    .select({ n: max(decision.seq) })
    .from(decision)
    .where(and(eq(decision.networkId, networkId), eq(decision.year, year)));
  const seq = (seqRow?.n ?? 0) + 1;
  const number = `${decisionPrefix}-${year}-${String(seq).padStart(2, '0')}`;
  await tx.insert(decision).values({ ...d, networkId, year, seq, number });
  return number;
}

/** Work orders not yet done that name one of the fields (for the contract's amendment warning). */
export async function openWorkOrders(db: Db, networkId: string, fieldIds: string[]) {
  if (fieldIds.length === 0) return [];
  const rows = await db
    .select({ number: decision.number, title: decision.title, fieldId: decision.fieldId })
    .from(decision)
    .where(
      and(
        eq(decision.networkId, networkId),
        eq(decision.type, 'work_order'),
        inArray(decision.status, ['open', 'in_progress']),
        inArray(decision.fieldId, fieldIds),
      ),
    )
    .orderBy(asc(decision.number));
  return rows.map((r) => ({ number: r.number, title: r.title, fieldId: r.fieldId! }));
}
