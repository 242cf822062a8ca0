import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import {
  checkAgreement,
  checkChangingDecision,
  checkEntries,
  checkSettingDecision,
  compareEntries,
  type DecisionFacts,
  reviewDue,
} from './goals.rules.js';

const d = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
  id: 'd1',
  number: 'LK-2027-01',
  type: 'goal',
  fieldId: 'f1',
  decidedOn: '2027-02-01',
  ...over,
});

describe('setting a goal', () => {
  it.each([
    ['no decision', undefined, 'f1', 'work.decision_missing'],
    ['a work order decision', d({ type: 'work_order' }), 'f1', 'work.decision_type'],
    ['a work plan decision', d({ type: 'work_plan' }), 'f1', 'work.decision_type'],
    ['a goal decision of another field', d({ fieldId: 'f2' }), 'f1', 'work.decision_field'],
    ['a goal decision of the field', d(), 'f1', 'ok'],
    ['a goal decision naming no field', d({ fieldId: null }), 'f1', 'ok'],
  ])('%s → %s', (_name, decision, field, code) => {
    expect(errorCodeOf(() => checkSettingDecision(decision, field))).toBe(code);
  });
});

describe('changing a goal', () => {
  const goal = { fieldId: 'f1', lastDecidedOn: '2027-02-01', usedDecisionIds: ['d0'] };
  it.each([
    ['no decision', undefined, 'work.decision_missing'],
    ['a procedural decision', d({ type: 'procedural' }), 'work.decision_type'],
    ['another field', d({ fieldId: 'f2' }), 'work.decision_field'],
    ['the decision that set it', d({ id: 'd0' }), 'work.decision_used'],
    ['an older decision', d({ decidedOn: '2027-01-31' }), 'work.decision_older'],
    ['a goal decision of the same day', d(), 'ok'],
    ['a later work plan decision', d({ type: 'work_plan', decidedOn: '2027-05-01' }), 'ok'],
  ])('%s → %s', (_name, decision, code) => {
    expect(errorCodeOf(() => checkChangingDecision(decision, goal))).toBe(code);
  });
});

describe('review due', () => {
  it.each([
    ['active, review passed', 'active', '2027-03-01', '2027-03-02', true],
    ['active, review today', 'active', '2027-03-02', '2027-03-02', false],
    ['active, no review day', 'active', null, '2027-03-02', false],
    ['achieved, review passed', 'achieved', '2027-03-01', '2027-03-02', false],
    ['dropped, review passed', 'dropped', '2027-03-01', '2027-03-02', false],
  ])('%s → %s', (_name, status, reviewOn, today, due) => {
    expect(reviewDue({ status, reviewOn }, today)).toBe(due);
  });
});

describe('agreeing a plan version', () => {
  const plan = { fieldId: 'f1', agreedVersion: 2, agreedDecidedOn: '2027-02-01' };
  const draft = { id: 'v3', version: 3, status: 'draft' as const };
  const wp = d({ type: 'work_plan', decidedOn: '2027-03-01' });
  it.each([
    ['no decision', undefined, draft, 'work.decision_missing'],
    ['a goal decision', d(), draft, 'work.decision_type'],
    ['another field', d({ type: 'work_plan', fieldId: 'f2' }), draft, 'work.decision_field'],
    [
      'the agreed version again',
      wp,
      { id: 'v2', version: 2, status: 'agreed' as const },
      'work.plan_version_not_draft',
    ],
    [
      'a superseded version',
      wp,
      { id: 'v1', version: 1, status: 'superseded' as const },
      'work.plan_version_not_draft',
    ],
    [
      'a draft older than the agreed one',
      wp,
      { id: 'v1', version: 1, status: 'draft' as const },
      'work.plan_version_outdated',
    ],
    [
      'a decision older than the agreed one',
      d({ type: 'work_plan', decidedOn: '2027-01-01' }),
      draft,
      'work.decision_older',
    ],
    ['a newer draft by a later decision', wp, draft, 'ok'],
  ])('%s → %s', (_name, decision, version, code) => {
    expect(errorCodeOf(() => checkAgreement(decision, version, plan))).toBe(code);
  });
});

describe('plan entries', () => {
  const e = (kind: string, over: object = {}) => ({
    kind,
    title: '',
    description: '',
    goalId: null,
    projectId: null,
    dueOn: null,
    ...over,
  });
  it.each([
    ['a goal of the field', [e('goal', { goalId: 'g1' })], 'ok'],
    ['a goal of another field', [e('goal', { goalId: 'g9' })], 'work.plan_entry_goal'],
    ['a goal entry without goal', [e('goal')], 'work.plan_entry_goal'],
    ['a measure without title', [e('measure')], 'work.plan_entry_title'],
    ['an event with title', [e('event', { title: 'Fachtag' })], 'ok'],
  ])('%s → %s', (_name, entries, code) => {
    expect(errorCodeOf(() => checkEntries(entries, new Set(['g1'])))).toBe(code);
  });

  it('compares versions by goal or by kind and title', () => {
    const before = [
      e('goal', { goalId: 'g1' }),
      e('event', { title: 'Fachtag' }),
      e('product', { title: 'Handreichung' }),
    ];
    const after = [
      e('goal', { goalId: 'g1' }),
      e('event', { title: 'Fachtag', dueOn: '2027-11-05' }),
      e('project', { title: 'Portal' }),
    ];
    const c = compareEntries(before, after);
    expect(c.added.map((x) => x.title)).toEqual(['Portal']);
    expect(c.removed.map((x) => x.title)).toEqual(['Handreichung']);
    expect(c.changed.map((x) => [x.before.dueOn, x.after.dueOn])).toEqual([[null, '2027-11-05']]);
  });
});
