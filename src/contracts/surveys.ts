import { z } from 'zod';
import { NetworkParams } from './common.js';
import { QuestionKind, SurveyStatus, SurveySubject } from './events.js';

/* Evaluation (Befragungen): builder, anonymous answers by link, results without small cells. */

export const SurveyParams = NetworkParams.extend({ surveyId: z.uuid({ error: 'Unbekannte Befragung.' }) });
export const QuestionParams = SurveyParams.extend({ questionId: z.uuid({ error: 'Unbekannte Frage.' }) });
export const AnswerTokenParams = z.object({ token: z.string().min(10).max(200) });

export const QuestionCondition = z.object({
  questionId: z.uuid({ error: 'Bitte wählen Sie die Frage, von der diese Frage abhängt.' }),
  values: z.array(z.string().min(1).max(300)).min(1, { error: 'Bitte wählen Sie mindestens eine Antwort.' }),
});

export const QuestionInput = z.object({
  kind: QuestionKind,
  text: z.string().trim().min(3, { error: 'Bitte geben Sie die Frage ein (mindestens 3 Zeichen).' }).max(500),
  options: z
    .array(z.string().trim().min(1, { error: 'Eine Antwortmöglichkeit ist leer.' }).max(200))
    .max(20)
    .default([]),
  required: z.boolean().default(false),
  key: z.string().trim().min(1).max(80).nullish(),
  condition: QuestionCondition.nullish(),
});
export type QuestionInput = z.infer<typeof QuestionInput>;

export const Question = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: QuestionKind,
  text: z.string(),
  options: z.array(z.string()),
  required: z.boolean(),
  key: z.string().nullable(),
  condition: z.object({ questionId: z.string(), values: z.array(z.string()) }).nullable(),
});
export type Question = z.infer<typeof Question>;

export const SurveyCreate = z.object({
  title: z
    .string()
    .trim()
    .min(3, { error: 'Bitte geben Sie einen Titel an (mindestens 3 Zeichen).' })
    .max(200),
  intro: z.string().max(4000).default(''),
  subjectKind: SurveySubject,
  subjectId: z.uuid({ error: 'Unbekannter Gegenstand.' }).nullish(),
  year: z.number().int().min(2000, { error: 'Bitte geben Sie ein Jahr an.' }).max(2100),
  instrument: z.string().max(80).nullish(),
});
export const SurveyUpdate = z.object({
  version: z.number().int(),
  title: SurveyCreate.shape.title.optional(),
  intro: z.string().max(4000).optional(),
});
export const SurveyStatusChange = z.object({ version: z.number().int(), status: SurveyStatus });
export const QuestionMove = z.object({ direction: z.enum(['up', 'down']) });
export const LinksInput = z.object({
  count: z
    .number()
    .int()
    .min(1, { error: 'Mindestens ein Link.' })
    .max(1000, { error: 'Höchstens 1.000 Links auf einmal.' }),
});
export const LinksAnswer = z.object({ urls: z.array(z.string()) });
export const SendAnswer = z.object({ queued: z.number().int() });

export const SurveySummary = z.object({
  id: z.uuid(),
  title: z.string(),
  subjectKind: SurveySubject,
  subjectId: z.string().nullable(),
  subjectLabel: z.string(),
  year: z.number().int(),
  instrument: z.string().nullable(),
  status: SurveyStatus,
  answers: z.number().int(),
  questions: z.number().int(),
});
export type SurveySummary = z.infer<typeof SurveySummary>;
export const SurveysQuery = z.object({
  subjectKind: SurveySubject.optional(),
  subjectId: z.uuid().optional(),
});

export const SurveyDetail = SurveySummary.extend({
  intro: z.string(),
  version: z.number().int(),
  linksIssued: z.number().int(),
  questionList: z.array(Question),
});
export type SurveyDetail = z.infer<typeof SurveyDetail>;

export const BankQuestion = z.object({
  id: z.uuid(),
  kind: QuestionKind,
  text: z.string(),
  options: z.array(z.string()),
  key: z.string().nullable(),
  topic: z.string(),
});
export const BankInput = z.object({ questionId: z.uuid(), topic: z.string().max(200).default('') });
export const FromBankInput = z.object({ bankQuestionId: z.uuid() });

export const Instrument = z.object({
  key: z.string(),
  title: z.string(),
  subjectKind: SurveySubject,
  questions: z.array(z.object({ key: z.string(), kind: QuestionKind, text: z.string() })),
});

/** What a participant sees behind the link (no subject id, no counts). */
export const AnswerForm = z.object({
  title: z.string(),
  intro: z.string(),
  questions: z.array(Question),
});
export const AnswerValue = z.union([z.string().max(4000), z.array(z.string().max(300)).max(20), z.number()]);
export const AnswerInput = z.object({ answers: z.record(z.string(), AnswerValue) });

export const QuestionResult = z.object({
  id: z.string(),
  key: z.string().nullable(),
  kind: QuestionKind,
  text: z.string(),
  n: z.number().int(),
  /** Fewer than MIN_CELL answers: nothing but n is shown. */
  tooFew: z.boolean(),
  mean: z.number().nullable(),
  counts: z.array(z.object({ label: z.string(), count: z.number().int() })),
  texts: z.array(z.string()),
  previousMean: z.number().nullable(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;
export const ResultsQuery = z.object({
  /** A group: only answers with this answer to that question ("<questionId>:<value>"). */
  group: z.string().max(400).optional(),
});
export const SurveyResults = z.object({
  surveyId: z.string(),
  title: z.string(),
  n: z.number().int(),
  tooFew: z.boolean(),
  group: z.string().nullable(),
  previous: z
    .object({ surveyId: z.string(), title: z.string(), year: z.number().int(), n: z.number().int() })
    .nullable(),
  questions: z.array(QuestionResult),
});
export type SurveyResults = z.infer<typeof SurveyResults>;
export const FieldParams = NetworkParams.extend({ fieldId: z.uuid() });
export const FieldSurveyResults = z.array(SurveyResults);
