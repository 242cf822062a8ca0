import type { Advisor, Round } from '../../../contracts/steering.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { assertJointField } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import { advisorsOf } from './advisors.service.js';
import { updateItemRow } from './agenda.repository.js';
import { loadItem } from './agenda.service.js';
import { membersOf } from './committee.repository.js';
import { inTermOn } from './committee.rules.js';
import { consensusOutcome, outcomeMessage, type Participant } from './consensus.rules.js';
import * as repo from './decisions.repository.js';
import {
  applyPositions,
  assertMayAdvise,
  itemStatusAfterBlock,
  type Resolution,
  withAllConsent,
} from './decisions.rules.js';
import { insertDecision } from './decisions.service.js';
import { attendanceOf } from './meetings.repository.js';
import { assertRecording } from './meetings.rules.js';
import { loadMeeting, visibleItemIds } from './meetings.service.js';
import { approveMinutes } from './steering.minutes.js';

/* Consensus rounds on decision items: positions, advice (never counted), outcome, and the decision. */

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
    allConsent?: boolean;
    advice: Array<{ kind: Advisor['kind']; id: string; text: string }>;
    resolution: Resolution | null;
  },
): Promise<Round> {
  authorize(actor.role, 'steering.manage');
  const roundId = await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertRecording(m.status);
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
    const members = await membersOf(tx, actor.networkId);
    const att = new Map((await attendanceOf(tx, m.id)).map((a) => [a.memberId, a]));
    const principals = members.filter((x) => !x.deputyOf && inTermOn(x, day));
    const participants: Participant[] = principals.map((x) => ({
      memberId: x.id,
      side: x.side,
      voting: x.voting,
      presence: att.get(x.id)?.status ?? 'absent',
    }));
    const positions = input.allConsent ? withAllConsent(participants, input.positions) : input.positions;
    applyPositions(participants, positions, (id) => members.find((x) => x.id === id)?.name);
    const byId = new Map(participants.map((p) => [p.memberId, p]));
    const outcome = consensusOutcome(participants);
    const advisors = await advisorsOf(tx, actor.networkId, m);
    const speakers = input.advice.map((a) => {
      const who = advisors.find((x) => x.kind === a.kind && x.id === a.id);
      const voter = a.kind === 'member' ? members.find((x) => x.id === a.id && x.voting) : undefined;
      assertMayAdvise(
        voter
          ? { kind: 'member', name: voter.name, voting: true }
          : who?.kind === 'guest'
            ? { kind: 'guest', name: who.name, itemId: who.itemId }
            : who?.kind === 'member'
              ? { kind: 'member', name: who.name, voting: false }
              : who && { kind: 'office', name: who.name },
        item.id,
      );
      return { ...a, name: who!.name };
    });
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
    const round = await repo.insertRound(tx, {
      networkId: actor.networkId,
      itemId: item.id,
      round: (await repo.lastRound(tx, item.id)) + 1,
      proposal: input.proposal,
      outcome: outcome.taken ? 'taken' : 'blocked',
      reason: outcome.taken ? null : outcome.reason,
      resolution: outcome.taken ? null : input.resolution,
      recordedBy: actor.userId,
    });
    const deputies = new Map(members.filter((x) => x.deputyOf).map((x) => [x.deputyOf!, x.id]));
    await repo.insertPositions(
      tx,
      positions.map((p) => ({
        networkId: actor.networkId,
        roundId: round.id,
        memberId: p.memberId,
        castBy:
          byId.get(p.memberId)!.presence === 'represented'
            ? (att.get(p.memberId)?.deputyId ?? deputies.get(p.memberId) ?? null)
            : null,
        stance: p.stance,
        reason: p.reason || null,
      })),
    );
    await repo.insertAdvice(
      tx,
      speakers.map((a) => ({
        networkId: actor.networkId,
        itemId: item.id,
        roundId: round.id,
        kind: a.kind,
        guestId: a.kind === 'guest' ? a.id : null,
        memberId: a.kind === 'member' ? a.id : null,
        userId: a.kind === 'office' ? a.id : null,
        speakerName: a.name,
        text: a.text,
      })),
    );
    if (outcome.taken) {
      const number = await insertDecision(
        tx,
        actor.networkId,
        {
          itemId: item.id,
          roundId: round.id,
          type: item.decisionType!,
          fieldId: item.fieldId,
          contractVersionId: scopeVersion,
          title: item.title,
          text: input.proposal,
          decidedOn: day,
        },
        { from: { kind: 'agenda_item', id: item.id }, userId: actor.userId, name: actor.name },
      );
      // A procedural decision approving earlier minutes freezes them.
      if (item.approvesMinutesOf) await approveMinutes(tx, actor, item.approvesMinutesOf, number);
      await updateItemRow(tx, item.id, { status: 'decided', proposal: input.proposal });
      await recordAudit(tx, auditActorOf(actor), {
        action: 'create',
        entityType: 'decision',
        entityId: round.id,
        summary: `Beschluss ${number} „${item.title}“ gefasst`,
        after: { number, text: input.proposal, positions, advice: speakers },
      });
    } else {
      await updateItemRow(tx, item.id, { status: itemStatusAfterBlock(input.resolution!) });
      await recordAudit(tx, auditActorOf(actor), {
        action: 'create',
        entityType: 'decision_round',
        entityId: round.id,
        summary: `TOP „${item.title}“: Runde ${round.round} nicht beschlossen (${outcomeMessage(outcome)})`,
        after: { outcome, resolution: input.resolution, positions, advice: speakers },
      });
    }
    return round.id;
  });
  return (await roundsOf(deps, actor, meetingId, itemId)).find((r) => r.id === roundId)!;
}

export async function roundsOf(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  itemId: string,
): Promise<Round[]> {
  authorize(actor.role, 'meetings.read');
  await loadMeeting(deps.db, actor, meetingId);
  const visible = await visibleItemIds(deps.db, actor, meetingId);
  if (visible !== 'all' && !visible.has(itemId)) throw notFound('Der Tagesordnungspunkt');
  const rounds = await repo.roundsOfItem(deps.db, actor.networkId, itemId);
  if (rounds.length === 0) return [];
  const positions = await repo.positionsOf(
    deps.db,
    rounds.map((r) => r.id),
  );
  const members = new Map((await membersOf(deps.db, actor.networkId)).map((m) => [m.id, m.name]));
  const numbers = await repo.decisionNumbersOfItem(deps.db, itemId);
  const advice = await repo.adviceOfRounds(
    deps.db,
    rounds.map((r) => r.id),
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
    advice: advice
      .filter((a) => a.roundId === r.id)
      .map((a) => ({ kind: a.kind, name: a.speakerName, text: a.text })),
    decisionNumber: numbers.get(r.id) ?? null,
  }));
}
