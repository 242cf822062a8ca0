import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { MinutesVersion } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatMeetingTime } from '../../lib/format.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { network } from '../networks/networks.tables.js';
import { itemsOf } from './agenda.repository.js';
import { numberAgenda } from './agenda.rules.js';
import { membersOf } from './committee.repository.js';
import { outcomeMessage } from './consensus.rules.js';
import { attendanceOf } from './meetings.repository.js';
import { assertMinutesStep } from './meetings.rules.js';
import { loadMeeting } from './meetings.service.js';
import { minutesDocx, minutesPdf } from './minutes.documents.js';
import {
  advice,
  committeeMember,
  decision,
  decisionRound,
  guest,
  meeting,
  minutesVersion,
  position,
} from './steering.tables.js';

type MeetingRow = typeof meeting.$inferSelect;
const stanceLabel = { consent: 'Zustimmung', stand_aside: 'Enthaltung', objection: 'Einwand' } as const;
const presenceLabel = {
  present: 'anwesend',
  represented: 'vertreten',
  excused: 'entschuldigt',
  absent: 'abwesend',
} as const;

async function versions(db: Db, meetingId: string) {
  return db
    .select()
    .from(minutesVersion)
    .where(eq(minutesVersion.meetingId, meetingId))
    .orderBy(desc(minutesVersion.version));
}

/**
 * The draft as the office would write it: attendance, every item with its rounds, positions (who,
 * which stance, why), outcomes, decision numbers, and the guests' advice, marked as not counting.
 */
async function draftText(db: Db, m: MeetingRow): Promise<string> {
  const members = await membersOf(db, m.networkId);
  const name = new Map(members.map((x) => [x.id, x.name]));
  const att = await attendanceOf(db, m.id);
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

  const lines = [
    `Niederschrift: ${m.title}`,
    '',
    `Termin: ${formatMeetingTime(m.startsAt, m.endsAt)}`,
    `Ort: ${m.location || '–'}`,
    '',
    'Anwesenheit',
    ...att.map(
      (a) =>
        `- ${name.get(a.memberId)}: ${presenceLabel[a.status]}${a.deputyId ? ` durch ${name.get(a.deputyId)}` : ''}`,
    ),
    ...guests.map((g) => `- ${g.name} (Gast, beratend)${g.topic ? `: ${g.topic}` : ''}`),
    '',
  ];
  items.forEach((i, idx) => {
    lines.push(`TOP ${idx + 1} ${i.title}`);
    if (i.presenter) lines.push(`Berichterstattung: ${i.presenter}`);
    for (const r of rounds.filter((x) => x.itemId === i.id)) {
      lines.push(`Runde ${r.round} – Beschlussvorschlag: ${r.proposal}`);
      for (const p of positions.filter((x) => x.roundId === r.id)) {
        lines.push(
          `- ${name.get(p.memberId)}${p.castBy ? ` (vertreten durch ${name.get(p.castBy)})` : ''}: ${stanceLabel[p.stance]}${p.reason ? ` – ${p.reason}` : ''}`,
        );
      }
      const d = decisions.find((x) => x.roundId === r.id);
      lines.push(
        r.outcome === 'taken'
          ? `Ergebnis: Beschluss ${d?.number ?? ''} gefasst.`
          : `Ergebnis: ${outcomeMessage({ taken: false, reason: (r.reason ?? 'objection') as 'objection' })} Weiteres Vorgehen: ${r.resolution === 'reworked' ? 'überarbeitet' : r.resolution === 'deferred' ? 'vertagt' : 'zurückgezogen'}.`,
      );
    }
    for (const a of advices.filter((x) => x.itemId === i.id)) {
      lines.push(
        `Rat von ${guests.find((g) => g.id === a.guestId)?.name ?? 'Gast'} (beratend, zählt nicht): ${a.text}`,
      );
    }
    lines.push('');
  });
  return lines.join('\n');
}

const dto = (v: typeof minutesVersion.$inferSelect, approvedBy: string | null): MinutesVersion => ({
  version: v.version,
  status: v.status,
  body: v.body,
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
  body: string,
  status: 'draft' | 'approved',
  reason: string | null,
  summary: string,
) {
  const [latest] = await versions(tx, m.id);
  const [v] = await tx
    .insert(minutesVersion)
    .values({
      networkId: actor.networkId,
      meetingId: m.id,
      version: (latest?.version ?? 0) + 1,
      status,
      body,
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
      await draftText(tx, m),
      'draft',
      null,
      `Entwurf der Niederschrift zu „${m.title}“ erzeugt`,
    );
    await tx.update(meeting).set({ status: 'minutes_drafted' }).where(eq(meeting.id, m.id));
  });
  return listMinutes(deps, actor, meetingId);
}

/** Saves an edited draft as a new version; the earlier versions stay. */
export async function saveMinutes(deps: Deps, actor: NetworkActor, meetingId: string, body: string) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertMinutesStep(m.status, 'edit');
    await addVersion(tx, deps, actor, m, body, 'draft', null, `Niederschrift zu „${m.title}“ bearbeitet`);
  });
  return listMinutes(deps, actor, meetingId);
}

/** Sends the latest draft to all members for corrections (PDF attached). */
export async function circulateMinutes(deps: Deps, actor: NetworkActor, meetingId: string) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    const [latest] = await versions(tx, m.id);
    if (!latest || m.status !== 'minutes_drafted') {
      throw new DomainError(
        'steering.minutes_not_draft',
        'Es gibt keinen Entwurf, der umlaufen könnte.',
        'conflict',
      );
    }
    await tx.update(minutesVersion).set({ status: 'circulated' }).where(eq(minutesVersion.id, latest.id));
    const [n] = await tx.select().from(network).where(eq(network.id, actor.networkId));
    const pdf = await minutesPdf(n!.name, m, latest.version, latest.body, 'Entwurf zur Abstimmung');
    const members = await tx
      .select()
      .from(committeeMember)
      .where(eq(committeeMember.networkId, actor.networkId));
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
          'Korrekturwünsche senden Sie bitte an das Regionale Bildungsbüro. Genehmigt wird die Niederschrift in der nächsten Sitzung.',
          '',
          `Regionales Bildungsbüro – ${n!.name}`,
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
  const [latest] = await versions(tx, m.id);
  if (!latest || m.status !== 'minutes_drafted') {
    throw new DomainError(
      'steering.minutes_not_draft',
      `Zur Sitzung „${m.title}“ liegt keine Niederschrift zur Genehmigung vor.`,
      'conflict',
    );
  }
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
  body: string,
  reason: string,
) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertMinutesStep(m.status, 'correct');
    await addVersion(
      tx,
      deps,
      actor,
      m,
      body,
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
  const [n] = await deps.db.select().from(network).where(eq(network.id, actor.networkId));
  const stamp = v.status === 'approved' ? (v.reason ? `berichtigt: ${v.reason}` : 'genehmigt') : 'Entwurf';
  const name = `Niederschrift-${m.title.replace(/[^\p{L}\p{N}]+/gu, '-')}-Fassung-${v.version}.${format}`;
  const content =
    format === 'pdf'
      ? await minutesPdf(n!.name, m, v.version, v.body, stamp)
      : await minutesDocx(n!.name, m, v.version, v.body, stamp);
  return { name, content };
}
