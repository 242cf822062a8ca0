import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { fieldOfAction } from '../contract/contract.tables.js';
import { municipality } from '../structure/structure.tables.js';
import { affiliation, institution, person, personField } from './contacts.tables.js';
import { searchWords } from './fold.rules.js';

/*
 * The address book's shared data access: inserting people and institutions and keeping their search
 * words current. Every part (people, import, lists, privacy) writes through these, so a record is
 * always findable right after it is written. Drizzle only; the database or transaction first.
 */

export type PersonRow = typeof person.$inferSelect;
export type InstitutionRow = typeof institution.$inferSelect;
export type AffiliationRow = typeof affiliation.$inferSelect;

export async function insertInstitution(tx: Db, values: typeof institution.$inferInsert) {
  const [row] = await tx.insert(institution).values(values).returning();
  await refreshInstitutionSearch(tx, [row!.id]);
  return row!;
}

export async function insertPerson(tx: Db, values: typeof person.$inferInsert) {
  const [row] = await tx.insert(person).values(values).returning();
  await refreshPersonSearch(tx, [row!.id]);
  return row!;
}

/**
 * Rewrites the search words of institutions: name, school number and type, place, municipality and
 * operator names. Call after every change of an institution.
 */
export async function refreshInstitutionSearch(tx: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx
    .select({
      id: institution.id,
      name: institution.name,
      schoolNumber: institution.schoolNumber,
      schoolType: institution.schoolType,
      place: institution.place,
      email: institution.email,
      municipality: municipality.name,
    })
    .from(institution)
    .leftJoin(municipality, eq(municipality.id, institution.municipalityId))
    .where(inArray(institution.id, ids));
  for (const r of rows) {
    const text = searchWords(r.name, r.schoolNumber, r.schoolType, r.place, r.municipality, r.email);
    await tx.update(institution).set({ searchText: text }).where(eq(institution.id, r.id));
  }
}

/**
 * Rewrites the search words of people: names, e-mail, functions and institutions (with their places),
 * fields of action and multiplier topics. Call after every change of a person, of their affiliations
 * or fields, and for an institution's people when it is renamed. Erased people have none.
 */
export async function refreshPersonSearch(tx: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const people = await tx.select().from(person).where(inArray(person.id, ids));
  const places = await tx
    .select({
      personId: affiliation.personId,
      function: affiliation.function,
      name: institution.name,
      place: institution.place,
    })
    .from(affiliation)
    .innerJoin(institution, eq(institution.id, affiliation.institutionId))
    .where(inArray(affiliation.personId, ids));
  const fields = await tx
    .select({ personId: personField.personId, name: fieldOfAction.name })
    .from(personField)
    .innerJoin(fieldOfAction, eq(fieldOfAction.id, personField.fieldId))
    .where(inArray(personField.personId, ids));
  for (const p of people) {
    const text = p.erasedAt
      ? ''
      : searchWords(
          p.title,
          p.firstName,
          p.lastName,
          p.email,
          ...places.filter((a) => a.personId === p.id).flatMap((a) => [a.function, a.name, a.place]),
          ...fields.filter((f) => f.personId === p.id).map((f) => f.name),
          ...p.multiplierTopics,
        );
    await tx.update(person).set({ searchText: text }).where(eq(person.id, p.id));
  }
}

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
