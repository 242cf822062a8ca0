import type { z } from 'zod';
import type {
  Question,
  QuestionInput,
  SurveyCreate,
  SurveyDetail,
  SurveyStatusChange,
  SurveySummary,
  SurveysQuery,
  SurveyUpdate,
} from '../../../contracts/surveys.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { sessionOfNetwork, visibleEvent } from '../events/events.service.js';
import { authorize } from '../networks/networks.policy.js';
import { loadProject } from '../work/work.service.js';
import { instrumentOf, instruments } from './instruments.js';
import * as repo from './surveys.repository.js';

/* Evaluation (Befragungen): the office builds surveys, participants answer anonymously by link, the
 * office and the committee read results that never break down to fewer than MIN_CELL answers. */

type Create = z.output<typeof SurveyCreate>;
type Update = z.output<typeof SurveyUpdate>;
type StatusChange = z.output<typeof SurveyStatusChange>;
export type QInput = z.output<typeof QuestionInput>;

export const toQuestion = (q: repo.QuestionRow): Question => ({
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

export async function loadSurvey(db: Db, actor: NetworkActor, id: string, lock = false) {
  const s = await repo.surveyById(db, actor.networkId, id, lock);
  if (!s) throw notFound('Die Befragung');
  return s;
}

export async function assertVersion(db: Db, actor: NetworkActor, s: repo.SurveyRow, version: number) {
  if (s.version !== version)
    throw staleVersion(
      'surveys.stale',
      'Die Befragung',
      await lastChangedBy(db, actor.networkId, 'survey', s.id),
      '. Bitte laden Sie die Seite neu.',
    );
}

/** Questions can change only while nobody has answered (else answers would no longer fit). */
export async function assertQuestionsEditable(db: Db, s: repo.SurveyRow) {
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
