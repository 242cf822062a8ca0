import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { AudiencePreview } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay, berlinInstant } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDateTime } from '../../lib/format.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { user } from '../auth/auth.tables.js';
import { assertJointField } from '../contract/contract.service.js';
import { linkForMail, linkGone, openLink } from '../links/links.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { network } from '../networks/networks.tables.js';
import { outcomeMessage, type Stance, writtenProcedureOutcome } from './consensus.rules.js';
import { insertDecision } from './decisions.service.js';
import { committeeMember, decision, procedureVote, writtenProcedure } from './steering.tables.js';

type ProcedureRow = typeof writtenProcedure.$inferSelect;
export const REMINDER_BEFORE_MS = 48 * 3_600_000;

async function entitledMembers(tx: Db, networkId: string, day: string) {
  return tx
    .select()
    .from(committeeMember)
    .where(
      and(
        eq(committeeMember.networkId, networkId),
        eq(committeeMember.voting, true),
        isNull(committeeMember.deputyOf),
        lte(committeeMember.termFrom, day),
        or(isNull(committeeMember.termTo), gte(committeeMember.termTo, day)),
      ),
    );
}

export async function procedureDetail(db: Db, networkId: string, id: string) {
  const [p] = await db
    .select()
    .from(writtenProcedure)
    .where(and(eq(writtenProcedure.id, id), eq(writtenProcedure.networkId, networkId)));
  if (!p) throw notFound('Das Umlaufverfahren');
  const votes = await db
    .select({
      v: procedureVote,
      name: committeeMember.name,
      email: committeeMember.email,
      side: committeeMember.side,
      recordedBy: user.name,
    })
    .from(procedureVote)
    .innerJoin(committeeMember, eq(committeeMember.id, procedureVote.memberId))
    .leftJoin(user, eq(user.id, procedureVote.recordedBy))
    .where(eq(procedureVote.procedureId, p.id))
    .orderBy(asc(committeeMember.name));
  const [d] = p.decisionId ? await db.select().from(decision).where(eq(decision.id, p.decisionId)) : [];
  return {
    id: p.id,
    title: p.title,
    proposal: p.proposal,
    decisionType: p.decisionType,
    fieldId: p.fieldId,
    deadline: p.deadline.toISOString(),
    status: p.status,
    outcomeMessage: p.outcomeReason,
    decisionNumber: d?.number ?? null,
    votes: votes.map(({ v, name, email, side, recordedBy }) => ({
      memberId: v.memberId,
      name,
      side,
      stance: v.stance,
      reason: v.reason,
      answeredAt: v.answeredAt?.toISOString() ?? null,
      channel: v.channel,
      recordedBy: v.channel === 'link' ? null : recordedBy,
      noEmail: !email,
    })),
  };
}

export async function listProcedures(deps: Deps, actor: NetworkActor) {
  authorize(actor.role, 'steering.read');
  const rows = await deps.db
    .select({ id: writtenProcedure.id })
    .from(writtenProcedure)
    .where(eq(writtenProcedure.networkId, actor.networkId))
    .orderBy(desc(writtenProcedure.createdAt));
  return Promise.all(rows.map((r) => procedureDetail(deps.db, actor.networkId, r.id)));
}

export async function getProcedure(deps: Deps, actor: NetworkActor, id: string) {
  authorize(actor.role, 'steering.read');
  return procedureDetail(deps.db, actor.networkId, id);
}

/**
 * Who a written procedure started now would reach: every voting member in office gets the proposal
 * and a personal link; one without an e-mail address is named, so the office can ask by phone or on
 * paper and record the answer (silence is not consent, so an unasked member blocks the procedure).
 */
export async function previewProcedure(deps: Deps, actor: NetworkActor): Promise<AudiencePreview> {
  authorize(actor.role, 'steering.manage');
  const members = await entitledMembers(deps.db, actor.networkId, berlinDay(deps.now()));
  return {
    what: 'Umlaufverfahren',
    blocked:
      members.length === 0 ? 'Es gibt keine stimmberechtigten Mitglieder, die zustimmen könnten.' : null,
    recipients: members
      .sort((a, b) => a.name.localeCompare(b.name, 'de'))
      .map((m) => ({
        name: m.name,
        email: m.email,
        role: 'member' as const,
        receives: 'Beschlussvorschlag per E-Mail mit persönlichem Link zur Antwort',
        unreachable: m.email
          ? null
          : 'keine E-Mail-Adresse hinterlegt: bitte telefonisch oder auf Papier fragen und die Antwort hier eintragen',
      })),
  };
}

/**
 * Starts a written procedure: every voting member in office gets the proposal and a personal link;
 * the same consensus rule decides at the deadline, and silence is not consent.
 */
export async function startProcedure(
  deps: Deps,
  actor: NetworkActor,
  input: {
    title: string;
    proposal: string;
    decisionType: ProcedureRow['decisionType'];
    fieldId: string | null;
    deadline: string;
  },
) {
  authorize(actor.role, 'steering.manage');
  const today = berlinDay(deps.now());
  if (input.decisionType !== 'procedural') {
    if (!input.fieldId)
      throw new DomainError('steering.field_missing', 'Bitte wählen Sie das Handlungsfeld.', 'invalid');
    // Refused now, naming the owner, rather than after everyone has answered.
    await assertJointField(deps.db, actor.networkId, input.fieldId, today);
  }
  const id = await deps.db.transaction(async (tx) => {
    const [p] = await tx
      .insert(writtenProcedure)
      .values({
        ...input,
        deadline: berlinInstant(input.deadline) as unknown as Date,
        networkId: actor.networkId,
        createdBy: actor.userId,
      })
      .returning();
    if (p!.deadline <= deps.now()) {
      throw new DomainError('steering.deadline_past', 'Die Frist muss in der Zukunft liegen.', 'invalid');
    }
    const members = await entitledMembers(tx, actor.networkId, today);
    if (members.length === 0) {
      throw new DomainError(
        'steering.no_members',
        'Es gibt keine stimmberechtigten Mitglieder, die zustimmen könnten.',
        'conflict',
      );
    }
    const [n] = await tx.select().from(network).where(eq(network.id, actor.networkId));
    for (const m of members) {
      const [v] = await tx
        .insert(procedureVote)
        .values({ networkId: actor.networkId, procedureId: p!.id, memberId: m.id })
        .returning({ id: procedureVote.id });
      if (!m.email) continue;
      const link = await linkForMail(tx, {
        networkId: actor.networkId,
        purpose: 'procedure_vote',
        voteId: v!.id,
      });
      await enqueueMail(tx, {
        networkId: actor.networkId,
        to: m.email,
        toName: m.name,
        subject: `Umlaufverfahren: ${p!.title}`,
        text: [
          `Guten Tag ${m.name},`,
          '',
          `der Lenkungskreis entscheidet im schriftlichen Verfahren über folgenden Beschlussvorschlag:`,
          '',
          p!.proposal,
          '',
          `Bitte antworten Sie bis ${formatDateTime(p!.deadline)} über Ihren persönlichen Link: ${link}`,
          'Sie können zustimmen, sich enthalten oder einen Einwand erheben. Schweigen gilt nicht als Zustimmung.',
          'Der Link ist persönlich: Bitte leiten Sie die E-Mail nicht weiter. Sie können auch per Telefon oder auf Papier antworten; das Bildungsbüro trägt Ihre Antwort dann ein.',
          '',
          `Regionales Bildungsbüro – ${n!.name}`,
        ].join('\n'),
        sensitive: true,
      });
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'written_procedure',
      entityId: p!.id,
      summary: `Umlaufverfahren „${p!.title}“ gestartet (Frist ${formatDateTime(p!.deadline)})`,
      after: { ...input, members: members.map((m) => m.name) },
    });
    return p!.id;
  });
  return procedureDetail(deps.db, actor.networkId, id);
}

/**
 * The vote behind a personal link: it serves while the procedure is open and the member in office;
 * afterwards it answers 410, whatever is asked.
 */
async function voteByToken(db: Db, token: string, now: Date) {
  const link = await openLink(db, 'procedure_vote', token, 'Die Abstimmung');
  const [row] = await db
    .select({ v: procedureVote, p: writtenProcedure, member: committeeMember })
    .from(procedureVote)
    .innerJoin(writtenProcedure, eq(writtenProcedure.id, procedureVote.procedureId))
    .innerJoin(committeeMember, eq(committeeMember.id, procedureVote.memberId))
    .where(eq(procedureVote.id, link.voteId!));
  if (!row) throw notFound('Die Abstimmung');
  if (row.p.status !== 'open' || row.p.deadline <= now) {
    throw linkGone(
      'links.procedure_closed',
      'Die Frist dieses Umlaufverfahrens ist abgelaufen; eine Antwort über diesen Link ist nicht mehr möglich.',
    );
  }
  if (row.member.termTo !== null && row.member.termTo < berlinDay(now)) {
    throw linkGone(
      'links.term_ended',
      'Ihre Amtszeit im Lenkungskreis ist beendet; dieser persönliche Link gilt deshalb nicht mehr.',
    );
  }
  return { v: row.v, p: row.p, name: row.member.name };
}

export async function voteInfo(deps: Deps, token: string) {
  const { v, p, name } = await voteByToken(deps.db, token, deps.now());
  return {
    title: p.title,
    proposal: p.proposal,
    deadline: p.deadline.toISOString(),
    open: p.status === 'open' && p.deadline > deps.now(),
    status: p.status,
    name,
    stance: v.stance,
    reason: v.reason,
  };
}

export async function castVote(deps: Deps, token: string, input: { stance: Stance; reason: string }) {
  if (input.stance === 'objection' && input.reason.trim().length < 3) {
    throw new DomainError('steering.objection_reason', 'Ein Einwand braucht eine Begründung.', 'invalid');
  }
  await deps.db.transaction(async (tx) => {
    const { v, p, name } = await voteByToken(tx, token, deps.now());
    await tx
      .select({ id: writtenProcedure.id })
      .from(writtenProcedure)
      .where(eq(writtenProcedure.id, p.id))
      .for('update');
    if (p.status !== 'open' || p.deadline <= deps.now()) {
      throw new DomainError(
        'steering.procedure_closed',
        'Die Frist ist abgelaufen; eine Antwort ist nicht mehr möglich.',
        'conflict',
      );
    }
    await tx
      .update(procedureVote)
      .set({
        stance: input.stance,
        reason: input.reason || null,
        answeredAt: deps.now(),
        channel: 'link',
        recordedBy: null,
      })
      .where(eq(procedureVote.id, v.id));
    await recordAudit(
      tx,
      { userId: null, name, networkId: p.networkId },
      {
        action: 'update',
        entityType: 'procedure_vote',
        entityId: v.id,
        summary: `${name} antwortet im Umlaufverfahren „${p.title}“`,
        before: { stance: v.stance },
        after: input,
      },
    );
  });
  return voteInfo(deps, token);
}

/**
 * Closes a procedure whose deadline has passed: the consensus rule over the answers (missing ones are
 * no consent), a numbered decision if taken, and a mail to every member with the result.
 */
async function closeOne(tx: Db, deps: Deps, p: ProcedureRow) {
  const votes = await tx
    .select({ v: procedureVote, m: committeeMember })
    .from(procedureVote)
    .innerJoin(committeeMember, eq(committeeMember.id, procedureVote.memberId))
    .where(eq(procedureVote.procedureId, p.id));
  const answers = new Map(votes.filter((x) => x.v.stance).map((x) => [x.m.id, x.v.stance as Stance]));
  let outcome = writtenProcedureOutcome(
    votes.map((x) => ({ memberId: x.m.id, side: x.m.side })),
    answers,
  );
  const day = berlinDay(p.deadline);
  let message = outcomeMessage(outcome);
  let number: string | null = null;
  let decisionId: string | null = null;
  if (outcome.taken) {
    let versionId: string | null = null;
    try {
      if (p.decisionType !== 'procedural')
        versionId = (await assertJointField(tx, p.networkId, p.fieldId!, day)).version!.id;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      outcome = { taken: false, reason: 'objection' };
      message = err.message;
    }
    if (outcome.taken) {
      number = await insertDecision(
        tx,
        p.networkId,
        {
          itemId: null,
          roundId: null,
          type: p.decisionType,
          fieldId: p.fieldId,
          contractVersionId: versionId,
          title: p.title,
          text: p.proposal,
          decidedOn: day,
        },
        { from: { kind: 'procedure', id: p.id }, userId: null, name: 'Umlaufverfahren', on: p.deadline },
      );
      const [d] = await tx
        .select({ id: decision.id })
        .from(decision)
        .where(and(eq(decision.networkId, p.networkId), eq(decision.number, number)));
      decisionId = d!.id;
      message = `Beschluss ${number} im Umlaufverfahren gefasst.`;
    }
  }
  await tx
    .update(writtenProcedure)
    .set({
      status: outcome.taken ? 'taken' : 'not_taken',
      outcomeReason: message,
      decisionId,
      closedAt: deps.now(),
    })
    .where(eq(writtenProcedure.id, p.id));
  const [n] = await tx.select().from(network).where(eq(network.id, p.networkId));
  const silent = votes.filter((x) => !x.v.stance).map((x) => x.m.name);
  for (const { m } of votes.filter((x) => x.m.email)) {
    await enqueueMail(tx, {
      networkId: p.networkId,
      to: m.email!,
      toName: m.name,
      subject: `Ergebnis des Umlaufverfahrens: ${p.title}`,
      text: [
        `Guten Tag ${m.name},`,
        '',
        `das Umlaufverfahren „${p.title}“ ist mit Fristende am ${formatDateTime(p.deadline)} abgeschlossen.`,
        message,
        ...(silent.length ? [`Keine Antwort (gilt nicht als Zustimmung): ${silent.join(', ')}.`] : []),
        '',
        `Regionales Bildungsbüro – ${n!.name}`,
      ].join('\n'),
    });
  }
  await recordAudit(
    tx,
    { userId: null, name: 'Fristablauf', networkId: p.networkId },
    {
      action: 'update',
      entityType: 'written_procedure',
      entityId: p.id,
      summary: `Umlaufverfahren „${p.title}“ abgeschlossen: ${message}`,
      before: { status: 'open' },
      after: { status: outcome.taken ? 'taken' : 'not_taken', decision: number, silent },
    },
  );
}

/**
 * The periodic job: closes procedures past their deadline and reminds those who have not answered
 * two days before it. Rows are claimed with SKIP LOCKED, so several instances never close or remind
 * twice.
 */
export async function runProcedureJobs(deps: Deps): Promise<{ closed: number; reminded: number }> {
  const closed = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(writtenProcedure)
      .where(and(eq(writtenProcedure.status, 'open'), lte(writtenProcedure.deadline, deps.now())))
      .limit(20)
      .for('update', { skipLocked: true });
    for (const p of due) await closeOne(tx, deps, p);
    return due.length;
  });
  const reminded = await deps.db.transaction(async (tx) => {
    const soon = await tx
      .select()
      .from(writtenProcedure)
      .where(
        and(
          eq(writtenProcedure.status, 'open'),
          isNull(writtenProcedure.reminderSentAt),
          lte(writtenProcedure.deadline, new Date(deps.now().getTime() + REMINDER_BEFORE_MS)),
        ),
      )
      .limit(20)
      .for('update', { skipLocked: true });
    for (const p of soon) {
      const open = await tx
        .select({ v: procedureVote, m: committeeMember })
        .from(procedureVote)
        .innerJoin(committeeMember, eq(committeeMember.id, procedureVote.memberId))
        .where(and(eq(procedureVote.procedureId, p.id), isNull(procedureVote.stance)));
      for (const { v, m } of open.filter((x) => x.m.email)) {
        const link = await linkForMail(tx, {
          networkId: p.networkId,
          purpose: 'procedure_vote',
          voteId: v.id,
        });
        await enqueueMail(tx, {
          networkId: p.networkId,
          to: m.email!,
          toName: m.name,
          subject: `Erinnerung: Umlaufverfahren „${p.title}“ endet am ${formatDateTime(p.deadline)}`,
          text: [
            `Guten Tag ${m.name},`,
            '',
            `Ihre Antwort im Umlaufverfahren „${p.title}“ fehlt noch. Schweigen gilt nicht als Zustimmung.`,
            `Ihr persönlicher Link: ${link}`,
          ].join('\n'),
          sensitive: true,
        });
      }
      await tx
        .update(writtenProcedure)
        .set({ reminderSentAt: deps.now() })
        .where(eq(writtenProcedure.id, p.id));
    }
    return soon.length;
  });
  return { closed, reminded };
}

export function startProcedureJobs(
  deps: Deps,
  log: { error(o: object, m: string): void },
  intervalMs = 60_000,
) {
  const timer = setInterval(() => {
    runProcedureJobs(deps).catch((err) => log.error({ err }, 'written procedure job failed'));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
