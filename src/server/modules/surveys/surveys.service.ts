import type { z } from 'zod';
import type {
  AnswerForm,
  AnswerInput,
  BankInput,
  LinksInput,
  Question,
  QuestionInput,
  SurveyCreate,
  SurveyDetail,
  SurveyResults,
  SurveyStatusChange,
  SurveySummary,
  SurveysQuery,
  SurveyUpdate,
} from '../../../contracts/surveys.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { hashToken, newToken } from '../../lib/tokens.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import {
  eventIdsOfField,
  participantsOfEvent,
  sessionOfNetwork,
  visibleEvent,
} from '../events/events.service.js';
import { linkGone, mailLinkPlaceholder, registerMailLink } from '../links/links.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { loadProject } from '../work/work.service.js';
import { instrumentOf, instruments } from './instruments.js';
import {
  aggregate,
  checkCondition,
  checkOptions,
  inGroup,
  likertLabels,
  parseGroup,
  previousMeans,
  type RuleQuestion,
  validateAnswers,
} from './survey.rules.js';
import * as repo from './surveys.repository.js';

/* Evaluation (Befragungen): the office builds surveys, participants answer anonymously by link, the
 * office and the committee read results that never break down to fewer than MIN_CELL answers. */

type Create = z.output<typeof SurveyCreate>;
type Update = z.output<typeof SurveyUpdate>;
type StatusChange = z.output<typeof SurveyStatusChange>;
type QInput = z.output<typeof QuestionInput>;

const answerPath = (token: string) => `/befragung/${token}`;

/** Mints one anonymous answer link at delivery (the placeholder `[[survey-link:<surveyId>]]`). */
async function mintSurveyLink(db: Db, baseUrl: string, surveyId: string) {
  const networkId = await repo.networkOfSurvey(db, surveyId);
  if (!networkId) return '(Link nicht mehr gültig)';
  const token = newToken();
  await repo.insertTokens(db, networkId, surveyId, [hashToken(token)]);
  return `${baseUrl}${answerPath(token)}`;
}
registerMailLink('survey-link', mintSurveyLink);

const toQuestion = (q: repo.QuestionRow): Question => ({
  id: q.id,
  position: q.position,
  kind: q.kind,
  text: q.text,
  options: q.options,
  required: q.required,
  key: q.key,
  condition: q.condition ?? null,
});

async function subjectLabel(
  deps: Deps,
  actor: NetworkActor,
  kind: repo.SurveyRow['subjectKind'],
  id: string | null,
) {
  if (kind === 'network') return 'Netzwerk';
  if (!id)
    throw new DomainError(
      'surveys.subject_missing',
      'Bitte wählen Sie den Gegenstand der Befragung.',
      'invalid',
    );
  if (kind === 'event') return (await visibleEvent(deps.db, actor, id)).title;
  if (kind === 'session') {
    const s = await sessionOfNetwork(deps.db, actor.networkId, id);
    if (!s) throw notFound('Der Programmpunkt');
    return `${s.title} (${s.eventTitle})`;
  }
  if (kind === 'project') return (await loadProject(deps.db, actor, id)).p.title;
  const name = (await fieldNames(deps.db, actor.networkId, [id])).get(id);
  if (!name) throw notFound('Das Handlungsfeld');
  return name;
}

async function loadSurvey(db: Db, actor: NetworkActor, id: string, lock = false) {
  const s = await repo.surveyById(db, actor.networkId, id, lock);
  if (!s) throw notFound('Die Befragung');
  return s;
}

async function assertVersion(db: Db, actor: NetworkActor, s: repo.SurveyRow, version: number) {
  if (s.version !== version)
    throw staleVersion(
      'surveys.stale',
      'Die Befragung',
      await lastChangedBy(db, actor.networkId, 'survey', s.id),
      '. Bitte laden Sie die Seite neu.',
    );
}

/** Questions can change only while nobody has answered (else answers would no longer fit). */
async function assertQuestionsEditable(db: Db, s: repo.SurveyRow) {
  if (s.status === 'closed')
    throw new DomainError('surveys.closed', 'Die Befragung ist abgeschlossen.', 'conflict');
  if ((await repo.responseCount(db, s.id)) > 0)
    throw new DomainError(
      'surveys.has_answers',
      'Die Befragung hat schon Antworten: Ihre Fragen lassen sich nicht mehr ändern. Sie können sie nur noch schließen.',
      'conflict',
    );
}

export async function listSurveys(
  deps: Deps,
  actor: NetworkActor,
  q: z.output<typeof SurveysQuery>,
): Promise<SurveySummary[]> {
  authorize(actor.role, 'surveys.read');
  const rows = await repo.surveysOf(deps.db, actor.networkId, {
    subjectKind: q.subjectKind,
    subjectIds: q.subjectId ? [q.subjectId] : undefined,
  });
  return Promise.all(rows.map((r) => summaryOf(deps, actor, r.survey, r.answers, r.questions)));
}

async function summaryOf(
  deps: Deps,
  actor: NetworkActor,
  s: repo.SurveyRow,
  answers: number,
  questions: number,
): Promise<SurveySummary> {
  let label: string;
  try {
    label = await subjectLabel(deps, actor, s.subjectKind, s.subjectId);
  } catch {
    label = '–';
  }
  return {
    id: s.id,
    title: s.title,
    subjectKind: s.subjectKind,
    subjectId: s.subjectId,
    subjectLabel: label,
    year: s.year,
    instrument: s.instrument,
    status: s.status,
    answers,
    questions,
  };
}

export async function getSurvey(deps: Deps, actor: NetworkActor, id: string): Promise<SurveyDetail> {
  authorize(actor.role, 'surveys.read');
  const s = await loadSurvey(deps.db, actor, id);
  const questions = await repo.questionsOf(deps.db, id);
  const answers = await repo.responseCount(deps.db, id);
  return {
    ...(await summaryOf(deps, actor, s, answers, questions.length)),
    intro: s.intro,
    version: s.version,
    linksIssued: await repo.tokenCount(deps.db, id),
    questionList: questions.map(toQuestion),
  };
}

export const listInstruments = (actor: NetworkActor) => {
  authorize(actor.role, 'surveys.read');
  return instruments.map((i) => ({
    key: i.key,
    title: i.title,
    subjectKind: i.subjectKind,
    questions: i.questions.map(({ key, kind, text }) => ({ key, kind, text })),
  }));
};

export async function createSurvey(deps: Deps, actor: NetworkActor, input: Create): Promise<SurveyDetail> {
  authorize(actor.role, 'surveys.manage');
  const subjectId = input.subjectKind === 'network' ? null : (input.subjectId ?? null);
  await subjectLabel(deps, actor, input.subjectKind, subjectId);
  const instrument = input.instrument ? instrumentOf(input.instrument) : undefined;
  if (input.instrument && !instrument)
    throw new DomainError('surveys.instrument', 'Unbekanntes Standardinstrument.', 'invalid');
  const id = await deps.db.transaction(async (tx) => {
    const s = await repo.insertSurvey(tx, {
      networkId: actor.networkId,
      title: input.title,
      intro: input.intro,
      subjectKind: input.subjectKind,
      subjectId,
      year: input.year,
      instrument: instrument?.key ?? null,
      createdBy: actor.userId,
    });
    for (const [i, q] of (instrument?.questions ?? []).entries())
      await repo.insertQuestion(tx, { networkId: actor.networkId, surveyId: s.id, position: i + 1, ...q });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'survey',
      entityId: s.id,
      summary: `Befragung „${s.title}“ angelegt${instrument ? ` (aus „${instrument.title}“)` : ''}`,
    });
    return s.id;
  });
  return getSurvey(deps, actor, id);
}

export async function updateSurvey(
  deps: Deps,
  actor: NetworkActor,
  id: string,
  input: Update,
): Promise<SurveyDetail> {
  authorize(actor.role, 'surveys.manage');
  await deps.db.transaction(async (tx) => {
    const s = await loadSurvey(tx, actor, id, true);
    await assertVersion(tx, actor, s, input.version);
    const after = { title: input.title ?? s.title, intro: input.intro ?? s.intro };
    await repo.updateSurvey(tx, id, after);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'survey',
      entityId: id,
      summary: `Befragung „${after.title}“ geändert`,
      before: { title: s.title, intro: s.intro },
      after,
    });
  });
  return getSurvey(deps, actor, id);
}

const statusSteps: Record<string, string[]> = { draft: ['open'], open: ['closed'], closed: ['open'] };
const statusLabel = { draft: 'Entwurf', open: 'offen', closed: 'abgeschlossen' } as const;

export async function changeStatus(
  deps: Deps,
  actor: NetworkActor,
  id: string,
  input: StatusChange,
): Promise<SurveyDetail> {
  authorize(actor.role, 'surveys.manage');
  await deps.db.transaction(async (tx) => {
    const s = await loadSurvey(tx, actor, id, true);
    await assertVersion(tx, actor, s, input.version);
    if (!statusSteps[s.status]!.includes(input.status))
      throw new DomainError(
        'surveys.status',
        `Eine Befragung im Stand „${statusLabel[s.status]}“ kann nicht auf „${statusLabel[input.status]}“ gesetzt werden.`,
        'conflict',
      );
    if (input.status === 'open' && (await repo.questionsOf(tx, id)).length === 0)
      throw new DomainError(
        'surveys.empty',
        'Eine Befragung ohne Fragen lässt sich nicht öffnen.',
        'conflict',
      );
    const now = deps.now();
    await repo.updateSurvey(tx, id, {
      status: input.status,
      ...(input.status === 'open' ? { opensAt: now, closesAt: null } : { closesAt: now }),
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'survey',
      entityId: id,
      summary: `Befragung „${s.title}“: ${statusLabel[input.status]}`,
      before: { status: s.status },
      after: { status: input.status },
    });
  });
  return getSurvey(deps, actor, id);
}

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

/** N anonymous links, shown once (hashes stored, no person): for a mailing of the office's own. */
export async function mintLinks(
  deps: Deps,
  actor: NetworkActor,
  id: string,
  input: z.output<typeof LinksInput>,
) {
  authorize(actor.role, 'surveys.manage');
  const s = await loadSurvey(deps.db, actor, id);
  if (s.status === 'closed')
    throw new DomainError('surveys.closed', 'Die Befragung ist abgeschlossen.', 'conflict');
  const tokens = Array.from({ length: input.count }, () => newToken());
  await deps.db.transaction(async (tx) => {
    await repo.insertTokens(tx, actor.networkId, id, tokens.map(hashToken));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'survey',
      entityId: id,
      summary: `${input.count} Antwortlinks für „${s.title}“ erzeugt`,
    });
  });
  return { urls: tokens.map((t) => `${deps.config.baseUrl}${answerPath(t)}`) };
}

/**
 * One mail per participant of the surveyed event (confirmed or checked in). The mail holds only a
 * placeholder; the anonymous link is minted when the mail leaves, so neither the outbox nor the token
 * knows whom it went to.
 */
export async function sendToParticipants(deps: Deps, actor: NetworkActor, id: string) {
  authorize(actor.role, 'surveys.manage');
  const s = await loadSurvey(deps.db, actor, id);
  if (s.subjectKind !== 'event' || !s.subjectId)
    throw new DomainError(
      'surveys.not_event',
      'Nur die Befragung zu einer Veranstaltung geht an ihre Teilnehmenden.',
      'conflict',
    );
  if (s.status !== 'open')
    throw new DomainError(
      'surveys.not_open',
      'Bitte öffnen Sie die Befragung, bevor Sie die Links versenden.',
      'conflict',
    );
  const ev = await visibleEvent(deps.db, actor, s.subjectId);
  const people = await participantsOfEvent(deps.db, actor.networkId, ev.id);
  const seen = new Set<string>();
  await deps.db.transaction(async (tx) => {
    for (const p of people) {
      const to = p.email.trim().toLowerCase();
      if (!to || seen.has(to)) continue;
      seen.add(to);
      await enqueueMail(tx, {
        networkId: actor.networkId,
        to,
        toName: `${p.firstName} ${p.lastName}`,
        subject: `Ihre Rückmeldung: ${s.title}`,
        text: [
          `Guten Tag ${p.firstName} ${p.lastName},`,
          '',
          `vielen Dank für Ihre Teilnahme an „${ev.title}“. Wir freuen uns über Ihre Rückmeldung – sie dauert etwa fünf Minuten und ist anonym: Ihre Antworten werden ohne Namen und ohne Zeitpunkt gespeichert.`,
          '',
          `Zur Befragung: ${mailLinkPlaceholder('survey-link', s.id)}`,
          '',
          'Der Link gilt für eine Antwort.',
        ].join('\n'),
        sensitive: true,
      });
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'survey',
      entityId: id,
      summary: `Befragung „${s.title}“ an ${seen.size} Teilnehmende versandt`,
    });
  });
  return { queued: seen.size };
}

async function openToken(db: Db, token: string) {
  const t = await repo.tokenByHash(db, hashToken(token));
  if (!t) throw notFound('Die Befragung');
  if (t.used) throw linkGone('surveys.used', 'Mit diesem Link wurde schon geantwortet. Vielen Dank!');
  const s = await repo.surveyById(db, t.networkId, t.surveyId);
  if (!s) throw notFound('Die Befragung');
  if (s.status === 'closed')
    throw linkGone('surveys.closed', 'Die Befragung ist abgeschlossen. Vielen Dank!');
  if (s.status !== 'open')
    throw new DomainError('surveys.not_open', 'Die Befragung ist noch nicht geöffnet.', 'conflict');
  return { t, s };
}

export async function answerForm(deps: Deps, token: string): Promise<z.output<typeof AnswerForm>> {
  const { s } = await openToken(deps.db, token);
  return {
    title: s.title,
    intro: s.intro,
    questions: (await repo.questionsOf(deps.db, s.id)).map(toQuestion),
  };
}

/** Stores one anonymous answer: the token only flips to used; the answer knows neither token nor time. */
export async function submitAnswer(deps: Deps, token: string, input: z.output<typeof AnswerInput>) {
  const { t, s } = await openToken(deps.db, token);
  const clean = validateAnswers(await repo.questionsOf(deps.db, s.id), input.answers);
  await deps.db.transaction(async (tx) => {
    if (!(await repo.useToken(tx, t.id)))
      throw linkGone('surveys.used', 'Mit diesem Link wurde schon geantwortet. Vielen Dank!');
    await repo.insertResponse(tx, s.networkId, s.id, clean);
  });
  return { ok: true as const };
}

async function resultsOf(db: Db, s: repo.SurveyRow, group: string | null): Promise<SurveyResults> {
  const questions = await repo.questionsOf(db, s.id);
  const responses = inGroup(await repo.responsesOf(db, s.id), parseGroup(group ?? undefined));
  const now = aggregate(questions, responses);
  let previous: SurveyResults['previous'] = null;
  let before = new Map<string, number>();
  const prev = s.instrument
    ? await repo.previousOfInstrument(db, s.networkId, s.instrument, s.year)
    : undefined;
  if (prev) {
    const all = aggregate(await repo.questionsOf(db, prev.id), await repo.responsesOf(db, prev.id));
    previous = { surveyId: prev.id, title: prev.title, year: prev.year, n: all.n };
    before = previousMeans(all.questions);
  }
  return {
    surveyId: s.id,
    title: s.title,
    n: now.n,
    tooFew: now.tooFew,
    group,
    previous,
    questions: now.questions.map((q) => ({ ...q, previousMean: q.key ? (before.get(q.key) ?? null) : null })),
  };
}

export async function surveyResults(deps: Deps, actor: NetworkActor, id: string, group?: string) {
  authorize(actor.role, 'surveys.read');
  const s = await loadSurvey(deps.db, actor, id);
  if (group) {
    const [qid] = group.split(':');
    const q = (await repo.questionsOf(deps.db, id)).find((x) => x.id === qid);
    if (!q || q.kind === 'text') throw new DomainError('surveys.group', 'Unbekannte Gruppe.', 'invalid');
  }
  return resultsOf(deps.db, s, group ?? null);
}

/** The results of the surveys about a field of action or about the events in it (quality page). */
export async function fieldSurveyResults(deps: Deps, actor: NetworkActor, fieldId: string) {
  authorize(actor.role, 'surveys.read');
  if (!(await fieldNames(deps.db, actor.networkId, [fieldId])).has(fieldId))
    throw notFound('Das Handlungsfeld');
  const ofField = await repo.surveysOf(deps.db, actor.networkId, {
    subjectKind: 'field',
    subjectIds: [fieldId],
  });
  const eventIds = await eventIdsOfField(deps.db, actor.networkId, fieldId);
  const ofEvents = await repo.surveysOf(deps.db, actor.networkId, {
    subjectKind: 'event',
    subjectIds: eventIds,
  });
  const list = [...ofField, ...ofEvents].filter((r) => r.survey.status !== 'draft');
  return Promise.all(list.map((r) => resultsOf(deps.db, r.survey, null)));
}

export async function exportRows(deps: Deps, actor: NetworkActor, id: string) {
  const r = await surveyResults(deps, actor, id);
  const questions = await repo.questionsOf(deps.db, id);
  const raw = r.tooFew ? [] : await repo.responsesOf(deps.db, id);
  return { results: r, questions, raw };
}
