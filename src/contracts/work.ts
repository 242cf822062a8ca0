import { z } from 'zod';

/* The work programme's shared vocabulary; each part has its contract file (work-goals.ts, …). */

export const GoalStatus = z.enum(['active', 'achieved', 'adjusted', 'dropped']);
export type GoalStatus = z.infer<typeof GoalStatus>;

/** new → accepted → in_progress → done → reported; or returned to the committee with a reason. */
export const WorkOrderStatus = z.enum(['new', 'accepted', 'in_progress', 'done', 'reported', 'returned']);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;

export const ProjectStatus = z.enum(['active', 'closed']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

export const Progress = z.coerce
  .number({ error: 'Bitte geben Sie den Fortschritt als Zahl von 0 bis 100 an.' })
  .int({ error: 'Bitte geben Sie den Fortschritt als ganze Zahl von 0 bis 100 an.' })
  .min(0, { error: 'Der Fortschritt liegt zwischen 0 und 100 %.' })
  .max(100, { error: 'Der Fortschritt kann höchstens 100 % betragen.' });

export const Weight = z.coerce
  .number({ error: 'Bitte geben Sie die Gewichtung als ganze Zahl an.' })
  .int({ error: 'Bitte geben Sie die Gewichtung als ganze Zahl an.' })
  .min(0, { error: 'Die Gewichtung darf nicht negativ sein.' })
  .max(100, { error: 'Die Gewichtung beträgt höchstens 100.' });

/** The version a save is based on: a stale one is refused with 409 (nothing overwritten silently). */
export const BaseVersion = z.coerce.number().int().min(1);

/** A person of the office a work order or task can be assigned to. */
export const OfficeStaff = z.object({ userId: z.string(), name: z.string(), email: z.string() });
export type OfficeStaff = z.infer<typeof OfficeStaff>;
