import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { event, eventDocumentFile, eventSession, recommendation } from './events.tables.js';

/* Data access of the documentation and the recommendations: always by network. */

export type SessionRow = typeof eventSession.$inferSelect;
export type DocFileRow = typeof eventDocumentFile.$inferSelect;
export type RecommendationRow = typeof recommendation.$inferSelect;

export const sessionsOf = (db: Db, networkId: string, eventId: string): Promise<SessionRow[]> =>
  db
    .select()
    .from(eventSession)
    .where(and(eq(eventSession.networkId, networkId), eq(eventSession.eventId, eventId)))
    .orderBy(asc(eventSession.startsAt), asc(eventSession.position));

export async function sessionRow(
  db: Db,
  networkId: string,
  eventId: string,
  sessionId: string,
  lock = false,
): Promise<SessionRow | undefined> {
  const q = db
    .select()
    .from(eventSession)
    .where(
      and(
        eq(eventSession.networkId, networkId),
        eq(eventSession.eventId, eventId),
        eq(eventSession.id, sessionId),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateSession(db: Db, id: string, values: Partial<SessionRow>) {
  const [row] = await db.update(eventSession).set(values).where(eq(eventSession.id, id)).returning();
  return row!;
}

export async function updateEvent(db: Db, id: string, values: Partial<typeof event.$inferInsert>) {
  const [row] = await db.update(event).set(values).where(eq(event.id, id)).returning();
  return row!;
}

export const filesOf = (db: Db, networkId: string, eventId: string): Promise<DocFileRow[]> =>
  db
    .select()
    .from(eventDocumentFile)
    .where(and(eq(eventDocumentFile.networkId, networkId), eq(eventDocumentFile.eventId, eventId)))
    .orderBy(asc(eventDocumentFile.createdAt));

export async function fileRow(db: Db, networkId: string, eventId: string, id: string) {
  const [row] = await db
    .select()
    .from(eventDocumentFile)
    .where(
      and(
        eq(eventDocumentFile.networkId, networkId),
        eq(eventDocumentFile.eventId, eventId),
        eq(eventDocumentFile.id, id),
      ),
    );
  return row;
}

export async function insertFile(db: Db, values: typeof eventDocumentFile.$inferInsert) {
  const [row] = await db.insert(eventDocumentFile).values(values).returning();
  return row!;
}

export async function updateFile(db: Db, id: string, values: Partial<DocFileRow>) {
  const [row] = await db
    .update(eventDocumentFile)
    .set(values)
    .where(eq(eventDocumentFile.id, id))
    .returning();
  return row!;
}

export const deleteFileRow = (db: Db, id: string) =>
  db.delete(eventDocumentFile).where(eq(eventDocumentFile.id, id));

export const recommendationsOf = (db: Db, networkId: string, eventId: string): Promise<RecommendationRow[]> =>
  db
    .select()
    .from(recommendation)
    .where(and(eq(recommendation.networkId, networkId), eq(recommendation.eventId, eventId)))
    .orderBy(asc(recommendation.position), asc(recommendation.createdAt));

export async function recommendationRows(
  db: Db,
  networkId: string,
  eventId: string,
  ids: string[],
  lock = false,
): Promise<RecommendationRow[]> {
  if (ids.length === 0) return [];
  const q = db
    .select()
    .from(recommendation)
    .where(
      and(
        eq(recommendation.networkId, networkId),
        eq(recommendation.eventId, eventId),
        inArray(recommendation.id, ids),
      ),
    )
    .orderBy(asc(recommendation.position), asc(recommendation.createdAt));
  return lock ? q.for('update') : q;
}

export async function insertRecommendation(db: Db, values: typeof recommendation.$inferInsert) {
  const [row] = await db.insert(recommendation).values(values).returning();
  return row!;
}

export async function updateRecommendation(db: Db, id: string, values: Partial<RecommendationRow>) {
  const [row] = await db.update(recommendation).set(values).where(eq(recommendation.id, id)).returning();
  return row!;
}
