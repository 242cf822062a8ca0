import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { ListFilter } from '../../../contracts/contacts.js';
import type { Db } from '../../db/client.js';
import {
  affiliation,
  consent,
  distributionList,
  distributionListMember,
  institution,
  person,
  personField,
} from './contacts.tables.js';
import { fold } from './fold.rules.js';

/* Data access of distribution lists; every query filtered by the network. */

export type ListRow = typeof distributionList.$inferSelect;

export async function listsOf(db: Db, networkId: string): Promise<ListRow[]> {
  return db
    .select()
    .from(distributionList)
    .where(and(eq(distributionList.networkId, networkId), isNull(distributionList.archivedAt)))
    .orderBy(asc(distributionList.name));
}

export async function listById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(distributionList)
    .where(and(eq(distributionList.id, id), eq(distributionList.networkId, networkId)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

/** The list of this name in the network (names compare case-insensitively). */
export async function listByName(db: Db, networkId: string, name: string) {
  const [row] = await db
    .select({ id: distributionList.id })
    .from(distributionList)
    .where(
      and(eq(distributionList.networkId, networkId), sql`lower(${distributionList.name}) = lower(${name})`),
    );
  return row;
}

export async function insertList(tx: Db, values: typeof distributionList.$inferInsert) {
  const [row] = await tx.insert(distributionList).values(values).returning();
  return row!;
}

export async function updateList(
  tx: Db,
  id: string,
  values: Partial<typeof distributionList.$inferInsert>,
): Promise<ListRow> {
  const [row] = await tx
    .update(distributionList)
    .set({ ...values, version: sql`${distributionList.version} + 1`, updatedAt: sql`now()` })
    .where(eq(distributionList.id, id))
    .returning();
  return row!;
}

export async function deleteList(tx: Db, id: string): Promise<void> {
  await tx.delete(distributionList).where(eq(distributionList.id, id));
}

export async function memberIdsOf(db: Db, listId: string): Promise<string[]> {
  const rows = await db
    .select({ id: distributionListMember.personId })
    .from(distributionListMember)
    .where(eq(distributionListMember.listId, listId));
  return rows.map((r) => r.id);
}

export async function addMembers(tx: Db, listId: string, personIds: string[], addedBy: string) {
  if (personIds.length === 0) return [];
  return tx
    .insert(distributionListMember)
    .values(personIds.map((personId) => ({ listId, personId, addedBy })))
    .onConflictDoNothing()
    .returning({ personId: distributionListMember.personId });
}

export async function removeMember(tx: Db, listId: string, personId: string): Promise<boolean> {
  const rows = await tx
    .delete(distributionListMember)
    .where(and(eq(distributionListMember.listId, listId), eq(distributionListMember.personId, personId)))
    .returning({ personId: distributionListMember.personId });
  return rows.length > 0;
}

/** Of these ids, the people of the network (another network's ids drop out). */
export async function peopleIdsInNetwork(db: Db, networkId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.networkId, networkId), inArray(person.id, ids)));
  return rows.map((r) => r.id);
}

// ---- filter evaluation -----------------------------------------------------------------------------

/**
 * fold() in SQL for short texts (functions, topics): umlauts transliterated in both cases before
 * lower() (which in the C locale lowers ASCII only), common accents dropped.
 */
export const foldSql = (expr: SQL | typeof affiliation.function) => {
  let e: SQL = sql`${expr}`;
  for (const [from, to] of [
    ['Ä', 'ae'],
    ['ä', 'ae'],
    ['Ö', 'oe'],
    ['ö', 'oe'],
    ['Ü', 'ue'],
    ['ü', 'ue'],
    ['ß', 'ss'],
    ['ẞ', 'ss'],
  ]) {
    e = sql`replace(${e}, ${from}, ${to})`;
  }
  return sql`lower(translate(${e}, 'ÁÀÂÉÈÊËÍÌÎÏÓÒÔÚÙÛÇÑŁŠáàâéèêëíìîïóòôúùûçñłıšø', 'AAAEEEEIIIIOOOUUUCNLSaaaeeeeiiiiooouuucnlliso'))`;
};

const likeContains = (folded: string) => `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The ids of the network's people a (normalized) filter selects; every condition must hold. */
export async function peopleMatching(db: Db, networkId: string, f: ListFilter): Promise<string[]> {
  const conditions: SQL[] = [eq(person.networkId, networkId), isNull(person.archivedAt)];
  // Institution and function conditions hold for one and the same affiliation: "Schulleitung at a Sek I
  // school in Brilon", not a head of a primary school who also teaches somewhere in Brilon.
  const at: SQL[] = [];
  if (f.institutionTypes?.length) at.push(inArray(institution.type, f.institutionTypes));
  if (f.schoolTypes?.length) at.push(inArray(institution.schoolType, f.schoolTypes));
  if (f.municipalityIds?.length) at.push(inArray(institution.municipalityId, f.municipalityIds));
  if (f.functions?.length) {
    const fn = foldSql(affiliation.function);
    at.push(
      sql`(${sql.join(
        f.functions.map((w) => sql`${fn} like ${likeContains(fold(w))}`),
        sql` or `,
      )})`,
    );
  }
  if (at.length > 0) {
    conditions.push(sql`exists (select 1 from ${affiliation} inner join ${institution}
      on ${institution.id} = ${affiliation.institutionId}
      where ${affiliation.personId} = ${person.id} and ${institution.archivedAt} is null
      and ${and(...at)})`);
  }
  if (f.fieldIds?.length) {
    conditions.push(sql`exists (select 1 from ${personField} where ${personField.personId} = ${person.id}
      and ${inArray(personField.fieldId, f.fieldIds)})`);
  }
  if (f.multiplierOnly || f.multiplierTopics?.length) conditions.push(eq(person.multiplier, true));
  if (f.multiplierTopics?.length) {
    const topic = foldSql(sql`t.value`);
    conditions.push(sql`exists (select 1 from jsonb_array_elements_text(${person.multiplierTopics}) as t(value)
      where ${sql.join(
        f.multiplierTopics.map((w) => sql`${topic} like ${likeContains(fold(w))}`),
        sql` or `,
      )})`);
  }
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(and(...conditions));
  return rows.map((r) => r.id);
}

/** What lists show and decide on of people: record, mailing consents, functions at institutions. */
export async function recipientsData(db: Db, networkId: string, ids: string[]) {
  if (ids.length === 0) return { people: [], consents: [], affiliations: [] };
  const people = await db
    .select({
      id: person.id,
      salutation: person.salutation,
      title: person.title,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      erasedAt: person.erasedAt,
      mergedInto: person.mergedInto,
    })
    .from(person)
    .where(and(eq(person.networkId, networkId), inArray(person.id, ids)));
  const consents = await db
    .select({
      personId: consent.personId,
      givenAt: consent.givenAt,
      withdrawnAt: consent.withdrawnAt,
      createdAt: consent.createdAt,
    })
    .from(consent)
    .where(
      and(eq(consent.networkId, networkId), eq(consent.purpose, 'mailing'), inArray(consent.personId, ids)),
    );
  const affiliations = await db
    .select({
      personId: affiliation.personId,
      function: affiliation.function,
      institution: institution.name,
      place: institution.place,
    })
    .from(affiliation)
    .innerJoin(institution, eq(institution.id, affiliation.institutionId))
    .where(and(inArray(affiliation.personId, ids), isNull(institution.archivedAt)))
    .orderBy(asc(affiliation.position), asc(affiliation.createdAt));
  return { people, consents, affiliations };
}

/** People for the static list's picker: as-you-type over search words (query from prefixQuery). */
export async function searchPeople(db: Db, networkId: string, query: string | null, limit = 20) {
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(
      and(
        eq(person.networkId, networkId),
        isNull(person.erasedAt),
        isNull(person.mergedInto),
        isNull(person.archivedAt),
        query ? sql`${person.searchVector} @@ to_tsquery('simple'::regconfig, ${query})` : undefined,
      ),
    )
    .orderBy(asc(person.lastName), asc(person.firstName))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The functions and multiplier topics in use in the network (the filter builder suggests them). */
export async function functionsAndTopics(db: Db, networkId: string) {
  const functions = await db
    .selectDistinct({ v: affiliation.function })
    .from(affiliation)
    .where(and(eq(affiliation.networkId, networkId), sql`${affiliation.function} <> ''`))
    .orderBy(asc(affiliation.function));
  const topicRows = await db
    .select({ topics: person.multiplierTopics })
    .from(person)
    .where(and(eq(person.networkId, networkId), eq(person.multiplier, true), isNull(person.erasedAt)));
  const topics = [...new Set(topicRows.flatMap((r) => r.topics).filter((t) => t.trim() !== ''))].sort(
    (a, b) => a.localeCompare(b, 'de'),
  );
  return { functions: functions.map((r) => r.v), topics };
}

/** Notes that the people took part in something (a list mail): retention counts from it. */
export async function touchActivity(tx: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(person).set({ lastActivityAt: at }).where(inArray(person.id, ids));
}
