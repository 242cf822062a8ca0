import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { ZipFile } from 'yazl';
import type { OpenQuestion, Preparation } from '../../../contracts/preparation.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { describeFiles, openFileById } from '../files/files.service.js';
import { mintLink, revokeCalendarLinks, revokeGuestCalendarLinks } from '../links/links.service.js';
import { authorize } from '../networks/networks.policy.js';
import { network } from '../networks/networks.tables.js';
import { itemsOf, papersWithVersions } from './agenda.repository.js';
import { numberAgenda } from './agenda.rules.js';
import { ownMembership } from './committee.repository.js';
import { guestInvitationsOf } from './meetings.repository.js';
import { loadMeeting, visibleItemIds } from './meetings.service.js';
import { meetingCalendar } from './steering.calendar.js';
import { calendarEntry, recipientByToken, recordOwnReply } from './steering.invitations.js';
import {
  agendaItem,
  committeeMember,
  guest,
  itemNote,
  itemQuestion,
  meeting,
  meetingRecipient,
} from './steering.tables.js';

/*
 * The member's meeting page ("Ihre Sitzung"): the meeting as an invited member or guest prepares it,
 * reached through the personal link of the invitation (the token names the invitation) or signed in.
 * Notes are private to their author; questions (Rückfragen) are read by the office and the members.
 */

type MeetingRow = typeof meeting.$inferSelect;
type RecipientRow = typeof meetingRecipient.$inferSelect;

/** Who looks at the page, and what they may see of it. */
export type Viewer = {
  networkId: string;
  meeting: MeetingRow;
  /** The invitation; null before invitations went out (or for office staff who are not members). */
  recipient: RecipientRow | null;
  name: string;
  isGuest: boolean;
  visible: 'all' | Set<string>;
  /** Where the page's files are served: the personal link or the signed-in route. */
  base: string;
};

const tokenBase = (token: string) => `/api/meeting-pages/${encodeURIComponent(token)}`;
const sessionBase = (networkId: string, meetingId: string) =>
  `/api/networks/${networkId}/meetings/${meetingId}/preparation`;

async function guestItems(db: Db, guestIds: string[]): Promise<'all' | Set<string>> {
  if (guestIds.length === 0) return new Set();
  const rows = await db.select({ itemId: guest.itemId }).from(guest).where(inArray(guest.id, guestIds));
  if (rows.some((g) => g.itemId === null)) return 'all';
  return new Set(rows.map((g) => g.itemId!));
}

/** The viewer behind a personal invitation link (404 unknown, 410 over or replaced). */
export async function viewerByToken(db: Db, token: string, now: Date): Promise<Viewer> {
  const { r, m } = await recipientByToken(db, token, now);
  return {
    networkId: r.networkId,
    meeting: m,
    recipient: r,
    name: r.name,
    isGuest: r.guestId !== null,
    visible: r.guestId ? await guestItems(db, [r.guestId]) : 'all',
    base: tokenBase(token),
  };
}

/** The signed-in viewer: a guest sees their items, everyone else with `meetings.read` the whole agenda. */
export async function viewerBySession(
  db: Db,
  actor: NetworkActor,
  meetingId: string,
  now: Date,
): Promise<Viewer> {
  authorize(actor.role, 'meetings.read');
  const m = await loadMeeting(db, actor, meetingId);
  const visible = await visibleItemIds(db, actor, meetingId);
  let recipient: RecipientRow | undefined;
  if (actor.role === 'guest') {
    const ids = (await guestInvitationsOf(db, actor.networkId, actor.userId, actor.email))
      .filter((g) => g.meetingId === meetingId)
      .map((g) => g.id);
    if (ids.length > 0) {
      [recipient] = await db
        .select()
        .from(meetingRecipient)
        .where(and(eq(meetingRecipient.meetingId, meetingId), inArray(meetingRecipient.guestId, ids)))
        .limit(1);
    }
  } else {
    const member = await ownMembership(db, actor.networkId, actor, berlinDay(now));
    if (member) {
      [recipient] = await db
        .select()
        .from(meetingRecipient)
        .where(and(eq(meetingRecipient.meetingId, meetingId), eq(meetingRecipient.memberId, member.id)))
        .limit(1);
    }
  }
  return {
    networkId: actor.networkId,
    meeting: m,
    recipient: recipient ?? null,
    name: recipient?.name ?? actor.name,
    isGuest: actor.role === 'guest',
    visible,
    base: sessionBase(actor.networkId, meetingId),
  };
}

/** Replies, notes and questions are taken while the meeting is ahead. */
const isOpen = (m: MeetingRow, now: Date) =>
  (m.status === 'planned' || m.status === 'invited') && m.startsAt > now;

/** The agenda items the viewer sees, numbered as in the invitation, with their planned start. */
async function visibleAgenda(db: Db, v: Viewer) {
  const numbered = numberAgenda(await itemsOf(db, v.meeting.id));
  // Planned times follow from the start and the durations before; one item without a duration ends them.
  let at: number | null = v.meeting.startsAt.getTime();
  const timed = numbered.map((n) => {
    const plannedStart = at === null ? null : new Date(at);
    at = at === null || n.item.durationMinutes === null ? null : at + n.item.durationMinutes * 60_000;
    return { ...n, plannedStart };
  });
  return timed.filter(({ item }) => v.visible === 'all' || v.visible.has(item.id));
}

/** The newest version of each paper of these items. */
async function latestPapers(db: Db, networkId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  const rows = await papersWithVersions(db, itemIds);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(row.p.id, row); // oldest first: the last one wins
  const files = await describeFiles(
    db,
    networkId,
    [...latest.values()].map((r) => r.v.fileId),
  );
  return [...latest.values()]
    .filter((r) => files.has(r.v.fileId))
    .map((r) => ({
      itemId: r.p.itemId,
      id: r.p.id,
      title: r.p.title,
      version: r.v.version,
      fileId: r.v.fileId,
      fileName: files.get(r.v.fileId)!.name,
      mimeType: files.get(r.v.fileId)!.mimeType,
    }));
}

const questionDto = (q: typeof itemQuestion.$inferSelect, viewerRecipientId: string | null) => ({
  id: q.id,
  itemId: q.itemId,
  askedByName: q.askedByName,
  mine: viewerRecipientId !== null && q.recipientId === viewerRecipientId,
  text: q.text,
  askedAt: q.askedAt.toISOString(),
  answer: q.answer,
  answeredByName: q.answeredByName,
  answeredAt: q.answeredAt?.toISOString() ?? null,
});

export async function preparationOf(deps: Deps, v: Viewer): Promise<Preparation> {
  const db = deps.db;
  const m = v.meeting;
  const [n] = await db.select({ name: network.name }).from(network).where(eq(network.id, v.networkId));
  const agenda = await visibleAgenda(db, v);
  const itemIds = agenda.map(({ item }) => item.id);
  const papers = await latestPapers(db, v.networkId, itemIds);
  const notes =
    v.recipient && itemIds.length > 0
      ? await db
          .select()
          .from(itemNote)
          .where(and(eq(itemNote.recipientId, v.recipient.id), inArray(itemNote.itemId, itemIds)))
      : [];
  const questions =
    itemIds.length > 0
      ? await db
          .select()
          .from(itemQuestion)
          .where(and(eq(itemQuestion.meetingId, m.id), inArray(itemQuestion.itemId, itemIds)))
          .orderBy(asc(itemQuestion.askedAt))
      : [];
  let hasDeputy = false;
  if (v.recipient?.memberId) {
    const [d] = await db
      .select({ id: committeeMember.id })
      .from(committeeMember)
      .where(eq(committeeMember.deputyOf, v.recipient.memberId))
      .limit(1);
    hasDeputy = Boolean(d);
  }
  const rid = v.recipient?.id ?? null;
  return {
    networkName: n!.name,
    meetingId: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    location: m.location,
    onlineUrl: m.onlineUrl,
    status: m.status,
    cancelReason: m.cancelReason,
    viewer: {
      name: v.name,
      isGuest: v.isGuest,
      invited: v.recipient !== null,
      hasDeputy,
      reply: v.recipient?.reply ?? null,
    },
    open: isOpen(m, deps.now()),
    items: agenda.map(({ item, number, plannedStart }) => ({
      id: item.id,
      number,
      title: item.title,
      kind: item.kind,
      proposal: item.kind === 'decision' ? item.proposal : '',
      presenter: item.presenter,
      durationMinutes: item.durationMinutes,
      plannedStart: plannedStart?.toISOString() ?? null,
      papers: papers
        .filter((p) => p.itemId === item.id)
        .map((p) => ({
          id: p.id,
          title: p.title,
          version: p.version,
          fileName: p.fileName,
          mimeType: p.mimeType,
          url: `${v.base}/papers/${p.id}/versions/${p.version}`,
        })),
      note: notes.find((x) => x.itemId === item.id)?.text ?? '',
      // The committee's questions are for the office and the members; a guest reads only his own.
      questions: questions
        .filter((q) => q.itemId === item.id && (!v.isGuest || (rid !== null && q.recipientId === rid)))
        .map((q) => questionDto(q, rid)),
    })),
    allPapersUrl: papers.length > 0 ? `${v.base}/papers.zip` : null,
    calendarUrl: `${v.base}/meeting.ics`,
  };
}

/** The file of a paper version on one of the viewer's items; anything else is "not found". */
export async function preparationPaper(deps: Deps, v: Viewer, paperId: string, version: number) {
  const agenda = await visibleAgenda(deps.db, v);
  const papers = await papersWithVersions(
    deps.db,
    agenda.map(({ item }) => item.id),
  );
  const row = papers.find((r) => r.p.id === paperId && r.v.version === version);
  if (!row) throw notFound('Die Vorlage');
  return openFileById(deps, v.networkId, row.v.fileId);
}

/** A file name without characters that trouble ZIP tools or file systems. */
const safeName = (name: string) =>
  [...name]
    .map((c) => (c.charCodeAt(0) < 32 || `\\/:*?"<>|`.includes(c) ? '_' : c))
    .join('')
    .slice(0, 150);

/**
 * Every paper (newest version) of the viewer's items as one ZIP, streamed: "TOP 3 – Konzept.pdf".
 * yazl sets the UTF-8 flag, so umlauts in names survive on Windows and macOS.
 */
export async function preparationZip(deps: Deps, v: Viewer): Promise<{ fileName: string; stream: Readable }> {
  const agenda = await visibleAgenda(deps.db, v);
  const papers = await latestPapers(
    deps.db,
    v.networkId,
    agenda.map(({ item }) => item.id),
  );
  if (papers.length === 0) throw notFound('Unterlagen zu dieser Sitzung');
  const zip = new ZipFile();
  const used = new Set<string>();
  for (const { item, number } of agenda) {
    for (const p of papers.filter((x) => x.itemId === item.id)) {
      let name = safeName(`TOP ${number} – ${p.fileName}`);
      for (let i = 2; used.has(name.toLowerCase()); i++)
        name = safeName(`TOP ${number} – ${i} – ${p.fileName}`);
      used.add(name.toLowerCase());
      const { stream } = await openFileById(deps, v.networkId, p.fileId);
      zip.addReadStream(stream, name, { mtime: v.meeting.startsAt });
    }
  }
  zip.end();
  return {
    fileName: safeName(`Unterlagen ${v.meeting.title} ${berlinDay(v.meeting.startsAt)}.zip`),
    stream: zip.outputStream as Readable,
  };
}

/** This one meeting as an .ics file for "Zum Kalender hinzufügen". */
export async function preparationIcs(deps: Deps, v: Viewer) {
  const [n] = await deps.db.select().from(network).where(eq(network.id, v.networkId));
  const agenda = await visibleAgenda(deps.db, v);
  return meetingCalendar(
    'PUBLISH',
    [calendarEntry(v.meeting, agenda.map(({ item, number }) => `TOP ${number} ${item.title}`).join('\n'))],
    {
      organizer: {
        name: `Regionales Bildungsbüro – ${n!.name}`,
        email: n!.contactEmail ?? 'bildungsbuero@localhost',
      },
    },
  );
}

function requireInvitation(v: Viewer): RecipientRow {
  if (!v.recipient) {
    throw new DomainError(
      'steering.not_invited',
      'Sie sind zu dieser Sitzung (noch) nicht eingeladen. Notizen, Rückfragen und Rückmeldung sind möglich, sobald das Bildungsbüro die Einladungen verschickt hat.',
      'conflict',
    );
  }
  return v.recipient;
}

function requireOpen(deps: Deps, v: Viewer) {
  if (!isOpen(v.meeting, deps.now())) {
    throw new DomainError(
      'steering.preparation_closed',
      'Diese Sitzung hat begonnen, ist vorbei oder abgesagt; Rückfragen sind nicht mehr möglich.',
      'conflict',
    );
  }
}

async function visibleItem(db: Db, v: Viewer, itemId: string) {
  const agenda = await visibleAgenda(db, v);
  const found = agenda.find(({ item }) => item.id === itemId);
  if (!found) throw notFound('Der Tagesordnungspunkt');
  return found;
}

/** Saves the viewer's private note on an item; an empty note is removed. Notes are never audited. */
export async function saveNote(deps: Deps, v: Viewer, itemId: string, text: string) {
  const r = requireInvitation(v);
  await visibleItem(deps.db, v, itemId);
  if (text === '') {
    await deps.db.delete(itemNote).where(and(eq(itemNote.recipientId, r.id), eq(itemNote.itemId, itemId)));
  } else {
    await deps.db
      .insert(itemNote)
      .values({ networkId: v.networkId, itemId, recipientId: r.id, text, updatedAt: deps.now() })
      .onConflictDoUpdate({
        target: [itemNote.recipientId, itemNote.itemId],
        set: { text, updatedAt: deps.now() },
      });
  }
  return preparationOf(deps, v);
}

export async function askQuestion(
  deps: Deps,
  v: Viewer,
  itemId: string,
  text: string,
  userId: string | null,
) {
  const r = requireInvitation(v);
  requireOpen(deps, v);
  const { item, number } = await visibleItem(deps.db, v, itemId);
  await deps.db.transaction(async (tx) => {
    const [q] = await tx
      .insert(itemQuestion)
      .values({
        networkId: v.networkId,
        meetingId: v.meeting.id,
        itemId,
        recipientId: r.id,
        askedByName: r.name,
        text,
        askedAt: deps.now(),
      })
      .returning();
    await recordAudit(
      tx,
      { userId, name: r.name, networkId: v.networkId },
      {
        action: 'create',
        entityType: 'item_question',
        entityId: q!.id,
        summary: `Rückfrage von ${r.name} zu TOP ${number} „${item.title}“ (${v.meeting.title})`,
        after: { text },
      },
    );
  });
  return preparationOf(deps, v);
}

export async function replyAsViewer(deps: Deps, v: Viewer, reply: 'attending' | 'deputy' | 'excused') {
  const r = requireInvitation(v);
  await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(meeting).where(eq(meeting.id, v.meeting.id)).for('update');
    await recordOwnReply(tx, deps.now(), r, locked!, reply);
  });
  const [fresh] = await deps.db.select().from(meetingRecipient).where(eq(meetingRecipient.id, r.id));
  return preparationOf(deps, { ...v, recipient: fresh! });
}

/**
 * A new calendar subscription for the viewer, shown once: a member's covers all meetings of the
 * committee (and replaces the earlier link), a guest's the meetings they are invited to.
 */
export async function subscribeCalendar(deps: Deps, v: Viewer, userId: string | null) {
  const r = requireInvitation(v);
  return deps.db.transaction(async (tx) => {
    let url: string;
    if (r.memberId) {
      await revokeCalendarLinks(tx, r.memberId, deps.now());
      url = await mintLink(tx, deps.config.baseUrl, {
        networkId: v.networkId,
        purpose: 'calendar',
        memberId: r.memberId,
      });
    } else {
      await revokeGuestCalendarLinks(tx, r.id, deps.now());
      url = await mintLink(tx, deps.config.baseUrl, {
        networkId: v.networkId,
        purpose: 'calendar',
        recipientId: r.id,
      });
    }
    await recordAudit(
      tx,
      { userId, name: r.name, networkId: v.networkId },
      {
        action: 'update',
        entityType: r.memberId ? 'committee_member' : 'guest',
        entityId: r.memberId ?? r.guestId!,
        summary: `Kalender-Abo von ${r.name} neu erzeugt; frühere Links gelten nicht mehr`,
      },
    );
    return { url };
  });
}

// ---- the office's side of the questions -----------------------------------------------------------

/** All questions of a meeting, for the office's meeting page. */
export async function meetingQuestions(deps: Deps, actor: NetworkActor, meetingId: string) {
  authorize(actor.role, 'steering.read');
  await loadMeeting(deps.db, actor, meetingId);
  const rows = await deps.db
    .select()
    .from(itemQuestion)
    .where(and(eq(itemQuestion.meetingId, meetingId), eq(itemQuestion.networkId, actor.networkId)))
    .orderBy(asc(itemQuestion.askedAt));
  return rows.map((q) => questionDto(q, null));
}

export async function answerQuestion(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  questionId: string,
  answer: string,
) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const [q] = await tx
      .select()
      .from(itemQuestion)
      .where(
        and(
          eq(itemQuestion.id, questionId),
          eq(itemQuestion.meetingId, meetingId),
          eq(itemQuestion.networkId, actor.networkId),
        ),
      )
      .for('update');
    if (!q) throw notFound('Die Rückfrage');
    await tx
      .update(itemQuestion)
      .set({ answer, answeredBy: actor.userId, answeredByName: actor.name, answeredAt: deps.now() })
      .where(eq(itemQuestion.id, q.id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'item_question',
      entityId: q.id,
      summary: `Rückfrage von ${q.askedByName} beantwortet`,
      before: { answer: q.answer },
      after: { answer },
    });
  });
  return meetingQuestions(deps, actor, meetingId);
}

/** Questions without an answer, for the office's Start page: oldest first. */
export async function openQuestions(deps: Deps, actor: NetworkActor): Promise<OpenQuestion[]> {
  authorize(actor.role, 'steering.manage');
  const rows = await deps.db
    .select({ q: itemQuestion, m: meeting, i: agendaItem })
    .from(itemQuestion)
    .innerJoin(meeting, eq(meeting.id, itemQuestion.meetingId))
    .innerJoin(agendaItem, eq(agendaItem.id, itemQuestion.itemId))
    .where(
      and(
        eq(itemQuestion.networkId, actor.networkId),
        isNull(itemQuestion.answeredAt),
        inArray(meeting.status, ['planned', 'invited']),
      ),
    )
    .orderBy(asc(itemQuestion.askedAt))
    .limit(50);
  const numbers = new Map<string, Map<string, number>>();
  for (const { m } of rows) {
    if (numbers.has(m.id)) continue;
    numbers.set(
      m.id,
      new Map(numberAgenda(await itemsOf(deps.db, m.id)).map(({ item, number }) => [item.id, number])),
    );
  }
  return rows.map(({ q, m, i }) => ({
    ...questionDto(q, null),
    meetingId: m.id,
    meetingTitle: m.title,
    startsAt: m.startsAt.toISOString(),
    itemNumber: numbers.get(m.id)?.get(i.id) ?? 0,
    itemTitle: i.title,
  }));
}
