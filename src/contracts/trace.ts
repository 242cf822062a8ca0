import { z } from 'zod';

/**
 * The kinds of things the trace joins. Later modules add theirs (conference recommendation, event,
 * document) here and register how to show them (server: trace resolvers).
 */
export const TraceKinds = [
  'decision',
  'meeting',
  'agenda_item',
  'procedure',
  'goal',
  'work_plan',
  'work_order',
  'project',
  'task',
  'report',
] as const;
export const TraceKind = z.enum(TraceKinds);
export type TraceKind = z.infer<typeof TraceKind>;

/** What one step of the trace was, read from → to. */
export const TraceRelations = [
  // a decision set a goal / agreed a work plan version / ordered work / changed a goal
  'sets_goal',
  'agrees_plan',
  'orders',
  'changes_goal',
  // a meeting's item or a written procedure took the decision
  'decided',
  // an order or task is part of a project; a plan lists a goal or project
  'part_of',
  'lists',
  // an order or project was reported on; a meeting's item took the report
  'reported_in',
  'taken_in',
  // an order was returned to the committee, which put it on an agenda
  'returned_to',
  // a goal is pursued by an order or project
  'pursued_by',
] as const;
export const TraceRelation = z.enum(TraceRelations);
export type TraceRelation = z.infer<typeof TraceRelation>;
