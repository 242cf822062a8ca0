import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agendaItem, meeting, paper, paperVersion } from './steering.tables.js';

/* Data access of agenda items and their papers: Drizzle only, the database or transaction first. */

export type ItemRow = typeof agendaItem.$inferSelect;

/** A meeting's items in agenda order, moved ones included. */
export async function itemsOf(db: Db, meetingId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(agendaItem)
    .where(eq(agendaItem.meetingId, meetingId))
    .orderBy(asc(agendaItem.position));
}

/** An item of the meeting, locked for the caller's transaction. */
export async function lockItem(
  tx: Db,
  networkId: string,
  meetingId: string,
  itemId: string,
): Promise<ItemRow | undefined> {
  const [i] = await tx
    .select()
    .from(agendaItem)
    .where(
      and(
        eq(agendaItem.id, itemId),
        eq(agendaItem.meetingId, meetingId),
        eq(agendaItem.networkId, networkId),
      ),
    )
    .for('update');
  return i;
}

/** The highest position on the meeting's agenda (0 when empty). */
export async function lastPosition(tx: Db, meetingId: string): Promise<number> {
  const [last] = await tx
    .select({ n: max(agendaItem.position) })
    .from(agendaItem)
    .where(eq(agendaItem.meetingId, meetingId));
  return last?.n ?? 0;
}

export async function insertItem(tx: Db, values: typeof agendaItem.$inferInsert): Promise<ItemRow> {
  const [item] = await tx.insert(agendaItem).values(values).returning();
  return item!;
}

export async function updateItemRow(
  tx: Db,
  itemId: string,
  values: Partial<typeof agendaItem.$inferInsert>,
): Promise<void> {
  await tx.update(agendaItem).set(values).where(eq(agendaItem.id, itemId));
}

// ---- papers --------------------------------------------------------------------------------------

/** Papers of these items with all their versions, oldest first. */
export async function papersWithVersions(db: Db, itemIds: string[]) {
  return db
    .select({ p: paper, v: paperVersion })
    .from(paper)
    .innerJoin(paperVersion, eq(paperVersion.paperId, paper.id))
    .where(inArray(paper.itemId, itemIds))
    .orderBy(asc(paper.createdAt), asc(paperVersion.version));
}

export async function paperOfItem(tx: Db, paperId: string, itemId: string) {
  const [p] = await tx
    .select()
    .from(paper)
    .where(and(eq(paper.id, paperId), eq(paper.itemId, itemId)));
  return p;
}

/** The highest version of a paper (0 when it has none). */
export async function lastPaperVersion(tx: Db, paperId: string): Promise<number> {
  const [last] = await tx
    .select({ n: max(paperVersion.version) })
    .from(paperVersion)
    .where(eq(paperVersion.paperId, paperId));
  return last?.n ?? 0;
}

export async function insertPaper(tx: Db, values: typeof paper.$inferInsert) {
  const [p] = await tx.insert(paper).values(values).returning();
  return p!;
}

export async function insertPaperVersion(tx: Db, values: typeof paperVersion.$inferInsert): Promise<void> {
  await tx.insert(paperVersion).values(values);
}

/** A moved item takes its papers along. */
export async function movePapers(tx: Db, fromItemId: string, toItemId: string): Promise<void> {
  await tx.update(paper).set({ itemId: toItemId }).where(eq(paper.itemId, fromItemId));
}

/** The file of one version of a paper, if paper, item and meeting belong together in this network. */
export async function paperVersionFile(
  db: Db,
  networkId: string,
  ref: { meetingId: string; itemId: string; paperId: string; version: number },
): Promise<string | null> {
  const [row] = await db
    .select({ fileId: paperVersion.fileId })
    .from(paperVersion)
    .innerJoin(paper, eq(paper.id, paperVersion.paperId))
    .innerJoin(agendaItem, eq(agendaItem.id, paper.itemId))
    .where(
      and(
        eq(paper.id, ref.paperId),
        eq(paper.itemId, ref.itemId),
        eq(agendaItem.meetingId, ref.meetingId),
        eq(paperVersion.version, ref.version),
        eq(paper.networkId, networkId),
      ),
    );
  return row?.fileId ?? null;
}

/** The meetings (id, title, start) the given items of the network belong to, by item. */
export async function meetingsOfItems(db: Db, networkId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      itemId: agendaItem.id,
      meetingId: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
    })
    .from(agendaItem)
    .innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
    .where(and(eq(agendaItem.networkId, networkId), inArray(agendaItem.id, itemIds)));
}

/** The meeting an item of the network belongs to. */
export async function meetingIdOfItem(
  db: Db,
  networkId: string,
  itemId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ meetingId: agendaItem.meetingId })
    .from(agendaItem)
    .where(and(eq(agendaItem.id, itemId), eq(agendaItem.networkId, networkId)));
  return row?.meetingId;
}
