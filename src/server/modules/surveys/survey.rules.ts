import { MIN_CELL } from '../../../contracts/events.js';
import { DomainError } from '../../http/errors.js';

/* Pure rules of the evaluation: conditions, validation of an answer, aggregation without small cells. */

export type RuleQuestion = {
  id: string;
  position: number;
  kind: 'likert' | 'single' | 'multiple' | 'text';
  text: string;
  options: string[];
  required: boolean;
  key: string | null;
  condition: { questionId: string; values: string[] } | null;
};
export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

const LIKERT = ['1', '2', '3', '4', '5'];

/** The answer as the strings a condition compares with (a Likert answer is its number). */
const asValues = (v: AnswerValue | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [String(v)];

/**
 * A condition may only refer to an earlier question with fixed answers (Likert or a choice), and only
 * name answers that question offers.
 */
export function checkCondition(
  questions: RuleQuestion[],
  position: number,
  condition: RuleQuestion['condition'],
) {
  if (!condition) return;
  const target = questions.find((q) => q.id === condition.questionId);
  if (!target || target.position >= position)
    throw new DomainError(
      'surveys.condition_order',
      'Eine Bedingung kann sich nur auf eine frühere Frage beziehen.',
      'invalid',
    );
  if (target.kind === 'text')
    throw new DomainError(
      'surveys.condition_text',
      'Eine Bedingung kann sich nicht auf eine Freitextfrage beziehen.',
      'invalid',
    );
  const allowed = target.kind === 'likert' ? LIKERT : target.options;
  const wrong = condition.values.filter((v) => !allowed.includes(v));
  if (wrong.length > 0)
    throw new DomainError(
      'surveys.condition_value',
      `Die Frage „${target.text}“ hat keine Antwort „${wrong[0]}“.`,
      'invalid',
    );
}

/** Choices need at least two answers; a Likert scale exactly five labels; free text none. */
export function checkOptions(kind: RuleQuestion['kind'], options: string[]) {
  if ((kind === 'single' || kind === 'multiple') && options.length < 2)
    throw new DomainError(
      'surveys.options',
      'Eine Auswahlfrage braucht mindestens zwei Antwortmöglichkeiten.',
      'invalid',
    );
  if (kind === 'likert' && options.length !== 0 && options.length !== 5)
    throw new DomainError(
      'surveys.likert',
      'Eine Skala hat fünf Stufen (1 bis 5) mit je einer Beschriftung.',
      'invalid',
    );
  if (new Set(options).size !== options.length)
    throw new DomainError('surveys.options_twice', 'Eine Antwortmöglichkeit steht doppelt da.', 'invalid');
}

/** Default labels of a Likert scale. */
export const likertLabels = [
  'trifft gar nicht zu',
  'trifft eher nicht zu',
  'teils, teils',
  'trifft eher zu',
  'trifft voll zu',
];

/** Which questions are shown given the answers so far (a question hidden hides those depending on it). */
export function visibleQuestions(questions: RuleQuestion[], answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const q of [...questions].sort((a, b) => a.position - b.position)) {
    if (!q.condition) {
      visible.add(q.id);
      continue;
    }
    const { questionId, values } = q.condition;
    if (visible.has(questionId) && asValues(answers[questionId]).some((v) => values.includes(v)))
      visible.add(q.id);
  }
  return visible;
}

const empty = (v: AnswerValue | undefined) =>
  v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Checks one participant's answers and returns them cleaned: answers to hidden or unknown questions are
 * dropped, required visible questions must be answered, each answer must fit its question.
 */
export function validateAnswers(questions: RuleQuestion[], answers: Answers): Answers {
  const visible = visibleQuestions(questions, answers);
  const errors: string[] = [];
  const clean: Answers = {};
  for (const q of [...questions].sort((a, b) => a.position - b.position)) {
    if (!visible.has(q.id)) continue;
    const v = answers[q.id];
    if (empty(v)) {
      if (q.required) errors.push(`Bitte beantworten Sie „${q.text}“.`);
      continue;
    }
    if (q.kind === 'likert') {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 5) errors.push(`„${q.text}“: bitte eine Stufe von 1 bis 5.`);
      else clean[q.id] = n;
    } else if (q.kind === 'single') {
      if (typeof v !== 'string' || !q.options.includes(v))
        errors.push(`„${q.text}“: bitte eine der angebotenen Antworten.`);
      else clean[q.id] = v;
    } else if (q.kind === 'multiple') {
      const list = Array.isArray(v) ? v : [];
      if (!Array.isArray(v) || list.some((x) => !q.options.includes(x)) || new Set(list).size !== list.length)
        errors.push(`„${q.text}“: bitte nur angebotene Antworten, jede einmal.`);
      else clean[q.id] = list;
    } else {
      if (typeof v !== 'string') errors.push(`„${q.text}“: bitte einen Text.`);
      else if (v.length > 2000) errors.push(`„${q.text}“: höchstens 2.000 Zeichen.`);
      else clean[q.id] = v.trim();
    }
  }
  if (errors.length > 0)
    throw new DomainError('surveys.answers_invalid', errors.join(' '), 'invalid', { errors });
  return clean;
}

export type QuestionAggregate = {
  id: string;
  key: string | null;
  kind: RuleQuestion['kind'];
  text: string;
  n: number;
  tooFew: boolean;
  mean: number | null;
  counts: Array<{ label: string; count: number }>;
  texts: string[];
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The results of one question over a set of answers. Below `minCell` answers nothing but n is shown:
 * no mean, no distribution, no free texts (a small group could be recognised).
 */
export function aggregateQuestion(
  q: RuleQuestion,
  responses: Answers[],
  minCell = MIN_CELL,
): QuestionAggregate {
  const given = responses.map((r) => r[q.id]).filter((v) => !empty(v));
  const n = given.length;
  const base = { id: q.id, key: q.key, kind: q.kind, text: q.text, n, mean: null, counts: [], texts: [] };
  if (n < minCell) return { ...base, tooFew: true };
  if (q.kind === 'likert') {
    const nums = given.map(Number);
    const labels = q.options.length === 5 ? q.options : likertLabels;
    return {
      ...base,
      tooFew: false,
      mean: round2(nums.reduce((a, b) => a + b, 0) / n),
      counts: labels.map((l, i) => ({
        label: `${i + 1} – ${l}`,
        count: nums.filter((x) => x === i + 1).length,
      })),
    };
  }
  if (q.kind === 'single' || q.kind === 'multiple') {
    const all = given.flatMap((v) => asValues(v));
    return {
      ...base,
      tooFew: false,
      counts: q.options.map((o) => ({ label: o, count: all.filter((x) => x === o).length })),
    };
  }
  // Free texts sorted, so that their order betrays nothing of when they were given.
  return { ...base, tooFew: false, texts: given.map(String).sort((a, b) => a.localeCompare(b, 'de')) };
}

/** A group of answers ("<questionId>:<value>"): those whose answer to that question includes the value. */
export function inGroup(
  responses: Answers[],
  group: { questionId: string; value: string } | null,
): Answers[] {
  if (!group) return responses;
  return responses.filter((r) => asValues(r[group.questionId]).includes(group.value));
}

export function parseGroup(group: string | undefined): { questionId: string; value: string } | null {
  if (!group) return null;
  const i = group.indexOf(':');
  if (i <= 0) throw new DomainError('surveys.group', 'Unbekannte Gruppe.', 'invalid');
  return { questionId: group.slice(0, i), value: group.slice(i + 1) };
}

/**
 * The whole survey: a survey (or a group) with fewer than `minCell` answers shows no breakdown at all;
 * otherwise each question on its own (a question answered fewer than `minCell` times shows only n).
 */
export function aggregate(questions: RuleQuestion[], responses: Answers[], minCell = MIN_CELL) {
  const n = responses.length;
  const tooFew = n < minCell;
  return {
    n,
    tooFew,
    questions: questions
      .slice()
      .sort((a, b) => a.position - b.position)
      .map((q) => aggregateQuestion(q, responses, tooFew ? Number.POSITIVE_INFINITY : minCell)),
  };
}

/** Last year's mean per question key (only Likert questions shown then with enough answers). */
export function previousMeans(agg: QuestionAggregate[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const q of agg) if (q.key && q.kind === 'likert' && !q.tooFew && q.mean !== null) m.set(q.key, q.mean);
  return m;
}
