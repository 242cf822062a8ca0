import { z } from 'zod';
import { Day } from './contract.js';
import { BaseVersion, GoalStatus } from './work.js';

/* Goals (Ziele) and work plans (Arbeitsplanungen) of the work programme. */

const uuid = (what: string) => z.uuid({ error: `Bitte wählen Sie ${what}.` });
const Year = z.coerce
  .number({ error: 'Bitte geben Sie ein Jahr an.' })
  .int({ error: 'Bitte geben Sie ein Jahr an.' })
  .min(2000, { error: 'Bitte geben Sie ein Jahr zwischen 2000 und 2100 an.' })
  .max(2100, { error: 'Bitte geben Sie ein Jahr zwischen 2000 und 2100 an.' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Höchstens ${max} Zeichen.` })
    .nullish()
    .transform((s) => (s ? s : null));

export const GoalParams = z.object({ networkId: z.uuid(), goalId: z.uuid() });
export const PlanParams = z.object({ networkId: z.uuid(), planId: z.uuid() });

/** What a goal states; the same in the first version and in every change. */
const GoalContent = {
  statement: z
    .string()
    .trim()
    .min(3, { error: 'Bitte formulieren Sie das Ziel (mindestens 3 Zeichen).' })
    .max(2000, { error: 'Das Ziel ist zu lang (höchstens 2000 Zeichen).' }),
  target: z
    .string()
    .trim()
    .min(3, { error: 'Bitte nennen Sie den messbaren Zielwert oder Meilenstein.' })
    .max(2000, { error: 'Der Zielwert ist zu lang (höchstens 2000 Zeichen).' }),
  indicatorName: optionalText(200),
  indicatorTarget: optionalText(200),
  indicatorYear: Year.nullish().transform((y) => y ?? null),
  horizonYear: Year,
  owner: z.string().trim().max(200, { error: 'Höchstens 200 Zeichen.' }).default(''),
  reviewOn: Day.nullish().transform((d) => d ?? null),
};

/** A goal is set by a taken decision of type goal in its field of action. */
export const GoalInput = z.object({
  decisionId: uuid('den Beschluss, der das Ziel setzt,'),
  fieldId: uuid('ein Handlungsfeld'),
  ...GoalContent,
});
export type GoalInput = z.input<typeof GoalInput>;

/**
 * A change (review, adjustment, achieved, dropped) names a new taken decision and the reason; the
 * fields it leaves out stay as they were. `version` is the version the change was based on.
 */
export const GoalChange = z.object({
  decisionId: uuid('den Beschluss, der das Ziel ändert,'),
  reason: z
    .string()
    .trim()
    .min(3, { error: 'Bitte begründen Sie die Änderung.' })
    .max(4000, { error: 'Die Begründung ist zu lang (höchstens 4000 Zeichen).' }),
  version: BaseVersion,
  status: GoalStatus.optional(),
  statement: GoalContent.statement.optional(),
  target: GoalContent.target.optional(),
  indicatorName: GoalContent.indicatorName.optional(),
  indicatorTarget: GoalContent.indicatorTarget.optional(),
  indicatorYear: Year.nullish(),
  horizonYear: Year.optional(),
  owner: z.string().trim().max(200).optional(),
  reviewOn: Day.nullish(),
});
export type GoalChange = z.input<typeof GoalChange>;

export const GoalsQuery = z.object({
  fieldId: z.uuid().optional(),
  status: GoalStatus.optional(),
  /** Only goals whose review date has passed (active goals). */
  reviewDue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type GoalsQuery = z.input<typeof GoalsQuery>;

const DecisionRef = z.object({ id: z.string(), number: z.string(), decidedOn: z.string() });

/** What a goal states, now and in each version. */
const GoalState = {
  statement: z.string(),
  target: z.string(),
  indicatorName: z.string().nullable(),
  indicatorTarget: z.string().nullable(),
  indicatorYear: z.number().nullable(),
  horizonYear: z.number(),
  owner: z.string(),
  status: GoalStatus,
  reviewOn: z.string().nullable(),
};

export const Goal = z.object({
  id: z.string(),
  fieldId: z.string(),
  fieldName: z.string(),
  decision: DecisionRef,
  ...GoalState,
  /** The review date has passed and the goal is still active. */
  reviewDue: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Goal = z.infer<typeof Goal>;

export const GoalVersion = z.object({
  version: z.number(),
  decision: DecisionRef.extend({ title: z.string() }),
  ...GoalState,
  reason: z.string(),
  changedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type GoalVersion = z.infer<typeof GoalVersion>;

export const GoalDetail = Goal.extend({ versions: z.array(GoalVersion) });
export type GoalDetail = z.infer<typeof GoalDetail>;

/** The decision pickers: taken decisions of a type, `used` when a goal or plan already names them. */
export const AvailableDecisionsQuery = z.object({
  type: z.enum(['goal', 'work_plan'], { error: 'Nur Ziel- und Arbeitsplanungsbeschlüsse.' }),
});
export const AvailableDecision = z.object({
  id: z.string(),
  number: z.string(),
  decidedOn: z.string(),
  title: z.string(),
  type: z.enum(['goal', 'work_plan']),
  fieldId: z.string().nullable(),
  fieldName: z.string().nullable(),
  used: z.boolean(),
});
export type AvailableDecision = z.infer<typeof AvailableDecision>;

// ---- work plans ----------------------------------------------------------------------------------

export const PlanEntryKind = z.enum(['goal', 'project', 'event', 'product', 'measure']);
export type PlanEntryKind = z.infer<typeof PlanEntryKind>;

export const PlanEntryInput = z.object({
  kind: PlanEntryKind,
  // A goal entry may leave the title empty: the goal's statement is shown.
  title: z.string().trim().max(300, { error: 'Der Titel ist zu lang (höchstens 300 Zeichen).' }).default(''),
  description: z.string().trim().max(4000).default(''),
  goalId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  projectId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  dueOn: Day.nullish().transform((d) => d ?? null),
});
export const PlanEntry = z.object({
  kind: PlanEntryKind,
  title: z.string(),
  description: z.string(),
  goalId: z.string().nullable(),
  projectId: z.string().nullable(),
  dueOn: z.string().nullable(),
});
export type PlanEntry = z.infer<typeof PlanEntry>;

const Entries = z.array(PlanEntryInput).max(200, { error: 'Höchstens 200 Einträge je Fassung.' });

export const PlanInput = z.object({
  fieldId: uuid('ein Handlungsfeld'),
  year: Year,
  title: z.string().trim().max(300).default(''),
  entries: Entries.default([]),
  note: z.string().trim().max(4000).default(''),
});
export type PlanInput = z.input<typeof PlanInput>;

/** A new draft version; `baseVersion` is the newest version the editor read (stale → 409). */
export const PlanVersionInput = z.object({
  baseVersion: BaseVersion,
  entries: Entries,
  note: z.string().trim().max(4000).default(''),
});
export type PlanVersionInput = z.input<typeof PlanVersionInput>;

export const PlanAgreeInput = z.object({
  versionId: uuid('die Fassung'),
  decisionId: uuid('den Beschluss zur Arbeitsplanung'),
});
export type PlanAgreeInput = z.input<typeof PlanAgreeInput>;

export const PlanPublishInput = z.object({ published: z.boolean() });

export const PlansQuery = z.object({ year: Year.optional(), fieldId: z.uuid().optional() });

export const PlanVersionStatus = z.enum(['draft', 'agreed', 'superseded']);
export const PlanVersion = z.object({
  id: z.string(),
  version: z.number(),
  status: PlanVersionStatus,
  entries: z.array(PlanEntry.extend({ goalStatement: z.string().nullable() })),
  note: z.string(),
  decision: DecisionRef.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const WorkPlan = z.object({
  id: z.string(),
  fieldId: z.string(),
  fieldName: z.string(),
  year: z.number(),
  title: z.string(),
  published: z.boolean(),
  agreed: z.object({ version: z.number(), decision: DecisionRef.nullable() }).nullable(),
  latest: z.object({ version: z.number(), status: PlanVersionStatus }),
  /** A draft newer than the agreed version waits for a decision. */
  hasDraft: z.boolean(),
});
export type WorkPlan = z.infer<typeof WorkPlan>;

export const WorkPlanDetail = WorkPlan.extend({ versions: z.array(PlanVersion) });
export type WorkPlanDetail = z.infer<typeof WorkPlanDetail>;

export const PlanCompareQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export const PlanComparison = z.object({
  from: z.number(),
  to: z.number(),
  added: z.array(PlanEntry),
  removed: z.array(PlanEntry),
  changed: z.array(z.object({ before: PlanEntry, after: PlanEntry })),
});
export type PlanComparison = z.infer<typeof PlanComparison>;

/** The public page's "Arbeitsprogramm": the agreed version of each published plan. */
export const PublicWorkPlan = z.object({
  fieldName: z.string(),
  year: z.number(),
  title: z.string(),
  decisionNumber: z.string().nullable(),
  entries: z.array(
    z.object({
      kind: PlanEntryKind,
      title: z.string(),
      description: z.string(),
      dueOn: z.string().nullable(),
    }),
  ),
});
export type PublicWorkPlan = z.infer<typeof PublicWorkPlan>;
