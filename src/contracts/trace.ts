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
  'event',
  'recommendation',
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
  // an event (the conference, one of its sessions) made a recommendation; the recommendation was handed
  // to the committee as an agenda item; a decision approved an event's programme
  'recommends',
  'proposed_as',
  'approves_programme',
] as const;
export const TraceRelation = z.enum(TraceRelations);
export type TraceRelation = z.infer<typeof TraceRelation>;

/** One thing in the trace, as the timeline shows it. */
export const TraceNode = z.object({
  kind: TraceKind,
  id: z.uuid(),
  /** e.g. "LK-2027-04 KAoA: Praxisphasen-Portal" or "AA-2027-03 Praxisphasen-Portal aufbauen". */
  label: z.string(),
  /** What kind of thing, in words ("Beschluss", "Arbeitsauftrag"). */
  kindLabel: z.string(),
  /** Its state in words ("in Arbeit", "erledigt"), or null when the thing has none. */
  state: z.string().nullable(),
  /** The day it happened (decided, ordered, set, reported), YYYY-MM-DD. */
  date: z.string().nullable(),
  /** Who acted (the assignee, the author, the committee). */
  actor: z.string().nullable(),
  /** Its page inside the network ("arbeitsprogramm/auftraege/…"), or null when it has none. */
  path: z.string().nullable(),
});
export type TraceNode = z.infer<typeof TraceNode>;

export const TraceEdge = z.object({
  fromKind: TraceKind,
  fromId: z.uuid(),
  toKind: TraceKind,
  toId: z.uuid(),
  relation: TraceRelation,
  /** The step in words, read from → to ("hat beschlossen", "beauftragt"). */
  relationLabel: z.string(),
  on: z.string(),
  actor: z.string(),
});
export type TraceEdge = z.infer<typeof TraceEdge>;

/** The whole chain around one thing: what led here and what followed, each in time order. */
export const TraceView = z.object({
  focus: TraceNode,
  /** Was hierher führte: everything the walk reaches against the links' direction, oldest first. */
  upstream: z.array(TraceNode),
  /** Was daraus folgte: everything it reaches along the links, oldest first. */
  downstream: z.array(TraceNode),
  edges: z.array(TraceEdge),
  /** Office tasks on the way that this person may not see by name (committee): only counted. */
  hiddenTasks: z.number().int(),
  /** True when the walk stopped at its size limit. */
  truncated: z.boolean(),
});
export type TraceView = z.infer<typeof TraceView>;

export const TraceParams = z.object({
  networkId: z.uuid(),
  kind: TraceKind,
  id: z.uuid({ error: 'Diese Adresse führt zu keinem Eintrag.' }),
});

/** What became of a decision (Was daraus wurde), derived from its links. */
export const Outcomes = ['open', 'implemented', 'overdue'] as const;
export const Outcome = z.enum(Outcomes);
export type Outcome = z.infer<typeof Outcome>;
