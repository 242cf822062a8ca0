import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  affiliation,
  consent,
  contactImport,
  distributionListMember,
  institution,
  person,
  personField,
} from './contacts.tables.js';

/* Data access of the import and of merging duplicates; always filtered by the network. */

/** The people of the network that count (neither erased nor merged), with their functions. */
export async function activePeople(db: Db, networkId: string) {
  const people = await db
    .select({
      id: person.id,
      title: person.title,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      source: person.source,
      version: person.version,
      createdAt: person.createdAt,
    })
    .from(person)
    .where(and(eq(person.networkId, networkId), isNull(person.erasedAt), isNull(person.mergedInto)))
    .orderBy(
      asc(person.createdAt),
      // One import's people share the transaction's time: in the order of their rows.
      sql`(${person.source}->>'row')::int nulls last`,
      asc(person.id),
    );
  const functions = await db
    .select({ personId: affiliation.personId, function: affiliation.function, institution: institution.name })
    .from(affiliation)
    .innerJoin(institution, eq(institution.id, affiliation.institutionId))
    .where(eq(affiliation.networkId, networkId))
    .orderBy(asc(affiliation.position), asc(affiliation.createdAt));
  const byPerson = new Map<string, string[]>();
  for (const f of functions) {
    const text = f.function ? `${f.function}, ${f.institution}` : f.institution;
    byPerson.set(f.personId, [...(byPerson.get(f.personId) ?? []), text]);
  }
  return people.map((p) => ({ ...p, functions: byPerson.get(p.id) ?? [] }));
}
export type ActivePerson = Awaited<ReturnType<typeof activePeople>>[number];

/** The network's institutions that are not archived (to find an imported one by number or name). */
export async function activeInstitutions(db: Db, networkId: string) {
  return db
    .select({ id: institution.id, name: institution.name, schoolNumber: institution.schoolNumber })
    .from(institution)
    .where(and(eq(institution.networkId, networkId), isNull(institution.archivedAt)));
}

export async function insertImport(tx: Db, values: typeof contactImport.$inferInsert) {
  const [row] = await tx.insert(contactImport).values(values).returning();
  return row!;
}

export async function insertInstitutionRow(tx: Db, values: typeof institution.$inferInsert) {
  const [row] = await tx.insert(institution).values(values).returning({ id: institution.id });
  return row!.id;
}

export async function insertPersonRow(tx: Db, values: typeof person.$inferInsert) {
  const [row] = await tx.insert(person).values(values).returning({ id: person.id });
  return row!.id;
}

export async function insertAffiliation(tx: Db, values: typeof affiliation.$inferInsert) {
  await tx.insert(affiliation).values(values);
}

/** People of the network by id, locked for the merge. */
export async function peopleForUpdate(tx: Db, networkId: string, ids: string[]) {
  return tx
    .select()
    .from(person)
    .where(and(eq(person.networkId, networkId), inArray(person.id, ids)))
    .for('update');
}

/**
 * Moves what belongs to the merged records to the kept one: functions (one per institution and
 * function), fields of action, consents, list memberships. Returns how many of each moved.
 */
export async function moveContactsData(tx: Db, networkId: string, fromIds: string[], toId: string) {
  const kept = await tx
    .select({ institutionId: affiliation.institutionId, function: affiliation.function })
    .from(affiliation)
    .where(eq(affiliation.personId, toId));
  const theirs = await tx.select().from(affiliation).where(inArray(affiliation.personId, fromIds));
  const seen = new Set(kept.map((a) => `${a.institutionId}|${a.function}`));
  let affiliations = 0;
  for (const a of theirs) {
    const key = `${a.institutionId}|${a.function}`;
    if (seen.has(key)) {
      await tx.delete(affiliation).where(eq(affiliation.id, a.id));
    } else {
      seen.add(key);
      await tx
        .update(affiliation)
        .set({ personId: toId, position: kept.length + affiliations })
        .where(eq(affiliation.id, a.id));
      affiliations++;
    }
  }
  const fields = await tx.select().from(personField).where(inArray(personField.personId, fromIds));
  if (fields.length) {
    await tx
      .insert(personField)
      .values(fields.map((f) => ({ personId: toId, fieldId: f.fieldId })))
      .onConflictDoNothing();
  }
  await tx.delete(personField).where(inArray(personField.personId, fromIds));
  const consents = await tx
    .update(consent)
    .set({ personId: toId })
    .where(and(eq(consent.networkId, networkId), inArray(consent.personId, fromIds)))
    .returning({ id: consent.id });
  const members = await tx
    .select()
    .from(distributionListMember)
    .where(inArray(distributionListMember.personId, fromIds));
  if (members.length) {
    await tx
      .insert(distributionListMember)
      .values(
        members.map((m) => ({ listId: m.listId, personId: toId, addedBy: m.addedBy, addedAt: m.addedAt })),
      )
      .onConflictDoNothing();
  }
  const lists = await tx
    .delete(distributionListMember)
    .where(inArray(distributionListMember.personId, fromIds))
    .returning({ listId: distributionListMember.listId });
  return { affiliations, consents: consents.length, lists: lists.length };
}

export async function updatePersonRow(tx: Db, id: string, values: Partial<typeof person.$inferInsert>) {
  const [row] = await tx
    .update(person)
    .set({ ...values, version: sql`${person.version} + 1`, updatedAt: new Date() })
    .where(eq(person.id, id))
    .returning();
  return row!;
}

/** Whether someone else in the network already has this account linked (one person per account). */
export async function accountTaken(tx: Db, networkId: string, userId: string, exceptId: string) {
  const [row] = await tx
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.networkId, networkId), eq(person.userId, userId), ne(person.id, exceptId)));
  return row !== undefined;
}
