import type {
  Outcome,
  TraceEdge,
  TraceKind,
  TraceNode,
  TraceRelation,
  TraceView,
} from '../../../contracts/trace.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { authorize, can } from '../networks/networks.policy.js';
import * as repo from './trace.repository.js';
import {
  decisionOutcome,
  type FollowUp,
  inTimeOrder,
  keyOf,
  kindLabels,
  type Link,
  relationLabels,
  walk,
} from './trace.rules.js';

/*
 * The trace (Verlauf): from any thing of a network the whole chain both ways, on the one link model
 * (trace_link). How each kind of thing is shown is registered by the module that owns it
 * (`registerTraceKind`), so later modules add kinds without touching the walker.
 */

export { addTraceLink, hasTraceLinkFrom, removeTraceLink, type TraceNodeRef } from './trace.links.js';

/** How a kind's things look in the trace; `load` reads many at once and only those of the network. */
export type ResolvedNode = {
  label: string;
  /** State code (a work order's status …) for rules such as Was daraus wurde. */
  status: string | null;
  /** The state in words. */
  state: string | null;
  date: string | null;
  actor: string | null;
  path: string | null;
  dueOn?: string | null;
  /** A short name for summaries ("Arbeitsplanung 2027"). */
  short?: string | null;
};
export type TraceResolver = {
  load(db: Db, networkId: string, ids: string[]): Promise<Map<string, ResolvedNode>>;
  /** Only people with this permission see these things by name; others see them counted. */
  permission?: 'work.manage';
};

const resolvers = new Map<string, TraceResolver>();

/** Adds (or replaces) how a kind of thing is shown in the trace. */
export function registerTraceKind(kind: TraceKind, resolver: TraceResolver): void {
  resolvers.set(kind, resolver);
}

/** Loads the things of many kinds at once: one read per kind, never per thing. */
async function resolveAll(db: Db, networkId: string, refs: Array<{ kind: string; id: string }>) {
  const byKind = new Map<string, string[]>();
  for (const r of refs) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  const out = new Map<string, ResolvedNode>();
  for (const [kind, ids] of byKind) {
    const resolver = resolvers.get(kind);
    if (!resolver) continue;
    const found = await resolver.load(db, networkId, [...new Set(ids)]);
    for (const [id, node] of found) out.set(keyOf(kind, id), node);
  }
  return out;
}

const asNode = (kind: string, id: string, r: ResolvedNode): TraceNode => ({
  kind: kind as TraceKind,
  id,
  label: r.label,
  kindLabel: kindLabels[kind as TraceKind] ?? kind,
  state: r.state,
  date: r.date,
  actor: r.actor,
  path: r.path,
});

/**
 * The trace of one thing: everything that led to it (walking the links backwards) and everything that
 * followed (walking them forwards), each in time order, with the steps between. Things of another
 * network never appear (links and things are both read by network); tasks only by name for work.manage.
 */
export async function traceOf(
  deps: Deps,
  actor: NetworkActor,
  kind: TraceKind,
  id: string,
): Promise<TraceView> {
  authorize(actor.role, 'work.read');
  const db = deps.db;
  const mayManage = can(actor.role, 'work.manage');
  const visible = (k: string) => {
    const r = resolvers.get(k);
    return !!r && (!r.permission || mayManage);
  };
  const focusRes = visible(kind) ? await resolveAll(db, actor.networkId, [{ kind, id }]) : new Map();
  const focus = focusRes.get(keyOf(kind, id));
  if (!focus) throw notFound('Der Eintrag');

  const step = (dir: 'up' | 'down') => (frontier: Array<{ kind: string; id: string }>) =>
    dir === 'down'
      ? repo.linksFrom(
          db,
          actor.networkId,
          frontier.map((f) => f.id),
        )
      : repo.linksTo(
          db,
          actor.networkId,
          frontier.map((f) => f.id),
        );
  const up = await walk({ kind, id }, 'up', step('up'));
  const down = await walk({ kind, id }, 'down', step('down'));

  const all = [...up.nodes, ...down.nodes];
  const resolved = await resolveAll(db, actor.networkId, all);
  const hidden = new Set<string>();
  const shown = (side: typeof up.nodes) => {
    const nodes: Array<TraceNode & { depth: number }> = [];
    for (const n of side) {
      const r = resolved.get(keyOf(n.kind, n.id));
      if (!r) continue;
      if (!visible(n.kind)) {
        hidden.add(keyOf(n.kind, n.id));
        continue;
      }
      nodes.push({ ...asNode(n.kind, n.id, r), depth: n.depth });
    }
    return inTimeOrder(nodes).map(({ depth: _d, ...node }) => node);
  };
  const upstream = shown(up.nodes);
  const downstream = shown(down.nodes);
  const present = new Set([keyOf(kind, id), ...[...upstream, ...downstream].map((n) => keyOf(n.kind, n.id))]);
  const edges: TraceEdge[] = [...up.links, ...down.links]
    .filter((l) => present.has(keyOf(l.fromKind, l.fromId)) && present.has(keyOf(l.toKind, l.toId)))
    .map((l) => edgeOf(l));
  return {
    focus: asNode(kind, id, focus),
    upstream,
    downstream,
    edges,
    hiddenTasks: hidden.size,
    truncated: up.truncated || down.truncated,
  };
}

const edgeOf = (l: Link): TraceEdge => ({
  fromKind: l.fromKind as TraceKind,
  fromId: l.fromId,
  toKind: l.toKind as TraceKind,
  toId: l.toId,
  relation: l.relation as TraceRelation,
  relationLabel: relationLabels[l.relation as TraceRelation] ?? l.relation,
  on: l.on.toISOString(),
  actor: l.actorName,
});

/**
 * Was daraus wurde, for a page of the register: one read of the links leaving these decisions and one
 * read per kind they lead to (not per decision), then the outcome rule (trace.rules decisionOutcome).
 */
export async function decisionOutcomes(
  db: Db,
  networkId: string,
  decisions: Array<{ id: string; type: string; status: string }>,
  today: string,
): Promise<Map<string, { outcome: Outcome; summary: string; orders: number }>> {
  const links = await repo.linksFromDecisions(
    db,
    networkId,
    decisions.map((d) => d.id),
  );
  const resolved = await resolveAll(
    db,
    networkId,
    links.map((l) => ({ kind: l.toKind, id: l.toId })),
  );
  const follow = new Map<string, FollowUp[]>();
  for (const l of links) {
    const r = resolved.get(keyOf(l.toKind, l.toId));
    if (!r) continue;
    follow.set(l.fromId, [
      ...(follow.get(l.fromId) ?? []),
      {
        kind: l.toKind,
        relation: l.relation,
        status: r.status,
        dueOn: r.dueOn ?? null,
        short: r.short ?? null,
      },
    ]);
  }
  return new Map(
    decisions.map((d) => [
      d.id,
      {
        ...decisionOutcome(d, follow.get(d.id) ?? [], today),
        orders: links.filter((l) => l.fromId === d.id && l.relation === 'orders').length,
      },
    ]),
  );
}

/** Today in Berlin, for the outcome rule's "overdue". */
export const todayOf = (deps: Pick<Deps, 'now'>) => berlinDay(deps.now());
