import { and, asc, desc, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { DecisionQuery } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import type { PageRequest } from '../../lib/keyset.js';
import { advice, agendaItem, decision, decisionRound, meeting, position } from './steering.tables.js';

/*
 * Data access of consensus rounds (positions, advice) and the decision register: Drizzle only, the
 * database or transaction first.
 */

export type RoundRow = typeof decisionRound.$inferSelect;
export type DecisionRow = typeof decision.$inferSelect;
export type RegisterFilter = DecisionQuery;

// ---- rounds --------------------------------------------------------------------------------------

export async function roundsOfItem(db: Db, networkId: string, itemId: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(decisionRound)
    .where(and(eq(decisionRound.itemId, itemId), eq(decisionRound.networkId, networkId)))
    .orderBy(asc(decisionRound.round));
}

/** The number of the item's last round (0 before the first). */
export async function lastRound(tx: Db, itemId: string): Promise<number> {
  const [last] = await tx
    .select({ n: max(decisionRound.round) })
    .from(decisionRound)
    .where(eq(decisionRound.itemId, itemId));
  return last?.n ?? 0;
}

export async function insertRound(tx: Db, values: typeof decisionRound.$inferInsert): Promise<RoundRow> {
  const [round] = await tx.insert(decisionRound).values(values).returning();
  return round!;
}

export async function insertPositions(tx: Db, values: Array<typeof position.$inferInsert>): Promise<void> {
  if (values.length > 0) await tx.insert(position).values(values);
}

export async function positionsOf(db: Db, roundIds: string[]) {
  return db.select().from(position).where(inArray(position.roundId, roundIds));
}

export async function insertAdvice(tx: Db, values: Array<typeof advice.$inferInsert>): Promise<void> {
  if (values.length > 0) await tx.insert(advice).values(values);
}

export async function adviceOfRounds(db: Db, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db.select().from(advice).where(inArray(advice.roundId, roundIds)).orderBy(asc(advice.createdAt));
}

/** Decision numbers of an item's rounds, by round id. */
export async function decisionNumbersOfItem(db: Db, itemId: string): Promise<Map<string | null, string>> {
  const rows = await db
    .select({ roundId: decision.roundId, number: decision.number })
    .from(decision)
    .where(eq(decision.itemId, itemId));
  return new Map(rows.map((d) => [d.roundId, d.number]));
}

// ---- the register ------------------------------------------------------------------------------

/** The register, newest first, with the meeting each decision was taken in and its number of rounds. */
/** The register, newest first; with `page`, the decisions after the one with id `after` (keyset). */
export async function registerOf(db: Db, networkId: string, q: RegisterFilter, page?: PageRequest) {
  const query = db
    .select({
      d: decision,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      rounds: sql<number>`(SELECT count(*)::int FROM decision_round r WHERE r.item_id = ${decision.itemId})`,
    })
    .from(decision)
    .leftJoin(agendaItem, eq(agendaItem.id, decision.itemId))
    .leftJoin(meeting, eq(meeting.id, agendaItem.meetingId))
    .where(
      and(
        eq(decision.networkId, networkId),
        q.year ? eq(decision.year, q.year) : undefined,
        q.fieldId ? eq(decision.fieldId, q.fieldId) : undefined,
        q.type ? eq(decision.type, q.type) : undefined,
        q.status ? eq(decision.status, q.status) : undefined,
        // German full-text search: "Berufsorientierung" finds "Berufsorientierungen".
        q.q
          ? or(
              sql`to_tsvector('german', ${decision.title} || ' ' || ${decision.text}) @@ plainto_tsquery('german', ${q.q})`,
              sql`${decision.number} ILIKE ${`%${q.q}%`}`,
            )
          : undefined,
        page?.after
          ? sql`(${decision.year}, ${decision.seq}) < (SELECT year, seq FROM decision WHERE id = ${page.after} AND network_id = ${networkId})`
          : undefined,
      ),
    )
    .orderBy(desc(decision.year), desc(decision.seq));
  return page ? query.limit(page.rows) : query;
}

export async function lockDecision(
  tx: Db,
  networkId: string,
  decisionId: string,
): Promise<DecisionRow | undefined> {
  const [d] = await tx
    .select()
    .from(decision)
    .where(and(eq(decision.id, decisionId), eq(decision.networkId, networkId)))
    .for('update');
  return d;
}

export async function setDecisionStatusRow(
  tx: Db,
  decisionId: string,
  status: DecisionRow['status'],
): Promise<void> {
  await tx.update(decision).set({ status }).where(eq(decision.id, decisionId));
}

/**
 * Serialises numbering per network until the transaction ends, and returns the highest sequence number
 * of the year so far (0 before the first decision).
 */
export async function lockNumbering(tx: Db, networkId: string, year: number): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`decision:${networkId}`}))`);
  const [seqRow] = await tx
    .select({ n: max(decision.seq) })
    .from(decision)
    .where(and(eq(decision.networkId, networkId), eq(decision.year, year)));
  return seqRow?.n ?? 0;
}

export async function insertDecisionRow(tx: Db, values: typeof decision.$inferInsert): Promise<void> {
  await tx.insert(decision).values(values);
}

/** Work orders not yet done that name one of the fields. */
export async function openWorkOrderRows(db: Db, networkId: string, fieldIds: string[]) {
  return db
    .select({ number: decision.number, title: decision.title, fieldId: decision.fieldId })
    .from(decision)
    .where(
      and(
        eq(decision.networkId, networkId),
        eq(decision.type, 'work_order'),
        inArray(decision.status, ['open', 'in_progress']),
        inArray(decision.fieldId, fieldIds),
      ),
    )
    .orderBy(asc(decision.number));
}
