import { and, asc, desc, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { DecisionQuery } from '../../../contracts/steering.js';
import type { Database, Db } from '../../db/client.js';
import { runPrepared } from '../../db/prepared.js';
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

export type RegisterEntry = {
  id: string;
  number: string;
  decidedOn: string;
  type: DecisionRow['type'];
  fieldId: string | null;
  fieldName: string | null;
  title: string;
  text: string;
  status: DecisionRow['status'];
  meetingId: string | null;
  meetingTitle: string | null;
  rounds: number;
};

// The unfiltered register, the page the UI opens, in one named prepared statement (db/prepared.ts):
// the meeting, the number of rounds and the field's name joined in, instead of a correlated count per
// row and a second query for the names. The field of action belongs to the contract module; its name is
// read here by table name only, as the register's one cross-module read on this hot path.
const REGISTER_PAGE = {
  name: 'bn_register_page',
  types: ['uuid', 'int', 'uuid'],
  text: `SELECT d.id, d.number, d.decided_on::text AS "decidedOn", d.type, d.field_id AS "fieldId",
       f.name AS "fieldName", d.title, d.text, d.status, m.id AS "meetingId", m.title AS "meetingTitle",
       coalesce(r.rounds, 0)::int AS rounds
FROM decision d
LEFT JOIN agenda_item a ON a.id = d.item_id
LEFT JOIN meeting m ON m.id = a.meeting_id
LEFT JOIN field_of_action f ON f.id = d.field_id AND f.network_id = d.network_id
LEFT JOIN LATERAL (SELECT count(*) AS rounds FROM decision_round dr WHERE dr.item_id = d.item_id) r ON true
WHERE d.network_id = $1
  AND ($3::uuid IS NULL OR (d.year, d.seq) < (SELECT year, seq FROM decision WHERE id = $3 AND network_id = $1))
ORDER BY d.year DESC, d.seq DESC
LIMIT $2`,
} as const;

/** A page of the whole register, newest first (keyset after the decision `after`). */
export async function registerPage(
  database: Database,
  networkId: string,
  page: PageRequest,
): Promise<RegisterEntry[]> {
  return runPrepared<RegisterEntry>(database, REGISTER_PAGE, [networkId, page.rows, page.after ?? null]);
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

export async function insertDecisionRow(tx: Db, values: typeof decision.$inferInsert): Promise<string> {
  const [row] = await tx.insert(decision).values(values).returning({ id: decision.id });
  return row!.id;
}

/**
 * A decision with the state of the item or written procedure that took it, for the work programme
 * (which may order work only from a decision that is still taken).
 */
export async function decisionWithOrigin(db: Db, networkId: string, decisionId: string) {
  const [row] = await db
    .select({
      d: decision,
      itemStatus: agendaItem.status,
      procedureStatus: sql<
        string | null
      >`(SELECT p.status FROM written_procedure p WHERE p.decision_id = ${decision.id} LIMIT 1)`,
    })
    .from(decision)
    .leftJoin(agendaItem, eq(agendaItem.id, decision.itemId))
    .where(and(eq(decision.id, decisionId), eq(decision.networkId, networkId)));
  return row;
}

/** Decisions of the network by id (all of them when `ids` is not given): the rows only, no origin. */
export async function decisionsByIds(db: Db, networkId: string, ids?: string[]) {
  if (ids && ids.length === 0) return [];
  return db
    .select()
    .from(decision)
    .where(and(eq(decision.networkId, networkId), ids ? inArray(decision.id, ids) : undefined));
}
