import { describe, expect, it } from 'vitest';
import {
  type Answers,
  aggregate,
  aggregateQuestion,
  checkCondition,
  checkOptions,
  inGroup,
  parseGroup,
  type RuleQuestion,
  validateAnswers,
  visibleQuestions,
} from './survey.rules.js';

const q = (id: string, position: number, over: Partial<RuleQuestion> = {}): RuleQuestion => ({
  id,
  position,
  kind: 'likert',
  text: `Frage ${id}`,
  options: [],
  required: false,
  key: id,
  condition: null,
  ...over,
});

const role = q('role', 2, { kind: 'single', options: ['Schule', 'Kita'], required: true });
const why = q('why', 3, {
  kind: 'text',
  condition: { questionId: 'overall', values: ['1', '2'] },
  required: true,
});
const kita = q('kita', 4, {
  kind: 'multiple',
  options: ['A', 'B'],
  condition: { questionId: 'role', values: ['Kita'] },
});
const deep = q('deep', 5, { kind: 'text', condition: { questionId: 'kita', values: ['A'] } });
const overall = q('overall', 1, { required: true });
const form = [overall, role, why, kita, deep];

describe('conditions', () => {
  it.each([
    ['an earlier likert question', { questionId: 'overall', values: ['1'] }, 3, null],
    ['an earlier choice', { questionId: 'role', values: ['Kita'] }, 3, null],
    ['a later question', { questionId: 'kita', values: ['A'] }, 3, 'surveys.condition_order'],
    ['itself', { questionId: 'role', values: ['Kita'] }, 2, 'surveys.condition_order'],
    ['an unknown question', { questionId: 'x', values: ['1'] }, 9, 'surveys.condition_order'],
    ['a free text', { questionId: 'why', values: ['a'] }, 4, 'surveys.condition_text'],
    ['an answer not offered', { questionId: 'role', values: ['Hort'] }, 3, 'surveys.condition_value'],
    ['a likert step outside 1–5', { questionId: 'overall', values: ['6'] }, 3, 'surveys.condition_value'],
  ])('on %s', (_, cond, position, code) => {
    const run = () => checkCondition(form, position, cond);
    if (code) expect(run).toThrow(expect.objectContaining({ code }));
    else expect(run).not.toThrow();
  });

  it.each([
    [{ overall: 4, role: 'Schule' }, ['overall', 'role']],
    [{ overall: 2, role: 'Schule' }, ['overall', 'role', 'why']],
    [{ overall: 5, role: 'Kita', kita: ['A'] }, ['overall', 'role', 'kita', 'deep']],
    // A hidden question hides what depends on it, even when answered.
    [{ overall: 5, role: 'Schule', kita: ['A'] }, ['overall', 'role']],
  ])('shows for %j', (answers, shown) => {
    expect([...visibleQuestions(form, answers)].sort()).toEqual([...shown].sort());
  });
});

describe('options', () => {
  it.each([
    ['single', ['a'], 'surveys.options'],
    ['multiple', ['a', 'b'], null],
    ['likert', [], null],
    ['likert', ['a', 'b'], 'surveys.likert'],
    ['single', ['a', 'a'], 'surveys.options_twice'],
    ['text', [], null],
  ] as const)('%s with %j', (kind, options, code) => {
    const run = () => checkOptions(kind, [...options]);
    if (code) expect(run).toThrow(expect.objectContaining({ code }));
    else expect(run).not.toThrow();
  });
});

describe('validating an answer', () => {
  it('keeps visible answers and drops hidden and unknown ones', () => {
    expect(validateAnswers(form, { overall: '4', role: 'Schule', why: 'x', kita: ['A'], zzz: 'y' })).toEqual({
      overall: 4,
      role: 'Schule',
    });
  });
  it('asks for required visible questions only', () => {
    expect(() => validateAnswers(form, { overall: 2, role: 'Kita' })).toThrow(/Frage why/);
    expect(validateAnswers(form, { overall: 5, role: 'Kita' })).toEqual({ overall: 5, role: 'Kita' });
  });
  it.each([
    [{ overall: 6, role: 'Kita' }, /1 bis 5/],
    [{ overall: 2.5, role: 'Kita' }, /1 bis 5/],
    [{ overall: 3, role: 'Hort' }, /angebotenen/],
    [{ overall: 3, role: 'Kita', kita: ['A', 'A'] }, /jede einmal/],
    [{ overall: 3, role: 'Kita', kita: ['C'] }, /jede einmal/],
    [{ overall: 3, role: 'Kita', kita: 'A' }, /jede einmal/],
    [{ overall: 1, role: 'Kita', why: 'x'.repeat(2001) }, /2.000/],
    [{ role: 'Kita' }, /Frage overall/],
  ])('refuses %j', (answers, message) => {
    expect(() => validateAnswers(form, answers)).toThrow(message);
  });
});

const answersOf = (values: Array<number | undefined>): Answers[] =>
  values.map((v): Answers => (v === undefined ? {} : { overall: v }));

describe('aggregation without small cells', () => {
  it.each([
    [[5, 4, 4, 3, 2], 5, false, 3.6, [0, 1, 1, 2, 1]],
    [[5, 4, 4, 3], 4, true, null, []],
    [[5, 4, 4, 3, undefined, undefined], 4, true, null, []],
    [[1, 1, 1, 1, 1, 2], 6, false, 1.17, [5, 1, 0, 0, 0]],
  ])('likert %j → n %i, too few %s, mean %s', (values, n, tooFew, mean, dist) => {
    const a = aggregateQuestion(overall, answersOf(values));
    expect(a).toMatchObject({ n, tooFew, mean });
    expect(a.counts.map((c) => c.count)).toEqual(dist);
  });

  it('counts choices of several answers each and hides free texts below five', () => {
    const multi = q('kita', 1, { kind: 'multiple', options: ['A', 'B'] });
    const r = [['A'], ['A', 'B'], ['B'], ['A'], ['A', 'B']].map((v) => ({ kita: v }));
    expect(aggregateQuestion(multi, r).counts).toEqual([
      { label: 'A', count: 4 },
      { label: 'B', count: 3 },
    ]);
    const text = q('t', 1, { kind: 'text' });
    const four = ['d', 'b', 'a', 'c'].map((t) => ({ t }));
    expect(aggregateQuestion(text, four)).toMatchObject({ tooFew: true, texts: [] });
    expect(aggregateQuestion(text, [...four, { t: 'e' }]).texts).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('shows no breakdown at all for a survey or group below five', () => {
    const r: Answers[] = answersOf([5, 5, 4, 4]).map((a, i) => ({ ...a, role: i < 2 ? 'Kita' : 'Schule' }));
    const all = aggregate([overall, role], r);
    expect(all.tooFew).toBe(true);
    expect(all.questions.every((x) => x.tooFew && x.mean === null && x.counts.length === 0)).toBe(true);
    const nine = [...r, ...r, { overall: 3, role: 'Kita' }];
    expect(aggregate([overall, role], nine).questions[0]).toMatchObject({ tooFew: false, n: 9 });
    const group = inGroup(nine, parseGroup('role:Kita'));
    expect(group).toHaveLength(5);
    expect(aggregate([overall], group).tooFew).toBe(false);
    expect(aggregate([overall], inGroup(nine, parseGroup('role:Schule'))).tooFew).toBe(true);
    expect(() => parseGroup('nonsense')).toThrow(/Gruppe/);
  });
});
