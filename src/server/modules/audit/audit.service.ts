import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import type { AuditFilter, AuditPage } from '../../../contracts/audit.js';
import type { Db } from '../../db/client.js';
import { berlinDayEnd, berlinDayStart } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { authorize } from '../networks/networks.policy.js';
import { auditEvent } from './audit.tables.js';

export type AuditRecord = {
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  summary: string;
  before?: unknown;
  after?: unknown;
};

type AuditActor = {
  userId: string | null;
  name: string | null;
  networkId: string | null;
  requestId?: string;
};

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Db, actor: AuditActor, rec: AuditRecord): Promise<void> {
  await auditInsert(tx, actor, rec);
}

/** The insert behind `recordAudit`, to be run with others in one statement. */
export const auditInsert = (tx: Db, actor: AuditActor, rec: AuditRecord) =>
  tx.insert(auditEvent).values({
    networkId: actor.networkId,
    actorUserId: actor.userId,
    actorName: actor.name,
    action: rec.action,
    entityType: rec.entityType,
    entityId: rec.entityId,
    summary: rec.summary,
    before: rec.before === undefined ? null : redact(rec.before),
    after: rec.after === undefined ? null : redact(rec.after),
    requestId: actor.requestId ?? null,
  });

export const auditActorOf = (a: NetworkActor): AuditActor => ({
  userId: a.userId,
  name: a.name,
  networkId: a.networkId,
  requestId: a.requestId,
});

const SECRET_KEYS = /password|secret|token|hash/i;
/** Secrets never enter the audit trail. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[entfernt]' : redact(v)]),
    );
  }
  return value;
}

/**
 * The kinds of record in a network's log, for the filter. A loose index scan over
 * (network_id, entity_type): one index probe per kind, however many thousand entries the log holds.
 */
async function entityTypesOf(db: Db, networkId: string): Promise<Array<{ t: string }>> {
  const result = await db.execute<{ t: string | null }>(sql`
    WITH RECURSIVE kinds(t) AS (
      (SELECT entity_type FROM audit_event WHERE network_id = ${networkId} ORDER BY entity_type LIMIT 1)
      UNION ALL
      SELECT (SELECT entity_type FROM audit_event
              WHERE network_id = ${networkId} AND entity_type > kinds.t ORDER BY entity_type LIMIT 1)
      FROM kinds WHERE kinds.t IS NOT NULL
    )
    SELECT t FROM kinds WHERE t IS NOT NULL`);
  return (result as unknown as { rows: Array<{ t: string }> }).rows;
}

export async function listAudit(deps: Deps, actor: NetworkActor, q: AuditFilter): Promise<AuditPage> {
  authorize(actor.role, 'audit.read');
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const where = and(
    eq(auditEvent.networkId, actor.networkId),
    q.entityType ? eq(auditEvent.entityType, q.entityType) : undefined,
    q.action ? eq(auditEvent.action, q.action) : undefined,
    q.actor ? ilike(auditEvent.actorName, `%${q.actor.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    // Dates are days in Europe/Berlin, the office's calendar.
    q.from ? gte(auditEvent.at, berlinDayStart(q.from)) : undefined,
    q.to ? lt(auditEvent.at, berlinDayEnd(q.to)) : undefined,
  );
  const [rows, totals, types] = await Promise.all([
    deps.db
      .select()
      .from(auditEvent)
      .where(q.after ? and(where, lt(auditEvent.seq, q.after)) : where)
      // `seq + 0`: ordered by the bare primary key, PostgreSQL walks it backwards through every other
      // network's newer entries until 50 of this one turn up (87 ms on PGlite at NRW scale). The
      // expression hides the key's order, so it reads this network's entries by its index and keeps the
      // newest 50 (top-N sort, ~9 ms for 5,000 entries): cost follows this network, not the others.
      .orderBy(sql`${auditEvent.seq} + 0 DESC`)
      .limit(pageSize + 1)
      .offset(q.after ? 0 : (page - 1) * pageSize),
    deps.db.select({ n: count() }).from(auditEvent).where(where),
    entityTypesOf(deps.db, actor.networkId),
  ]);
  const more = rows.length > pageSize;
  if (more) rows.pop();
  return {
    nextCursor: more ? rows[rows.length - 1]!.seq : null,
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      summary: r.summary,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    total: totals[0]?.n ?? 0,
    entityTypes: types.map((t) => t.t),
  };
}

/** Who last changed a record (the newest audit entry about it): named when a stale save is refused. */
export async function lastChangedBy(
  db: Db,
  networkId: string,
  entityType: string,
  entityId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ name: auditEvent.actorName })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.networkId, networkId),
        eq(auditEvent.entityType, entityType),
        eq(auditEvent.entityId, entityId),
      ),
    )
    .orderBy(desc(auditEvent.seq))
    .limit(1);
  return row?.name ?? null;
}

type AuditRow = typeof auditEvent.$inferSelect;

/**
 * The entries of a network about these records or mentioning any of these strings (access export and
 * erasure of a person).
 */
export async function auditEntriesAbout(
  db: Db,
  networkId: string,
  entityIds: string[],
  mentions: string[],
): Promise<AuditRow[]> {
  const like = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;
  const conditions = [
    ...(entityIds.length > 0 ? [inArray(auditEvent.entityId, entityIds)] : []),
    ...mentions.flatMap((m) => [
      ilike(auditEvent.summary, like(m)),
      sql`${auditEvent.before}::text ilike ${like(m)}`,
      sql`${auditEvent.after}::text ilike ${like(m)}`,
    ]),
  ];
  if (conditions.length === 0) return [];
  return db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.networkId, networkId), or(...conditions)))
    .orderBy(asc(auditEvent.seq));
}

/**
 * Erasure reaches the audit trail: the entries' text is rewritten by `redact`, everything else stays.
 * The trigger of migration 0001 refuses any change unless this transaction set bildungsnetz.redact
 * (SET LOCAL: it ends with the transaction), and even then lets only summary, before and after change.
 */
export async function redactAuditEntries(
  tx: Db,
  entries: AuditRow[],
  redact: (e: AuditRow) => { summary: string; before: unknown; after: unknown },
): Promise<number> {
  if (entries.length === 0) return 0;
  await tx.execute(sql`select set_config('bildungsnetz.redact', 'on', true)`);
  for (const e of entries) {
    const r = redact(e);
    await tx
      .update(auditEvent)
      .set({ summary: r.summary, before: r.before ?? null, after: r.after ?? null })
      .where(eq(auditEvent.seq, e.seq));
  }
  await tx.execute(sql`select set_config('bildungsnetz.redact', 'off', true)`);
  return entries.length;
}
