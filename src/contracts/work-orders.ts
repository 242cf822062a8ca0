import { z } from 'zod';
import { Day } from './contract.js';
import { BaseVersion, Progress, Weight, WorkOrderStatus } from './work.js';

/* Work orders (Arbeitsaufträge): the committee's orders to the office, from taken decisions. */

const Text = (min: number, max: number, what: string) =>
  z
    .string({ error: `${what}: bitte angeben.` })
    .trim()
    .min(min, { error: `${what}: bitte mindestens ${min} Zeichen.` })
    .max(max, { error: `${what}: höchstens ${max} Zeichen.` });

const Assignee = z
  .string({ error: 'Bitte wählen Sie, wer im Bildungsbüro den Auftrag übernimmt.' })
  .min(1, { error: 'Bitte wählen Sie, wer im Bildungsbüro den Auftrag übernimmt.' })
  .max(100);

export const OrderInput = z.object({
  decisionId: z.uuid({ error: 'Bitte wählen Sie den Beschluss, aus dem der Auftrag entsteht.' }),
  // Defaults to the decision's field of action when the decision names one.
  fieldId: z.uuid({ error: 'Bitte wählen Sie ein Handlungsfeld.' }).optional(),
  title: Text(3, 200, 'Titel'),
  expectedResult: z
    .string()
    .trim()
    .max(4000, { error: 'Erwartetes Ergebnis: höchstens 4000 Zeichen.' })
    .default(''),
  // The order's date (defaults to the decision's day): the field must be joint on it.
  orderedOn: Day.optional(),
  dueOn: Day,
  assigneeId: Assignee,
  reportDueOn: Day.nullable().optional(),
  weight: Weight.optional(),
});
export type OrderInput = z.input<typeof OrderInput>;
export type OrderData = z.output<typeof OrderInput>;

export const OrderPatch = z.object({
  version: BaseVersion,
  title: Text(3, 200, 'Titel').optional(),
  expectedResult: z
    .string()
    .trim()
    .max(4000, { error: 'Erwartetes Ergebnis: höchstens 4000 Zeichen.' })
    .optional(),
  dueOn: Day.optional(),
  assigneeId: Assignee.optional(),
  reportDueOn: Day.nullable().optional(),
  progress: Progress.optional(),
  weight: Weight.optional(),
});
export type OrderPatch = z.input<typeof OrderPatch>;
export type OrderPatchData = z.output<typeof OrderPatch>;

export const OrderTransition = z.object({
  to: WorkOrderStatus.exclude(['reported']),
  note: z.string().trim().max(2000, { error: 'Begründung: höchstens 2000 Zeichen.' }).default(''),
  /** The order's version the user saw: a stale one answers 409 naming who changed it. */
  version: BaseVersion,
});
export type OrderTransition = z.input<typeof OrderTransition>;

export const OrderQuery = z.object({
  status: WorkOrderStatus.optional(),
  fieldId: z.uuid().optional(),
  assigneeId: z.string().max(100).optional(),
  decisionId: z.uuid().optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type OrderQuery = z.input<typeof OrderQuery>;
export type OrderFilterInput = z.output<typeof OrderQuery>;

export const OrderParams = z.object({ networkId: z.uuid(), orderId: z.uuid() });

export const WorkOrder = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  expectedResult: z.string(),
  decision: z.object({ id: z.uuid(), number: z.string(), title: z.string(), decidedOn: z.string() }),
  fieldId: z.uuid(),
  fieldName: z.string(),
  orderedOn: z.string(),
  dueOn: z.string(),
  reportDueOn: z.string().nullable(),
  assignee: z.object({ userId: z.string(), name: z.string() }),
  status: WorkOrderStatus,
  returnReason: z.string().nullable(),
  progress: z.number(),
  weight: z.number(),
  projectId: z.uuid().nullable(),
  /** Due date passed while the order is still open (new, accepted, in progress). */
  overdue: z.boolean(),
  /** The day a contract amendment ended the order's field of action while the order is open. */
  fieldEndedOn: z.string().nullable(),
  version: z.number(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

export const WorkOrderEvent = z.object({
  id: z.uuid(),
  fromStatus: WorkOrderStatus.nullable(),
  toStatus: WorkOrderStatus,
  progress: z.number().nullable(),
  note: z.string(),
  actorName: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export type WorkOrderEvent = z.infer<typeof WorkOrderEvent>;

export const WorkOrderDetail = WorkOrder.extend({
  events: z.array(WorkOrderEvent),
  /** The states the asking person may move the order to now. */
  transitions: z.array(WorkOrderStatus),
  canEdit: z.boolean(),
});
export type WorkOrderDetail = z.infer<typeof WorkOrderDetail>;
