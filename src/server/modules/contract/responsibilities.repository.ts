import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { fieldOfAction, responsibility } from './contract.tables.js';

/* Data access of the responsibility catalogue: Drizzle only, the database or transaction first. */

export type ResponsibilityRow = typeof responsibility.$inferSelect;
export type ResponsibilityValues = Pick<
  ResponsibilityRow,
  'matter' | 'category' | 'owner' | 'ownerName' | 'fieldId' | 'note'
>;

/** The catalogue with the name of each matter's field of action, by category and matter. */
export async function responsibilitiesOf(db: Db, networkId: string) {
  return db
    .select({ r: responsibility, fieldName: fieldOfAction.name })
    .from(responsibility)
    .leftJoin(fieldOfAction, eq(fieldOfAction.id, responsibility.fieldId))
    .where(eq(responsibility.networkId, networkId))
    .orderBy(asc(responsibility.category), asc(responsibility.matter));
}

export async function responsibilityById(
  db: Db,
  networkId: string,
  id: string,
  lock = false,
): Promise<ResponsibilityRow | undefined> {
  const q = db
    .select()
    .from(responsibility)
    .where(and(eq(responsibility.id, id), eq(responsibility.networkId, networkId)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Whether another entry already names this matter (case-insensitive). */
export async function matterTaken(
  db: Db,
  networkId: string,
  matter: string,
  exceptId?: string,
): Promise<boolean> {
  const [dup] = await db
    .select({ id: responsibility.id })
    .from(responsibility)
    .where(
      and(
        eq(responsibility.networkId, networkId),
        sql`lower(${responsibility.matter}) = lower(${matter})`,
        exceptId ? ne(responsibility.id, exceptId) : undefined,
      ),
    );
  return !!dup;
}

export async function insertResponsibilities(
  tx: Db,
  networkId: string,
  values: ResponsibilityValues[],
  onConflict: 'fail' | 'skip' = 'fail',
): Promise<string[]> {
  const q = tx.insert(responsibility).values(values.map((v) => ({ ...v, networkId })));
  const rows = await (onConflict === 'skip' ? q.onConflictDoNothing() : q).returning({
    id: responsibility.id,
  });
  return rows.map((r) => r.id);
}

export async function updateResponsibilityRow(
  tx: Db,
  id: string,
  values: ResponsibilityValues & { updatedAt: Date },
): Promise<void> {
  await tx.update(responsibility).set(values).where(eq(responsibility.id, id));
}

export async function deleteResponsibilityRow(tx: Db, id: string): Promise<void> {
  await tx.delete(responsibility).where(eq(responsibility.id, id));
}
