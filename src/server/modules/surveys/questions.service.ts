import type { z } from 'zod';
import type { BankInput } from '../../../contracts/surveys.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { checkCondition, checkOptions, likertLabels, type RuleQuestion } from './survey.rules.js';
import * as repo from './surveys.repository.js';
import { assertQuestionsEditable, getSurvey, loadSurvey, type QInput } from './surveys.service.js';

/* The questions of a survey (while nobody has answered) and the office's question bank. */

function checkQuestion(questions: RuleQuestion[], position: number, q: QInput) {
  checkOptions(q.kind, q.options);
  checkCondition(questions, position, q.condition ?? null);
}

/** Runs a change of the questions in one transaction with the survey locked and its version bumped. */
async function changeQuestions(
  deps: Deps,
  actor: NetworkActor,
  id: string,
  summary: string,
  change: (tx: Db, s: repo.SurveyRow, questions: repo.QuestionRow[]) => Promise<void>,
) {
  authorize(actor.role, 'surveys.manage');
  await deps.db.transaction(async (tx) => {
    const s = await loadSurvey(tx, actor, id, true);
    await assertQuestionsEditable(tx, s);
    await change(tx, s, await repo.questionsOf(tx, id));
    await repo.updateSurvey(tx, id, {});
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'survey',
      entityId: id,
      summary: `Befragung „${s.title}“: ${summary}`,
    });
  });
  return getSurvey(deps, actor, id);
}

const questionOf = (questions: repo.QuestionRow[], qid: string) => {
  const q = questions.find((x) => x.id === qid);
  if (!q) throw notFound('Die Frage');
  return q;
};

const withLabels = (q: QInput) =>
  q.kind === 'likert' && q.options.length === 0 ? { ...q, options: likertLabels } : q;

export const addQuestion = (deps: Deps, actor: NetworkActor, id: string, input: QInput) =>
  changeQuestions(deps, actor, id, `Frage „${input.text}“ hinzugefügt`, async (tx, s, questions) => {
    const position = (questions.at(-1)?.position ?? 0) + 1;
    checkQuestion(questions, position, input);
    await repo.insertQuestion(tx, {
      networkId: actor.networkId,
      surveyId: s.id,
      position,
      ...withLabels(input),
      key: input.key ?? null,
      condition: input.condition ?? null,
    });
  });

export const editQuestion = (deps: Deps, actor: NetworkActor, id: string, qid: string, input: QInput) =>
  changeQuestions(deps, actor, id, `Frage „${input.text}“ geändert`, async (tx, _s, questions) => {
    const q = questionOf(questions, qid);
    checkQuestion(questions, q.position, input);
    // Questions depending on this one must still find their answers in it.
    const others = questions.map((x) => (x.id === qid ? { ...x, ...withLabels(input) } : x));
    for (const d of others)
      if (d.condition?.questionId === qid) checkCondition(others, d.position, d.condition);
    await repo.updateQuestion(tx, qid, {
      ...withLabels(input),
      key: input.key ?? null,
      condition: input.condition ?? null,
    });
  });

export const moveQuestion = (
  deps: Deps,
  actor: NetworkActor,
  id: string,
  qid: string,
  direction: 'up' | 'down',
) =>
  changeQuestions(deps, actor, id, 'Reihenfolge der Fragen geändert', async (tx, _s, questions) => {
    const i = questions.findIndex((x) => x.id === qid);
    if (i < 0) throw notFound('Die Frage');
    const j = direction === 'up' ? i - 1 : i + 1;
    const other = questions[j];
    if (!other) return;
    const a = questions[i]!;
    const swapped = questions.map((x) =>
      x.id === a.id
        ? { ...x, position: other.position }
        : x.id === other.id
          ? { ...x, position: a.position }
          : x,
    );
    for (const q of swapped)
      if (q.condition)
        try {
          checkCondition(swapped, q.position, q.condition);
        } catch {
          throw new DomainError(
            'surveys.move_condition',
            `„${q.text}“ hängt von einer früheren Frage ab: Diese Reihenfolge ist nicht möglich.`,
            'conflict',
          );
        }
    // Positions are not unique in the table, so a plain swap is enough.
    await repo.updateQuestion(tx, a.id, { position: other.position });
    await repo.updateQuestion(tx, other.id, { position: a.position });
  });

export const removeQuestion = (deps: Deps, actor: NetworkActor, id: string, qid: string) =>
  changeQuestions(deps, actor, id, 'Frage entfernt', async (tx, _s, questions) => {
    const q = questionOf(questions, qid);
    const dependent = questions.find((x) => x.condition?.questionId === q.id);
    if (dependent)
      throw new DomainError(
        'surveys.dependent',
        `Die Frage „${dependent.text}“ hängt von dieser Frage ab. Entfernen oder ändern Sie zuerst diese Bedingung.`,
        'conflict',
      );
    await repo.deleteQuestion(tx, qid);
  });

export async function listBank(deps: Deps, actor: NetworkActor) {
  authorize(actor.role, 'surveys.read');
  return (await repo.bankOf(deps.db, actor.networkId)).map((b) => ({
    id: b.id,
    kind: b.kind,
    text: b.text,
    options: b.options,
    key: b.key,
    topic: b.topic,
  }));
}

export async function saveToBank(
  deps: Deps,
  actor: NetworkActor,
  id: string,
  input: z.output<typeof BankInput>,
) {
  authorize(actor.role, 'surveys.manage');
  await loadSurvey(deps.db, actor, id);
  const q = questionOf(await repo.questionsOf(deps.db, id), input.questionId);
  const b = await deps.db.transaction(async (tx) => {
    const row = await repo.insertBank(tx, {
      networkId: actor.networkId,
      kind: q.kind,
      text: q.text,
      options: q.options,
      key: q.key,
      topic: input.topic,
      createdBy: actor.userId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'bank_question',
      entityId: row.id,
      summary: `Frage „${q.text}“ in die Fragensammlung übernommen`,
    });
    return row;
  });
  return { id: b.id, kind: b.kind, text: b.text, options: b.options, key: b.key, topic: b.topic };
}

export async function addFromBank(deps: Deps, actor: NetworkActor, id: string, bankQuestionId: string) {
  authorize(actor.role, 'surveys.manage');
  const b = await repo.bankById(deps.db, actor.networkId, bankQuestionId);
  if (!b) throw notFound('Die Frage der Fragensammlung');
  return addQuestion(deps, actor, id, {
    kind: b.kind,
    text: b.text,
    options: b.options,
    key: b.key,
    required: false,
    condition: null,
  });
}
