import { z } from 'zod';
import { Day } from './contract.js';
import { BaseVersion, Progress, ProjectStatus, Weight, WorkOrderStatus } from './work.js';

/* Projects of the office (Projekte) with their tasks, milestones, partners and documents. */

const Title = z
  .string({ error: 'Bitte geben Sie einen Titel an.' })
  .trim()
  .min(1, { error: 'Bitte geben Sie einen Titel an.' })
  .max(200, { error: 'Der Titel ist zu lang (höchstens 200 Zeichen).' });
const Text = z.string().trim().max(5000, { error: 'Der Text ist zu lang (höchstens 5000 Zeichen).' });
const OptionalDay = Day.nullable().optional();
const PersonId = z.string().min(1).max(100);

export const ProjectParams = z.object({
  networkId: z.uuid({ error: 'Unbekanntes Bildungsnetzwerk.' }),
  projectId: z.uuid({ error: 'Unbekanntes Projekt.' }),
});
export const ProjectItemParams = ProjectParams.extend({ itemId: z.uuid({ error: 'Unbekannter Eintrag.' }) });
export const TaskParams = ProjectParams.extend({ taskId: z.uuid({ error: 'Unbekannte Aufgabe.' }) });
export const ChecklistParams = TaskParams.extend({
  index: z.coerce.number().int().min(0).max(199),
});

export const ProjectInput = z.object({
  title: Title,
  description: Text.default(''),
  fieldId: z.uuid({ error: 'Unbekanntes Handlungsfeld.' }).nullable().optional(),
  leadId: PersonId.nullable().optional(),
  startOn: OptionalDay,
  endOn: OptionalDay,
  reportDueOn: OptionalDay,
});
export type ProjectInput = z.input<typeof ProjectInput>;

export const ProjectPatch = ProjectInput.partial().extend({ version: BaseVersion });
export type ProjectPatch = z.input<typeof ProjectPatch>;

export const CloseProjectInput = z.object({
  version: BaseVersion,
  // Set after the user confirmed closing although tasks are still open.
  force: z.boolean().default(false),
});
export type CloseProjectInput = z.input<typeof CloseProjectInput>;

/** How the project's progress came about, so the page can explain the number. */
export const RollUpInfo = z.object({
  progress: z.number().int().nullable(),
  // 'ok', 'empty' (nothing to roll up yet), 'zero_weights' (every weight is 0: not computable)
  state: z.enum(['ok', 'empty', 'zero_weights']),
  tasks: z.number().int().nullable(),
  tasksDone: z.number().int().nullable(),
  orders: z.number().int(),
  totalWeight: z.number().int(),
});
export type RollUpInfo = z.infer<typeof RollUpInfo>;

export const ProjectSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  fieldId: z.uuid().nullable(),
  fieldName: z.string().nullable(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  status: ProjectStatus,
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  reportDueOn: z.string().nullable(),
  rollUp: RollUpInfo,
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ChecklistItem = z.object({ label: z.string(), done: z.boolean() });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Task = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  dueOn: z.string().nullable(),
  orderId: z.uuid().nullable(),
  orderNumber: z.string().nullable(),
  status: z.enum(['open', 'done']),
  // As entered; `effectiveProgress` is what the roll-up uses (checklist share, or 100 when done).
  progress: z.number().int(),
  effectiveProgress: z.number().int(),
  weight: z.number().int(),
  checklist: z.array(ChecklistItem),
  completedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Task = z.infer<typeof Task>;

export const Milestone = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: z.string(),
  reachedOn: z.string().nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

export const Partner = z.object({ id: z.uuid(), name: z.string(), role: z.string() });
export type Partner = z.infer<typeof Partner>;

export const ProjectDocument = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  title: z.string(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
});
export type ProjectDocument = z.infer<typeof ProjectDocument>;

export const ProjectOrder = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  status: WorkOrderStatus,
  progress: z.number().int(),
  weight: z.number().int(),
  dueOn: z.string(),
});
export type ProjectOrder = z.infer<typeof ProjectOrder>;

export const ProjectDetail = ProjectSummary.extend({
  description: z.string(),
  version: z.number().int(),
  closedAt: z.string().nullable(),
  milestones: z.array(Milestone),
  orders: z.array(ProjectOrder),
  partners: z.array(Partner),
  documents: z.array(ProjectDocument),
  // null for readers without work.manage: the committee never sees tasks.
  tasks: z.array(Task).nullable(),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const TaskInput = z.object({
  title: Title,
  description: Text.default(''),
  assigneeId: PersonId.nullable().optional(),
  dueOn: OptionalDay,
  orderId: z.uuid({ error: 'Unbekannter Arbeitsauftrag.' }).nullable().optional(),
  weight: Weight.default(1),
  progress: Progress.default(0),
});
export type TaskInput = z.input<typeof TaskInput>;

export const TaskPatch = z.object({
  version: BaseVersion,
  title: Title.optional(),
  description: Text.optional(),
  assigneeId: PersonId.nullable().optional(),
  dueOn: OptionalDay,
  orderId: z.uuid({ error: 'Unbekannter Arbeitsauftrag.' }).nullable().optional(),
  weight: Weight.optional(),
  progress: Progress.optional(),
  status: z.enum(['open', 'done']).optional(),
});
export type TaskPatch = z.input<typeof TaskPatch>;

export const ChecklistAdd = z.object({
  label: z
    .string({ error: 'Bitte benennen Sie den Punkt.' })
    .trim()
    .min(1, { error: 'Bitte benennen Sie den Punkt.' })
    .max(300, { error: 'Der Punkt ist zu lang (höchstens 300 Zeichen).' }),
});
export const ChecklistCheck = z.object({ done: z.boolean() });

export const MilestoneInput = z.object({ title: Title, dueOn: Day });
export const MilestonePatch = z.object({ reachedOn: Day.nullable() });
export const PartnerInput = z.object({
  name: Title,
  role: z.string().trim().max(200, { error: 'Die Rolle ist zu lang (höchstens 200 Zeichen).' }).default(''),
});
export const DocumentInput = z.object({ fileId: z.uuid({ error: 'Unbekannte Datei.' }), title: Title });
export const AssignOrderInput = z.object({
  orderId: z.uuid({ error: 'Unbekannter Arbeitsauftrag.' }),
  weight: Weight.optional(),
});
export const OrderParams = ProjectParams.extend({
  orderId: z.uuid({ error: 'Unbekannter Arbeitsauftrag.' }),
});

/** An order that can join a project (not in one yet, not finished with). */
export const AssignableOrder = z.object({ id: z.uuid(), number: z.string(), title: z.string() });
export type AssignableOrder = z.infer<typeof AssignableOrder>;
