import { z } from 'zod';
import { WorkOrderStatus } from './work.js';

/*
 * The office desk (Mein Schreibtisch): the signed-in person's own open work orders and tasks, sorted into
 * overdue, due this month and later; the personal calendar feed of due dates; the year's exports.
 */

const Day = z.iso.date();

/** Where an item stands against today (Europe/Berlin): past its due day, due this month, or later. */
export const DeskBucket = z.enum(['overdue', 'this_month', 'later']);
export type DeskBucket = z.infer<typeof DeskBucket>;

export const DeskItem = z.object({
  kind: z.enum(['order', 'task']),
  id: z.uuid(),
  /** AA-2027-03 for orders; null for tasks. */
  number: z.string().nullable(),
  title: z.string(),
  dueOn: Day.nullable(),
  bucket: DeskBucket,
  /** An order's state (new, accepted, in_progress); tasks are open. */
  status: z.union([WorkOrderStatus, z.literal('open')]),
  progress: z.number().int(),
  fieldId: z.uuid().nullable(),
  fieldName: z.string().nullable(),
  projectId: z.uuid().nullable(),
  projectTitle: z.string().nullable(),
  /** Set when a contract amendment ended the order's field of action while it was open. */
  fieldEndedOn: Day.nullable(),
});
export type DeskItem = z.infer<typeof DeskItem>;

export const Desk = z.object({
  today: Day,
  counts: z.object({
    overdue: z.number().int(),
    thisMonth: z.number().int(),
    later: z.number().int(),
    orders: z.number().int(),
    tasks: z.number().int(),
  }),
  /** Overdue first, then by due day (items without one last), then by title. */
  items: z.array(DeskItem),
});
export type Desk = z.infer<typeof Desk>;

export const WorkCalendarStatus = z.object({ active: z.boolean() });
export type WorkCalendarStatus = z.infer<typeof WorkCalendarStatus>;

/** The feed's address, shown this one time only (only its hash is kept). */
export const WorkCalendarLink = z.object({ url: z.string() });
export type WorkCalendarLink = z.infer<typeof WorkCalendarLink>;

export const WorkExportQuery = z.object({
  year: z.coerce
    .number({ error: 'Bitte geben Sie das Jahr als Zahl an, z. B. 2027.' })
    .int({ error: 'Bitte geben Sie das Jahr als ganze Zahl an, z. B. 2027.' })
    .min(2000, { error: 'Das Jahr muss zwischen 2000 und 2100 liegen.' })
    .max(2100, { error: 'Das Jahr muss zwischen 2000 und 2100 liegen.' }),
  /** The whole work programme, or only "Stand der Arbeitsaufträge". */
  kind: z
    .enum(['programme', 'orders'], { error: 'Bitte wählen Sie „programme“ oder „orders“.' })
    .default('programme'),
});
export type WorkExportQuery = z.infer<typeof WorkExportQuery>;
