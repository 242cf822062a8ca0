import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Link } from './trace.rules.js';
import { traceLink } from './trace.tables.js';

/* Data access of the trace: the links of a network, read a whole frontier at a time. */

const columns = {
  fromKind: traceLink.fromKind,
  fromId: traceLink.fromId,
  toKind: traceLink.toKind,
  toId: traceLink.toId,
  relation: traceLink.relation,
  on: traceLink.on,
  actorName: traceLink.actorName,
};

/** The links leaving any of the ids (the caller matches the kinds). */
export async function linksFrom(db: Db, networkId: string, ids: string[]): Promise<Link[]> {
  if (ids.length === 0) return [];
  return db
    .select(columns)
    .from(traceLink)
    .where(and(eq(traceLink.networkId, networkId), inArray(traceLink.fromId, [...new Set(ids)])));
}

/** The links entering any of the ids (the caller matches the kinds). */
export async function linksTo(db: Db, networkId: string, ids: string[]): Promise<Link[]> {
  if (ids.length === 0) return [];
  return db
    .select(columns)
    .from(traceLink)
    .where(and(eq(traceLink.networkId, networkId), inArray(traceLink.toId, [...new Set(ids)])));
}

/** The links leaving decisions (Was daraus wurde), for one page of the register in one query. */
export async function linksFromDecisions(db: Db, networkId: string, decisionIds: string[]): Promise<Link[]> {
  if (decisionIds.length === 0) return [];
  return db
    .select(columns)
    .from(traceLink)
    .where(
      and(
        eq(traceLink.networkId, networkId),
        eq(traceLink.fromKind, 'decision'),
        inArray(traceLink.fromId, decisionIds),
      ),
    );
}
