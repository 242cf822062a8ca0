import { buffer } from 'node:stream/consumers';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type {
  CorrectionInput,
  MinutesContent,
  MinutesInput,
  MinutesRequest,
  MinutesVersion,
} from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDate, formatTime } from '../../lib/format.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { openFileById } from '../files/files.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize, can } from '../networks/networks.policy.js';
import { network } from '../networks/networks.tables.js';
import { itemsOf } from './agenda.repository.js';
import { numberAgenda } from './agenda.rules.js';
import { membersOf, ownMembership } from './committee.repository.js';
import { outcomeMessage } from './consensus.rules.js';
import { hookedMinutesLines } from './meeting-hooks.js';
import { attendanceOf } from './meetings.repository.js';
import { assertMinutesStep } from './meetings.rules.js';
import { loadMeeting } from './meetings.service.js';
import { type Letterhead, minutesDocx, minutesPdf } from './minutes.documents.js';
import {
  approvalRefusal,
  circulationRefusal,
  mergeEdit,
  minutesText,
  type Refusal,
  requestTarget,
} from './minutes.rules.js';
import { circulationAudience } from './minutes-circulation.js';
import {
  advice,
  committeeMember,
  decision,
  decisionRound,
  guest,
  meeting,
  minutesRequest,
  minutesVersion,
  position,
} from './steering.tables.js';

type MeetingRow = typeof meeting.$inferSelect;
type VersionRow = typeof minutesVersion.$inferSelect;
const stanceLabel = { consent: 'Zustimmung', stand_aside: 'Enthaltung', objection: 'Einwand' } as const;

async function versions(db: Db, meetingId: string) {
  return db
    .select()
    .from(minutesVersion)
    .where(eq(minutesVersion.meetingId, meetingId))
    .orderBy(desc(minutesVersion.version));
}

const adviceRole = { guest: 'Gast', member: 'Mitglied ohne Stimmrecht', office: 'Bildungsbüro' } as const;

const fail = (r: Refusal, kind: 'conflict' | 'invalid' = 'conflict') =>
  new DomainError(r.code, r.message, kind);

/**
 * What the meeting recorded, as the minutes carry it: attendance with side and institution, every item
 * with its rounds, a summary of the positions (who, which stance, why), outcomes, decision numbers, and
 * the guests' advice, marked as not counting. The texts the office writes start empty.
 */
async function recordedContent(db: Db, m: MeetingRow): Promise<MinutesContent> {
  const members = await membersOf(db, m.networkId);
  const name = new Map(members.map((x) => [x.id, x.name]));
  const att = new Map((await attendanceOf(db, m.id)).map((a) => [a.memberId, a]));
  const day = berlinDay(m.startsAt);
  const inTerm = (x: (typeof members)[number]) => x.termFrom <= day && (!x.termTo || x.termTo >= day);
  // Deputies appear as "vertreten durch"; members whose term covers the day are listed even without
  // a recorded presence (then absent), so nobody drops out of the minutes silently.
  const attendance = members
    .filter((x) => !x.deputyOf && (inTerm(x) || att.has(x.id)))
    .map((x) => {
      const a = att.get(x.id);
      return {
        name: x.name,
        side: x.side,
        institution: x.institution,
        voting: x.voting,
        status: a?.status ?? ('absent' as const),
        deputy: a?.status === 'represented' && a.deputyId ? (name.get(a.deputyId) ?? null) : null,
      };
    });
  // Numbered as on the agenda: moved items left it.
  const items = numberAgenda(await itemsOf(db, m.id)).map(({ item }) => item);
  const itemIds = items.map((i) => i.id);
  const rounds = itemIds.length
    ? await db
        .select()
        .from(decisionRound)
        .where(inArray(decisionRound.itemId, itemIds))
        .orderBy(asc(decisionRound.round))
    : [];
  const positions = rounds.length
    ? await db
        .select()
        .from(position)
        .where(
          inArray(
            position.roundId,
            rounds.map((r) => r.id),
          ),
        )
    : [];
  const decisions = itemIds.length
    ? await db.select().from(decision).where(inArray(decision.itemId, itemIds))
    : [];
  const guests = await db.select().from(guest).where(eq(guest.meetingId, m.id));
  const advices = itemIds.length ? await db.select().from(advice).where(inArray(advice.itemId, itemIds)) : [];
  // What other modules record for an item (the office's progress reports taken in it).
  const hooked = await hookedMinutesLines(db, itemIds);

  return {
    chair: '',
    minuteTaker: '',
    startedAt: formatTime(m.startsAt),
    endedAt: formatTime(m.endsAt),
    opening: '',
    attendance,
    guests: guests
      .filter((g) => g.present !== false)
      .map((g) => `${g.name} (Gast, beratend)${g.topic ? `: ${g.topic}` : ''}`),
    items: items.map((i, idx) => {
      const record: string[] = [];
      for (const r of rounds.filter((x) => x.itemId === i.id)) {
        record.push(`Runde ${r.round} – Beschlussvorschlag: ${r.proposal}`);
        const ps = positions.filter((x) => x.roundId === r.id);
        const parts = (['consent', 'stand_aside', 'objection'] as const)
          .map((stance) => {
            const who = ps
              .filter((p) => p.stance === stance)
              .map(
                (p) =>
                  `${name.get(p.memberId)}${p.castBy ? ` (vertreten durch ${name.get(p.castBy)})` : ''}${p.reason ? ` – ${p.reason}` : ''}`,
              );
            return who.length ? `${stanceLabel[stance]}: ${who.join('; ')}` : '';
          })
          .filter(Boolean);
        if (parts.length) record.push(`Positionen: ${parts.join(' · ')}`);
        const d = decisions.find((x) => x.roundId === r.id);
        record.push(
          r.outcome === 'taken'
            ? `Ergebnis: Beschluss ${d?.number ?? ''} gefasst.`
            : `Ergebnis: ${outcomeMessage({ taken: false, reason: (r.reason ?? 'objection') as 'objection' })} Weiteres Vorgehen: ${r.resolution === 'reworked' ? 'überarbeitet' : r.resolution === 'deferred' ? 'vertagt' : 'zurückgezogen'}.`,
        );
      }
      record.push(...(hooked.get(i.id) ?? []));
      for (const a of advices.filter((x) => x.itemId === i.id)) {
        record.push(
          `Rat von ${a.speakerName || guests.find((g) => g.id === a.guestId)?.name || 'Gast'} (${adviceRole[a.kind]}, beratend, zählt nicht): ${a.text}`,
        );
      }
      return {
        itemId: i.id,
        number: idx + 1,
        title: i.title,
        presenter: i.presenter,
        record,
        decisions: decisions.filter((d) => d.itemId === i.id).map((d) => d.number),
        discussion: '',
      };
    }),
    miscellaneous: '',
  };
}

/** The network's name and its logo from the settings; a logo file gone since is left out. */
async function letterhead(deps: Deps, networkId: string): Promise<Letterhead> {
  const [n] = await deps.db.select().from(network).where(eq(network.id, networkId));
  if (!n!.logoFileId) return { name: n!.name, logo: null };
  const file = await openFileById(deps, networkId, n!.logoFileId).catch(() => null);
  return { name: n!.name, logo: file ? await buffer(file.stream) : null };
}

const textOf = (m: MeetingRow, c: MinutesContent) =>
  minutesText(m.title, formatDate(m.startsAt), m.location, c);

const dto = (v: VersionRow, approvedBy: string | null): MinutesVersion => ({
  version: v.version,
  status: v.status,
  body: v.body,
  content: (v.content as MinutesContent | null) ?? null,
  reason: v.reason,
  approvedBy,
  createdAt: v.createdAt.toISOString(),
});

export async function listMinutes(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
): Promise<MinutesVersion[]> {
  authorize(actor.role, 'steering.read');
  await loadMeeting(deps.db, actor, meetingId);
  const rows = await versions(deps.db, meetingId);
  const ids = rows.map((r) => r.approvedByDecisionId).filter((x): x is string => !!x);
  const numbers = new Map(
    ids.length
      ? (await deps.db.select().from(decision).where(inArray(decision.id, ids))).map((d) => [d.id, d.number])
      : [],
  );
  return rows.map((r) =>
    dto(r, r.approvedByDecisionId ? (numbers.get(r.approvedByDecisionId) ?? null) : null),
  );
}

async function addVersion(
  tx: Db,
  _deps: Deps,
  actor: NetworkActor,
  m: MeetingRow,
  content: MinutesContent,
  status: 'draft' | 'approved',
  reason: string | null,
  summary: string,
) {
  const [latest] = await versions(tx, m.id);
  const body = textOf(m, content);
  const [v] = await tx
    .insert(minutesVersion)
    .values({
      networkId: actor.networkId,
      meetingId: m.id,
      version: (latest?.version ?? 0) + 1,
      status,
      body,
      content,
      reason,
      createdBy: actor.userId,
    })
    .returning();
  await recordAudit(tx, auditActorOf(actor), {
    action: 'create',
    entityType: 'minutes',
    entityId: v!.id,
    summary,
    before: latest ? { version: latest.version, body: latest.body } : undefined,
    after: { version: v!.version, status, reason, body },
  });
  return v!;
}

/** Generates a new draft from what was recorded in the meeting. */
export async function generateMinutes(deps: Deps, actor: NetworkActor, meetingId: string) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertMinutesStep(m.status, 'generate');
    await addVersion(
      tx,
      deps,
      actor,
      m,
      await recordedContent(tx, m),
      'draft',
      null,
      `Entwurf der Niederschrift zu „${m.title}“ erzeugt`,
    );
    await tx.update(meeting).set({ status: 'minutes_drafted' }).where(eq(meeting.id, m.id));
  });
  return listMinutes(deps, actor, meetingId);
}

/**
 * The edit joined with what was recorded: the base is the newest version's structure (or, for a
 * version written as one text, the meeting's records), so results and attendance cannot be rewritten.
 */
async function editedContent(tx: Db, m: MeetingRow, latest: VersionRow | undefined, input: MinutesInput) {
  const base = (latest?.content as MinutesContent | null) ?? (await recordedContent(tx, m));
  const merged = mergeEdit(base, input);
  if ('code' in merged) throw fail(merged, 'invalid');
  return merged;
}

/** Saves an edited draft as a new version; the earlier versions (and the circulated one) stay. */
export async function saveMinutes(deps: Deps, actor: NetworkActor, meetingId: string, input: MinutesInput) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertMinutesStep(m.status, 'edit');
    const [latest] = await versions(tx, m.id);
    const content = await editedContent(tx, m, latest, input);
    await addVersion(tx, deps, actor, m, content, 'draft', null, `Niederschrift zu „${m.title}“ bearbeitet`);
  });
  return listMinutes(deps, actor, meetingId);
}

/** Sends the latest draft to all members for corrections (PDF attached). */
export async function circulateMinutes(deps: Deps, actor: NetworkActor, meetingId: string) {
  authorize(actor.role, 'steering.manage');
  // Read before the transaction: the file store may use the database too.
  const head = await letterhead(deps, actor.networkId);
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    const all = await versions(tx, m.id);
    const refusal = circulationRefusal(m.status, all);
    if (refusal) throw fail(refusal);
    const latest = all[0]!;
    await tx.update(minutesVersion).set({ status: 'circulated' }).where(eq(minutesVersion.id, latest.id));
    const pdf = await minutesPdf(head, m, latest, null, 'Entwurf zur Abstimmung');
    const members = await circulationAudience(tx, actor.networkId);
    for (const x of members.filter((y) => y.email)) {
      await enqueueMail(tx, {
        networkId: actor.networkId,
        to: x.email!,
        toName: x.name,
        subject: `Entwurf der Niederschrift: ${m.title}`,
        text: [
          `Guten Tag ${x.name},`,
          '',
          `anbei der Entwurf der Niederschrift zur Sitzung „${m.title}“ (Fassung ${latest.version}).`,
          'Korrekturwünsche können Sie auf der Seite der Sitzung äußern (nach der Anmeldung) oder an das Regionale Bildungsbüro senden. Genehmigt wird die Niederschrift in der nächsten Sitzung.',
          '',
          `Regionales Bildungsbüro – ${head.name}`,
        ].join('\n'),
        attachments: [
          {
            filename: `Niederschrift-Entwurf-${latest.version}.pdf`,
            contentType: 'application/pdf',
            contentBase64: pdf.toString('base64'),
          },
        ],
      });
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'minutes',
      entityId: latest.id,
      summary: `Entwurf der Niederschrift zu „${m.title}“ (Fassung ${latest.version}) in Umlauf gegeben`,
      before: { status: latest.status },
      after: { status: 'circulated' },
    });
  });
  return listMinutes(deps, actor, meetingId);
}

/**
 * Called in the transaction of a procedural decision approving the minutes: the latest version is
 * approved and the meeting's minutes are frozen from then on.
 */
export async function approveMinutes(tx: Db, actor: NetworkActor, meetingId: string, decisionNumber: string) {
  const m = await loadMeeting(tx, actor, meetingId, true);
  const all = await versions(tx, m.id);
  const refusal = approvalRefusal(m.status, all);
  if (refusal) throw new DomainError(refusal.code, `„${m.title}“: ${refusal.message}`, 'conflict');
  const latest = all[0]!;
  const [d] = await tx
    .select()
    .from(decision)
    .where(and(eq(decision.networkId, actor.networkId), eq(decision.number, decisionNumber)));
  await tx
    .update(minutesVersion)
    .set({ status: 'approved', approvedByDecisionId: d!.id })
    .where(eq(minutesVersion.id, latest.id));
  await tx.update(meeting).set({ status: 'minutes_approved' }).where(eq(meeting.id, m.id));
  await recordAudit(tx, auditActorOf(actor), {
    action: 'update',
    entityType: 'minutes',
    entityId: latest.id,
    summary: `Niederschrift zu „${m.title}“ (Fassung ${latest.version}) durch Beschluss ${decisionNumber} genehmigt`,
    before: { status: latest.status },
    after: { status: 'approved', decision: decisionNumber },
  });
}

/** After approval, a correction is a new version with its reason; nothing is overwritten. */
export async function correctMinutes(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  input: CorrectionInput,
) {
  authorize(actor.role, 'steering.manage');
  const { reason } = input;
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertMinutesStep(m.status, 'correct');
    const [latest] = await versions(tx, m.id);
    await addVersion(
      tx,
      deps,
      actor,
      m,
      await editedContent(tx, m, latest, input),
      'approved',
      reason,
      `Niederschrift zu „${m.title}“ berichtigt: ${reason}`,
    );
  });
  return listMinutes(deps, actor, meetingId);
}

export async function exportMinutes(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  version: number,
  format: 'pdf' | 'docx',
) {
  authorize(actor.role, 'steering.read');
  const m = await loadMeeting(deps.db, actor, meetingId);
  const [v] = await deps.db
    .select()
    .from(minutesVersion)
    .where(and(eq(minutesVersion.meetingId, m.id), eq(minutesVersion.version, version)));
  if (!v) throw notFound('Die Fassung der Niederschrift');
  const head = await letterhead(deps, actor.networkId);
  const stamp = v.status === 'approved' ? (v.reason ? `berichtigt: ${v.reason}` : 'genehmigt') : 'Entwurf';
  // The approving decision's number: on the approved version itself, or, for a later correction, on
  // the version that was approved.
  const approvedBy =
    v.approvedByDecisionId ?? (v.status === 'approved' ? await approvalOf(deps.db, m.id) : null);
  const number = approvedBy
    ? ((await deps.db.select().from(decision).where(eq(decision.id, approvedBy)))[0]?.number ?? null)
    : null;
  const name = `Niederschrift-${m.title.replace(/[^\p{L}\p{N}]+/gu, '-')}-Fassung-${v.version}.${format}`;
  const content =
    format === 'pdf'
      ? await minutesPdf(head, m, v, number, stamp)
      : await minutesDocx(head, m, v, number, stamp);
  return { name, content };
}

async function approvalOf(db: Db, meetingId: string) {
  const rows = await db
    .select({ id: minutesVersion.approvedByDecisionId })
    .from(minutesVersion)
    .where(and(eq(minutesVersion.meetingId, meetingId), isNotNull(minutesVersion.approvedByDecisionId)));
  return rows[0]?.id ?? null;
}

/*
 * Correction requests (Korrekturwünsche): a committee member asks, while the minutes circulate, for a
 * correction of the version she received; the office takes it over into a new version or declines it,
 * with a note either way.
 */

/** The signed-in person's membership of the committee here, by account or by the e-mail address. */
const ownMember = (db: Db, actor: NetworkActor) => ownMembership(db, actor.networkId, actor);

async function requestsOf(db: Db, meetingId: string, memberId: string | null): Promise<MinutesRequest[]> {
  const rows = await db
    .select({ r: minutesRequest, memberName: committeeMember.name })
    .from(minutesRequest)
    .innerJoin(committeeMember, eq(committeeMember.id, minutesRequest.memberId))
    .where(
      and(
        eq(minutesRequest.meetingId, meetingId),
        memberId ? eq(minutesRequest.memberId, memberId) : undefined,
      ),
    )
    .orderBy(desc(minutesRequest.createdAt));
  const numbered = numberAgenda(await itemsOf(db, meetingId));
  const label = new Map(numbered.map(({ item }, idx) => [item.id, `TOP ${idx + 1} ${item.title}`]));
  return rows.map(({ r, memberName }) => ({
    id: r.id,
    version: r.version,
    memberName,
    itemId: r.itemId,
    itemLabel: r.itemId ? (label.get(r.itemId) ?? null) : null,
    text: r.text,
    status: r.status,
    note: r.note,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The office sees every request; a member sees her own. */
export async function listMinutesRequests(deps: Deps, actor: NetworkActor, meetingId: string) {
  authorize(actor.role, 'steering.read');
  const m = await loadMeeting(deps.db, actor, meetingId);
  if (can(actor.role, 'steering.manage')) return requestsOf(deps.db, m.id, null);
  const member = await ownMember(deps.db, actor);
  return member ? requestsOf(deps.db, m.id, member.id) : [];
}

export async function requestMinutesCorrection(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  input: { text: string; itemId: string | null },
) {
  authorize(actor.role, 'steering.read');
  const member = await ownMember(deps.db, actor);
  if (!member) {
    throw new DomainError(
      'steering.not_committee_member',
      'Korrekturwünsche äußern Mitglieder des Lenkungskreises. Wenden Sie sich sonst an das Bildungsbüro.',
      'forbidden',
    );
  }
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    const target = requestTarget(m.status, await versions(tx, m.id));
    if (typeof target !== 'number') throw fail(target);
    if (input.itemId && !(await itemsOf(tx, m.id)).some((i) => i.id === input.itemId)) {
      throw new DomainError(
        'steering.minutes_unknown_item',
        'Der gewählte Tagesordnungspunkt gehört nicht zu dieser Sitzung.',
        'invalid',
      );
    }
    const [r] = await tx
      .insert(minutesRequest)
      .values({
        networkId: actor.networkId,
        meetingId: m.id,
        version: target,
        memberId: member.id,
        itemId: input.itemId,
        text: input.text,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'minutes_request',
      entityId: r!.id,
      summary: `Korrekturwunsch von ${member.name} zur Niederschrift „${m.title}“ (Fassung ${target})`,
      after: { version: target, itemId: input.itemId, text: input.text },
    });
  });
  return requestsOf(deps.db, meetingId, member.id);
}

export async function decideMinutesRequest(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  requestId: string,
  input: { status: 'accepted' | 'declined'; note: string },
) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    const [r] = await tx
      .select()
      .from(minutesRequest)
      .where(and(eq(minutesRequest.id, requestId), eq(minutesRequest.meetingId, m.id)));
    if (!r) throw notFound('Der Korrekturwunsch');
    if (r.status !== 'open') {
      throw new DomainError(
        'steering.minutes_request_decided',
        'Über diesen Korrekturwunsch ist bereits entschieden.',
        'conflict',
      );
    }
    await tx
      .update(minutesRequest)
      .set({ status: input.status, note: input.note, decidedBy: actor.userId, decidedAt: deps.now() })
      .where(eq(minutesRequest.id, r.id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'minutes_request',
      entityId: r.id,
      summary: `Korrekturwunsch zur Niederschrift „${m.title}“ ${input.status === 'accepted' ? 'übernommen' : 'abgelehnt'}`,
      before: { status: r.status },
      after: { status: input.status, note: input.note },
    });
  });
  return requestsOf(deps.db, meetingId, null);
}
