import { DomainError } from '../../http/errors.js';

/*
 * Goals and work plans: what the steering committee must have decided before the office records them.
 * Pure: the services pass plain facts.
 */

export type DecisionFacts = {
  id: string;
  number: string;
  type: string;
  fieldId: string | null;
  decidedOn: string;
};

const invalid = (code: string, message: string) => new DomainError(code, message, 'invalid');

/**
 * A goal is set by a taken decision of type goal (a decision row exists only once taken). When the
 * decision names a field of action, the goal must be in that field: the committee decided for it.
 */
export function checkSettingDecision(d: DecisionFacts | undefined, fieldId: string): DecisionFacts {
  if (!d)
    throw invalid(
      'work.decision_missing',
      'Ein Ziel entsteht nur aus einem gefassten Beschluss des Lenkungskreises. Bitte wählen Sie den Zielbeschluss.',
    );
  if (d.type !== 'goal')
    throw invalid(
      'work.decision_type',
      `Beschluss ${d.number} ist kein Zielbeschluss. Ziele setzt nur ein Beschluss der Art „Ziel“.`,
    );
  if (d.fieldId && d.fieldId !== fieldId)
    throw invalid(
      'work.decision_field',
      `Beschluss ${d.number} gilt für ein anderes Handlungsfeld. Bitte wählen Sie das Handlungsfeld des Beschlusses.`,
    );
  return d;
}

/**
 * A change of a goal names a new decision (goal or work plan), taken on or after the decision of the
 * goal's current version, in the goal's field when it names one; a decision already in the goal's
 * history cannot change it again.
 */
export function checkChangingDecision(
  d: DecisionFacts | undefined,
  goal: { fieldId: string; lastDecidedOn: string; usedDecisionIds: string[] },
): DecisionFacts {
  if (!d)
    throw invalid(
      'work.decision_missing',
      'Ein Ziel ändert nur ein gefasster Beschluss des Lenkungskreises. Bitte wählen Sie den Beschluss.',
    );
  if (d.type !== 'goal' && d.type !== 'work_plan')
    throw invalid(
      'work.decision_type',
      `Beschluss ${d.number} ist weder ein Ziel- noch ein Arbeitsplanungsbeschluss.`,
    );
  if (d.fieldId && d.fieldId !== goal.fieldId)
    throw invalid('work.decision_field', `Beschluss ${d.number} gilt für ein anderes Handlungsfeld.`);
  if (goal.usedDecisionIds.includes(d.id))
    throw invalid(
      'work.decision_used',
      `Beschluss ${d.number} steht schon in der Geschichte dieses Ziels. Eine Änderung braucht einen neuen Beschluss.`,
    );
  if (d.decidedOn < goal.lastDecidedOn)
    throw invalid(
      'work.decision_older',
      `Beschluss ${d.number} ist älter als der Beschluss der geltenden Fassung. Bitte wählen Sie einen späteren Beschluss.`,
    );
  return d;
}

/** The review is due once its day has passed while the goal is still pursued. */
export function reviewDue(goal: { status: string; reviewOn: string | null }, today: string): boolean {
  return goal.status === 'active' && goal.reviewOn !== null && goal.reviewOn < today;
}

/** A change must change something: the status or at least one stated fact. */
export function assertChanges(before: Record<string, unknown>, after: Record<string, unknown>): void {
  if (Object.keys(after).every((k) => after[k] === before[k]))
    throw invalid(
      'work.goal_unchanged',
      'Die Änderung ändert nichts am Ziel. Bitte ändern Sie mindestens eine Angabe.',
    );
}

// ---- work plans ----------------------------------------------------------------------------------

export type PlanVersionFacts = { id: string; version: number; status: 'draft' | 'agreed' | 'superseded' };

/**
 * A version is agreed by a taken decision of type work_plan (of the plan's field when it names one),
 * dated on or after the decision of the version agreed before. Only a draft newer than the agreed
 * version can be agreed: an agreed version is never overwritten, an older draft is history.
 */
export function checkAgreement(
  d: DecisionFacts | undefined,
  v: PlanVersionFacts,
  plan: { fieldId: string; agreedVersion: number | null; agreedDecidedOn: string | null },
): DecisionFacts {
  if (!d)
    throw invalid(
      'work.decision_missing',
      'Eine Arbeitsplanung beschließt nur der Lenkungskreis. Bitte wählen Sie den gefassten Beschluss.',
    );
  if (d.type !== 'work_plan')
    throw invalid('work.decision_type', `Beschluss ${d.number} ist kein Beschluss zur Arbeitsplanung.`);
  if (d.fieldId && d.fieldId !== plan.fieldId)
    throw invalid('work.decision_field', `Beschluss ${d.number} gilt für ein anderes Handlungsfeld.`);
  if (v.status !== 'draft')
    throw new DomainError(
      'work.plan_version_not_draft',
      `Fassung ${v.version} ist schon ${v.status === 'agreed' ? 'beschlossen' : 'abgelöst'}.`,
      'conflict',
    );
  if (plan.agreedVersion !== null && v.version < plan.agreedVersion)
    throw new DomainError(
      'work.plan_version_outdated',
      `Fassung ${v.version} ist älter als die beschlossene Fassung ${plan.agreedVersion}.`,
      'conflict',
    );
  if (plan.agreedDecidedOn && d.decidedOn < plan.agreedDecidedOn)
    throw invalid(
      'work.decision_older',
      `Beschluss ${d.number} ist älter als der Beschluss der geltenden Fassung.`,
    );
  return d;
}

export type EntryFacts = {
  kind: string;
  title: string;
  description: string;
  goalId: string | null;
  projectId: string | null;
  dueOn: string | null;
};

/** Goal entries name a goal of the plan's field; the other kinds need a title. */
export function checkEntries(entries: EntryFacts[], goalsOfField: Set<string>): void {
  entries.forEach((e, i) => {
    const n = i + 1;
    if (e.kind === 'goal') {
      if (!e.goalId || !goalsOfField.has(e.goalId))
        throw invalid(
          'work.plan_entry_goal',
          `Eintrag ${n}: Bitte wählen Sie ein Ziel dieses Handlungsfelds.`,
        );
    } else if (e.title.length < 2)
      throw invalid('work.plan_entry_title', `Eintrag ${n}: Bitte geben Sie der Maßnahme einen Titel.`);
  });
}

const keyOf = (e: EntryFacts) =>
  e.kind === 'goal' ? `goal:${e.goalId}` : `${e.kind}:${e.title.toLowerCase()}`;

/**
 * What changed between two versions' entries: an entry is the same when it is the same goal, or the
 * same kind of measure with the same title; then a changed description or due date is a change.
 */
export function compareEntries<E extends EntryFacts>(before: E[], after: E[]) {
  const old = new Map(before.map((e) => [keyOf(e), e]));
  const neu = new Map(after.map((e) => [keyOf(e), e]));
  const added = after.filter((e) => !old.has(keyOf(e)));
  const removed = before.filter((e) => !neu.has(keyOf(e)));
  const changed: Array<{ before: E; after: E }> = [];
  for (const e of after) {
    const o = old.get(keyOf(e));
    if (o && (o.description !== e.description || o.dueOn !== e.dueOn || o.title !== e.title))
      changed.push({ before: o, after: e });
  }
  return { added, removed, changed };
}
