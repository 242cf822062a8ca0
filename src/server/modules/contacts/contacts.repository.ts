import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { affiliation, type institution, person } from './contacts.tables.js';

/*
 * The address book's shared data access (people by id, an institution's people, the search condition).
 * Writing people and institutions goes through records.service.ts, which keeps their search words
 * current. Drizzle only; the database or transaction first.
 */

export type PersonRow = typeof person.$inferSelect;
export type InstitutionRow = typeof institution.$inferSelect;
export type AffiliationRow = typeof affiliation.$inferSelect;

/** The people working at an institution (to refresh their search words when it changes). */
export async function peopleAtInstitution(db: Db, institutionId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: affiliation.personId })
    .from(affiliation)
    .where(eq(affiliation.institutionId, institutionId));
  return rows.map((r) => r.id);
}

/** A person of the network by id (undefined for another network's). */
export async function personById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(person)
    .where(and(eq(person.id, id), eq(person.networkId, networkId)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

/** Full-text match on search words: `query` from prefixQuery(). */
export const matchesSearch = (
  vector: typeof person.searchVector | typeof institution.searchVector,
  query: string,
) => sql`${vector} @@ to_tsquery('simple'::regconfig, ${query})`;
