import type { Outcome, TraceKind, TraceRelation } from '../../../contracts/trace.js';

/*
 * The trace's rules, pure: walking the links both ways, ordering the timeline, the words for each step,
 * and what became of a decision (Was daraus wurde).
 */

export type NodeKey = `${string}:${string}`;
export const keyOf = (kind: string, id: string): NodeKey => `${kind}:${id}`;

export type Link = {
  fromKind: string;
  fromId: string;
  toKind: string;
  toId: string;
  relation: string;
  on: Date;
  actorName: string;
};

export const TRACE_LIMITS = { depth: 8, nodes: 150 } as const;

/**
 * Breadth-first walk from `start` in one direction: `next` answers the links leaving (downstream) or
 * entering (upstream) a whole frontier at once, so a walk costs one query per level, not one per pair.
 * Cycle-safe (each node once), bounded by depth and node count; `truncated` says the bound was hit.
 */
export async function walk(
  start: { kind: string; id: string },
  direction: 'down' | 'up',
  next: (frontier: Array<{ kind: string; id: string }>) => Promise<Link[]>,
  limits: { depth: number; nodes: number } = TRACE_LIMITS,
): Promise<{ nodes: Array<{ kind: string; id: string; depth: number }>; links: Link[]; truncated: boolean }> {
  const seen = new Set<NodeKey>([keyOf(start.kind, start.id)]);
  const nodes: Array<{ kind: string; id: string; depth: number }> = [];
  const links: Link[] = [];
  const linkKeys = new Set<string>();
  let frontier = [start];
  let truncated = false;
  for (let depth = 1; frontier.length > 0; depth++) {
    if (depth > limits.depth) {
      truncated = true;
      break;
    }
    const found = await next(frontier);
    const inFrontier = new Set(frontier.map((f) => keyOf(f.kind, f.id)));
    const following: Array<{ kind: string; id: string }> = [];
    for (const l of found) {
      const [here, there] =
        direction === 'down'
          ? [keyOf(l.fromKind, l.fromId), { kind: l.toKind, id: l.toId }]
          : [keyOf(l.toKind, l.toId), { kind: l.fromKind, id: l.fromId }];
      // The query matches ids; the kind must match too.
      if (!inFrontier.has(here)) continue;
      const lk = `${l.fromKind}:${l.fromId}>${l.toKind}:${l.toId}:${l.relation}`;
      if (!linkKeys.has(lk)) {
        linkKeys.add(lk);
        links.push(l);
      }
      const k = keyOf(there.kind, there.id);
      if (seen.has(k)) continue;
      if (seen.size > limits.nodes) {
        truncated = true;
        continue;
      }
      seen.add(k);
      nodes.push({ ...there, depth });
      following.push(there);
    }
    frontier = following;
  }
  return { nodes, links, truncated };
}

/** The timeline's order: by day, then by the order the walk met them (closer first), then by label. */
export function inTimeOrder<T extends { date: string | null; label: string; depth?: number }>(
  nodes: T[],
): T[] {
  return [...nodes].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      (a.depth ?? 0) - (b.depth ?? 0) ||
      a.label.localeCompare(b.label, 'de'),
  );
}

export const relationLabels: Record<TraceRelation, string> = {
  sets_goal: 'setzt das Ziel',
  agrees_plan: 'beschließt die Arbeitsplanung',
  orders: 'beauftragt',
  changes_goal: 'ändert das Ziel',
  decided: 'beschließt',
  part_of: 'gehört zu',
  lists: 'nennt',
  reported_in: 'berichtet in',
  taken_in: 'aufgenommen in',
  returned_to: 'zurückgegeben an',
  pursued_by: 'verfolgt durch',
  recommends: 'empfiehlt',
  proposed_as: 'eingebracht als',
  approves_programme: 'genehmigt das Programm',
};

export const kindLabels: Record<TraceKind, string> = {
  decision: 'Beschluss',
  meeting: 'Sitzung',
  agenda_item: 'Tagesordnungspunkt',
  procedure: 'Umlaufverfahren',
  goal: 'Ziel',
  work_plan: 'Arbeitsplanung',
  work_order: 'Arbeitsauftrag',
  project: 'Projekt',
  task: 'Aufgabe',
  report: 'Sachstandsbericht',
  event: 'Veranstaltung',
  recommendation: 'Empfehlung',
};

// ---- Was daraus wurde ------------------------------------------------------------------------------

/** One thing a decision led to directly, as its resolver sees it. */
export type FollowUp = {
  kind: string;
  relation: string;
  /** The thing's state code (a work order's status …), null when it has none. */
  status: string | null;
  dueOn: string | null;
  /** A short name for the summary ("Arbeitsplanung 2027"). */
  short: string | null;
};

const FINISHED_ORDER = new Set(['done', 'reported']);
const RUNNING_ORDER = new Set(['new', 'accepted', 'in_progress']);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What became of a decision, from the links leaving it:
 * - overdue: one of its work orders is still new, accepted or in progress after its due date;
 * - implemented: all its work orders are done or reported; or (without orders) it set or changed a goal,
 *   agreed a work plan, or the office marked it done in the register;
 * - open: anything else (nothing followed yet, orders running, an order returned to the committee).
 * The summary says what followed in words: "2 Aufträge: 1 erledigt, 1 in Arbeit", "Ziel gesetzt".
 */
export function decisionOutcome(
  decision: { type: string; status: string },
  follow: FollowUp[],
  today: string,
): { outcome: Outcome; summary: string } {
  const orders = follow.filter((f) => f.kind === 'work_order' && f.relation === 'orders');
  const parts: string[] = [];
  if (orders.length > 0) {
    const count = (set: (s: string) => boolean) => orders.filter((o) => set(o.status ?? '')).length;
    const counts: Array<[number, string]> = [
      [count((s) => FINISHED_ORDER.has(s)), 'erledigt'],
      [count((s) => s === 'in_progress'), 'in Arbeit'],
      [count((s) => s === 'new' || s === 'accepted'), 'offen'],
      [count((s) => s === 'returned'), 'zurückgegeben'],
    ];
    const overdueN = orders.filter((o) => isOverdue(o, today)).length;
    const detail = counts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`);
    if (overdueN > 0) detail.push(`${overdueN} überfällig`);
    parts.push(`${plural(orders.length, 'Auftrag', 'Aufträge')}: ${detail.join(', ')}`);
  }
  const goalsSet = follow.filter((f) => f.relation === 'sets_goal').length;
  if (goalsSet > 0) parts.push(goalsSet === 1 ? 'Ziel gesetzt' : `${goalsSet} Ziele gesetzt`);
  const goalsChanged = follow.filter((f) => f.relation === 'changes_goal').length;
  if (goalsChanged > 0) parts.push(goalsChanged === 1 ? 'Ziel geändert' : `${goalsChanged} Ziele geändert`);
  for (const p of follow.filter((f) => f.relation === 'agrees_plan'))
    parts.push(`${p.short ?? 'Arbeitsplanung'} beschlossen`);

  let outcome: Outcome = 'open';
  if (orders.some((o) => isOverdue(o, today))) outcome = 'overdue';
  else if (orders.length > 0) {
    if (orders.every((o) => FINISHED_ORDER.has(o.status ?? ''))) outcome = 'implemented';
  } else if (goalsSet + goalsChanged > 0 || follow.some((f) => f.relation === 'agrees_plan'))
    outcome = 'implemented';
  else if (decision.status === 'done') outcome = 'implemented';

  const expectsWork = ['goal', 'work_plan', 'work_order'].includes(decision.type);
  const summary =
    parts.length > 0
      ? parts.join(' · ')
      : expectsWork && outcome === 'open'
        ? 'Noch nichts daraus entstanden'
        : '';
  return { outcome, summary };
}

function isOverdue(o: FollowUp, today: string): boolean {
  return RUNNING_ORDER.has(o.status ?? '') && o.dueOn !== null && o.dueOn < today;
}

export const outcomeLabels: Record<Outcome, string> = {
  open: 'offen',
  implemented: 'umgesetzt',
  overdue: 'überfällig',
};
