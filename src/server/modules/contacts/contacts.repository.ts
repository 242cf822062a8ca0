import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { affiliation, institution, person, personField } from './contacts.tables.js';

/*
 * The address book's shared data access (people by id, an institution's people, the search condition).
 * Writing people and institutions goes through records.service.ts, which keeps their search words
 * current with the rows read and written here. Drizzle only; the database or transaction first.
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

export async function insertInstitutionRow(tx: Db, values: typeof institution.$inferInsert) {
  const [row] = await tx.insert(institution).values(values).returning();
  return row!;
}

export async function insertPersonRow(tx: Db, values: typeof person.$inferInsert) {
  const [row] = await tx.insert(person).values(values).returning();
  return row!;
}

/** What an institution's search words are made of. */
export async function institutionsByIds(db: Db, ids: string[]) {
  return db
    .select({
      id: institution.id,
      name: institution.name,
      schoolNumber: institution.schoolNumber,
      schoolType: institution.schoolType,
      place: institution.place,
      email: institution.email,
      networkId: institution.networkId,
      municipalityId: institution.municipalityId,
    })
    .from(institution)
    .where(inArray(institution.id, ids));
}

export async function setInstitutionSearchText(tx: Db, id: string, text: string) {
  await tx.update(institution).set({ searchText: text }).where(eq(institution.id, id));
}

export async function peopleByIds(db: Db, ids: string[]) {
  return db.select().from(person).where(inArray(person.id, ids));
}

/** The functions of people with their institutions' names and places. */
export async function placesOfPeople(db: Db, personIds: string[]) {
  return db
    .select({
      personId: affiliation.personId,
      function: affiliation.function,
      name: institution.name,
      place: institution.place,
    })
    .from(affiliation)
    .innerJoin(institution, eq(institution.id, affiliation.institutionId))
    .where(inArray(affiliation.personId, personIds));
}

export async function fieldIdsOfPeople(db: Db, personIds: string[]) {
  return db
    .select({ personId: personField.personId, id: personField.fieldId })
    .from(personField)
    .where(inArray(personField.personId, personIds));
}

export async function setPersonSearchText(tx: Db, id: string, text: string) {
  await tx.update(person).set({ searchText: text }).where(eq(person.id, id));
}

export async function institutionsInMunicipalities(
  db: Db,
  networkId: string,
  municipalityIds: string[],
): Promise<Array<{ id: string; operatorId: string | null; municipalityId: string | null }>> {
  if (municipalityIds.length === 0) return [];
  return db
    .select({
      id: institution.id,
      operatorId: institution.operatorId,
      municipalityId: institution.municipalityId,
    })
    .from(institution)
    .where(
      and(
        eq(institution.networkId, networkId),
        or(
          inArray(institution.operatorId, municipalityIds),
          inArray(institution.municipalityId, municipalityIds),
        ),
      ),
    );
}
