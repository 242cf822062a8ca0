import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { hasCalendarLink, mintLink, revokeCalendarLinks } from '../links/links.service.js';
import { authorize } from '../networks/networks.policy.js';
import { ownMembership } from './committee.repository.js';
import type { Stance } from './consensus.rules.js';
import { assertReplyAllowed } from './meetings.rules.js';
import { procedureDetail } from './steering.procedures.js';
import {
  committeeMember,
  meeting,
  meetingRecipient,
  procedureVote,
  writtenProcedure,
} from './steering.tables.js';

// What stands beside the personal links: the member's own calendar link, and the answers the office
// enters under its own name when a member replied by phone or on paper (the link stays the member's).

/**
 * The signed-in person's own membership of the committee in this network, while the term lasts:
 * linked to the account, or recognised by the e-mail address the office entered.
 */
async function currentMembership(db: Db, actor: NetworkActor, now: Date) {
  const member = await ownMembership(db, actor.networkId, actor, berlinDay(now));
  if (!member) {
    throw new DomainError(
      'links.not_committee_member',
      'Sie gehören in diesem Bildungsnetzwerk nicht (mehr) dem Lenkungskreis an; ein Kalender-Abo gibt es nur für Mitglieder.',
      'not_found',
    );
  }
  return member;
}

/** Whether the signed-in person is a committee member here and has a calendar link. */
export async function calendarLinkStatus(deps: Deps, actor: NetworkActor) {
  const member = await currentMembership(deps.db, actor, deps.now()).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'links.not_committee_member') return null;
    throw err;
  });
  if (!member) return { memberName: null, active: false };
  return { memberName: member.name, active: await hasCalendarLink(deps.db, member.id) };
}

/**
 * Replaces the member's calendar subscription link: every earlier link stops at once, and the new one
 * is shown this one time only (only its hash is kept).
 */
export async function rotateCalendarLink(deps: Deps, actor: NetworkActor) {
  return deps.db.transaction(async (tx) => {
    const member = await currentMembership(tx, actor, deps.now());
    await revokeCalendarLinks(tx, member.id, deps.now());
    const url = await mintLink(tx, deps.config.baseUrl, {
      networkId: actor.networkId,
      purpose: 'calendar',
      memberId: member.id,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'committee_member',
      entityId: member.id,
      summary: `Kalender-Abo-Link von ${member.name} neu erzeugt; frühere Links gelten nicht mehr`,
    });
    return { url };
  });
}

/**
 * The office records a meeting reply that came by phone or on paper, under its own name, for an
 * invitation that is still open.
 */
export async function recordReply(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  recipientId: string,
  input: { reply: 'attending' | 'deputy' | 'excused'; channel: 'phone' | 'paper' },
) {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ r: meetingRecipient, m: meeting })
      .from(meetingRecipient)
      .innerJoin(meeting, eq(meeting.id, meetingRecipient.meetingId))
      .where(
        and(
          eq(meetingRecipient.id, recipientId),
          eq(meetingRecipient.meetingId, meetingId),
          eq(meeting.networkId, actor.networkId),
        ),
      )
      .for('update');
    if (!row) throw notFound('Die Einladung');
    const { r, m } = row;
    assertReplyAllowed(m.status, input.reply, r.memberId !== null);
    await tx
      .update(meetingRecipient)
      .set({
        reply: input.reply,
        repliedAt: deps.now(),
        replyChannel: input.channel,
        replyRecordedBy: actor.userId,
      })
      .where(eq(meetingRecipient.id, r.id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'meeting_reply',
      entityId: r.id,
      summary: `Rückmeldung von ${r.name} zu „${m.title}“ ${channelLabel[input.channel]} erhalten, erfasst durch ${actor.name}`,
      before: { reply: r.reply, channel: r.replyChannel },
      after: { reply: input.reply, channel: input.channel, recordedBy: actor.name },
    });
  });
}

export const channelLabel = { phone: 'telefonisch', paper: 'auf Papier' } as const;

/**
 * The office records an answer that reached it by phone or on paper. It acts under its own name:
 * the vote is marked with the channel and who entered it, and only the member's own link may change
 * an answer the member gave there.
 */
export async function recordVote(
  deps: Deps,
  actor: NetworkActor,
  procedureId: string,
  memberId: string,
  input: { stance: Stance; reason: string; channel: 'phone' | 'paper' },
) {
  authorize(actor.role, 'steering.manage');
  if (input.stance === 'objection' && input.reason.trim().length < 3) {
    throw new DomainError('steering.objection_reason', 'Ein Einwand braucht eine Begründung.', 'invalid');
  }
  await deps.db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(writtenProcedure)
      .where(and(eq(writtenProcedure.id, procedureId), eq(writtenProcedure.networkId, actor.networkId)))
      .for('update');
    if (!p) throw notFound('Das Umlaufverfahren');
    const [row] = await tx
      .select({ v: procedureVote, name: committeeMember.name })
      .from(procedureVote)
      .innerJoin(committeeMember, eq(committeeMember.id, procedureVote.memberId))
      .where(and(eq(procedureVote.procedureId, p.id), eq(procedureVote.memberId, memberId)));
    if (!row) throw notFound('Die Stimme dieses Mitglieds');
    if (p.status !== 'open' || p.deadline <= deps.now()) {
      throw new DomainError(
        'steering.procedure_closed',
        'Die Frist ist abgelaufen; eine Antwort ist nicht mehr möglich.',
        'conflict',
      );
    }
    if (row.v.channel === 'link') {
      throw new DomainError(
        'steering.vote_given_by_link',
        `${row.name} hat bereits selbst über den persönlichen Link geantwortet. Eine Änderung kann nur dort erfolgen.`,
        'conflict',
      );
    }
    await tx
      .update(procedureVote)
      .set({
        stance: input.stance,
        reason: input.reason || null,
        answeredAt: deps.now(),
        channel: input.channel,
        recordedBy: actor.userId,
      })
      .where(eq(procedureVote.id, row.v.id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'procedure_vote',
      entityId: row.v.id,
      summary: `Antwort von ${row.name} im Umlaufverfahren „${p.title}“ ${channelLabel[input.channel]} erhalten, erfasst durch ${actor.name}`,
      before: { stance: row.v.stance, channel: row.v.channel },
      after: { stance: input.stance, reason: input.reason, channel: input.channel, recordedBy: actor.name },
    });
  });
  return procedureDetail(deps.db, actor.networkId, procedureId);
}
