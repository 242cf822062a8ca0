import { z } from 'zod';
import { GoalStatus } from './work.js';

/* The quality cycle per field of action: goals → measures → evaluation → adjustment. */

export const StepState = z.enum(['open', 'running', 'done', 'overdue']);
export type StepState = z.infer<typeof StepState>;

const Item = z.object({
  kind: z.string(),
  id: z.uuid(),
  label: z.string(),
  state: z.string(),
  date: z.string().nullable(),
  path: z.string().nullable(),
  overdue: z.boolean(),
});
export type QualityItem = z.infer<typeof Item>;

export const QualityGoal = z.object({
  id: z.uuid(),
  statement: z.string(),
  target: z.string(),
  status: GoalStatus,
  statusLabel: z.string(),
  reviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  indicator: z.string().nullable(),
  version: z.number(),
});

export const QualityChange = z.object({
  kind: z.enum(['goal_version', 'plan_version']),
  id: z.uuid(),
  label: z.string(),
  reason: z.string(),
  date: z.string(),
  decisionNumber: z.string().nullable(),
  path: z.string().nullable(),
});

export const QualityCycle = z.object({
  field: z.object({ id: z.uuid(), name: z.string() }),
  steps: z.object({
    goals: StepState,
    measures: StepState,
    evaluation: StepState,
    adjustment: StepState,
  }),
  goals: z.array(QualityGoal),
  measures: z.array(Item),
  /** Goal reviews done (a later goal version); event evaluations follow with the events module. */
  reviews: z.array(QualityChange),
  adjustments: z.array(QualityChange),
  overdue: z.array(Item),
  /** The next planned meeting an adjustment can be proposed for, or null. */
  nextMeeting: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }).nullable(),
});
export type QualityCycle = z.infer<typeof QualityCycle>;

export const QualityFieldSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  steps: QualityCycle.shape.steps,
  overdue: z.number().int(),
});
export type QualityFieldSummary = z.infer<typeof QualityFieldSummary>;

export const QualityParams = z.object({ networkId: z.uuid(), fieldId: z.uuid() });

export const AdjustmentProposal = z.object({
  title: z
    .string()
    .trim()
    .min(3, { error: 'Bitte geben Sie einen Titel mit mindestens 3 Zeichen an.' })
    .max(300, { error: 'Der Titel ist zu lang (höchstens 300 Zeichen).' }),
  proposal: z
    .string()
    .trim()
    .min(3, { error: 'Bitte beschreiben Sie die vorgeschlagene Anpassung.' })
    .max(20_000, { error: 'Der Vorschlag ist zu lang.' }),
});
export type AdjustmentProposal = z.infer<typeof AdjustmentProposal>;

export const AdjustmentProposed = z.object({
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  itemTitle: z.string(),
});
