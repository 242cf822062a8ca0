import { and, eq } from 'drizzle-orm';
import type { MeetingRef, MemberWork, OfficeWork } from '../../../contracts/dashboard.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize, can } from '../networks/networks.policy.js';
import { ownMember } from './committee.repository.js';
import type { Stance } from './consensus.rules.js';
import { procedureDetail } from './steering.procedures.js';
import { committeeMember, procedureVote, writtenProcedure } from './steering.tables.js';
import * as repo from './worklist.repository.js';

/* What the committee asks of a person now (Start), and the vote a signed-in member casts there. */

type RefRow = Omit<MeetingRef, 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date };
const ref = <R extends RefRow>(m: R) => ({
  ...m,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  minutesStatus: m.minutesStatus ?? null,
});

/**
 * A committee member's errands: replies, votes, minutes to read and the next meeting. `null` for a
 * person who holds no committee membership in the network (office staff, guests, partners).
 */
export async function memberWork(deps: Deps, actor: NetworkActor): Promise<MemberWork | null> {
  if (!can(actor.role, 'steering.read')) return null;
  const ids = await repo.memberIdsOf(deps.db, actor.networkId, actor.userId, actor.email);
  if (ids.length === 0) return null;
  const now = deps.now();
  const [replies, votes, followUp, next] = await Promise.all([
    repo.unansweredInvitations(deps.db, actor.networkId, ids, now),
    repo.openVotesOf(deps.db, actor.networkId, ids, now),
    repo.meetingsToFollowUp(deps.db, actor.networkId),
    repo.nextMeeting(deps.db, actor.networkId, now),
  ]);
  return {
    repliesDue: replies.map(ref),
    procedures: votes.map((v) => ({ ...v, deadline: v.deadline.toISOString() })),
    minutesCirculating: followUp.filter((m) => m.minutesStatus === 'circulated').map(ref),
    nextMeeting: next ? ref(next) : null,
  };
}

/** The office's errands: meetings to prepare and follow up, missing replies, procedures, failed mails. */
export async function officeWork(
  deps: Deps,
  actor: NetworkActor,
): Promise<Omit<OfficeWork, 'mailsFailed'> | null> {
  if (!can(actor.role, 'steering.manage')) return null;
  const now = deps.now();
  const [planning, followUp, procedures] = await Promise.all([
    repo.upcomingPlanning(deps.db, actor.networkId, now),
    repo.meetingsToFollowUp(deps.db, actor.networkId),
    repo.openProcedures(deps.db, actor.networkId),
  ]);
  return {
    toPrepare: planning
      .filter((m) => m.status === 'planned' || m.items === 0)
      .map(({ invited: _i, missing: _m, ...m }) => ref(m)),
    repliesMissing: planning
      .filter((m) => m.status === 'invited' && m.missing > 0)
      .map(({ items: _i, ...m }) => ref(m)),
    toFollowUp: followUp.map(ref),
    proceduresClosing: procedures.map((p) => ({ ...p, deadline: p.deadline.toISOString() })),
  };
}

/**
 * A signed-in member answers a written procedure from Start: the same rules as the personal link
 * (open until the deadline, only while the term lasts, an objection needs a reason), and like the
 * link it is the member's own answer, which the office cannot overwrite.
 */
export async function castOwnVote(
  deps: Deps,
  actor: NetworkActor,
  procedureId: string,
  input: { stance: Stance; reason: string },
) {
  authorize(actor.role, 'steering.read');
  if (input.stance === 'objection' && input.reason.trim().length < 3) {
    throw new DomainError('steering.objection_reason', 'Ein Einwand braucht eine Begründung.', 'invalid');
  }
  await deps.db.transaction(async (tx) => {
    const p = await lockProcedure(tx, actor.networkId, procedureId);
    const [row] = await tx
      .select({ v: procedureVote, member: committeeMember })
      .from(procedureVote)
      .innerJoin(committeeMember, eq(committeeMember.id, procedureVote.memberId))
      .where(and(eq(procedureVote.procedureId, p.id), ownMember(actor.userId, actor.email)));
    if (!row) {
      throw new DomainError(
        'steering.not_entitled',
        'Sie sind in diesem Umlaufverfahren nicht stimmberechtigt. Es stimmen die stimmberechtigten Mitglieder ab, die bei seinem Beginn im Amt waren.',
        'forbidden',
      );
    }
    const now = deps.now();
    if (p.status !== 'open' || p.deadline <= now) {
      throw new DomainError(
        'steering.procedure_closed',
        'Die Frist ist abgelaufen; eine Antwort ist nicht mehr möglich.',
        'conflict',
      );
    }
    if (row.member.termTo !== null && row.member.termTo < berlinDay(now)) {
      throw new DomainError(
        'steering.term_ended',
        'Ihre Amtszeit im Lenkungskreis ist beendet; Sie können nicht mehr abstimmen.',
        'conflict',
      );
    }
    await tx
      .update(procedureVote)
      .set({
        stance: input.stance,
        reason: input.reason || null,
        answeredAt: now,
        channel: 'link',
        recordedBy: null,
      })
      .where(eq(procedureVote.id, row.v.id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'procedure_vote',
      entityId: row.v.id,
      summary: `${row.member.name} antwortet im Umlaufverfahren „${p.title}“ (angemeldet)`,
      before: { stance: row.v.stance },
      after: input,
    });
  });
  return procedureDetail(deps.db, actor.networkId, procedureId);
}

async function lockProcedure(tx: Db, networkId: string, id: string) {
  const [p] = await tx
    .select()
    .from(writtenProcedure)
    .where(and(eq(writtenProcedure.id, id), eq(writtenProcedure.networkId, networkId)))
    .for('update');
  if (!p) throw notFound('Das Umlaufverfahren');
  return p;
}
