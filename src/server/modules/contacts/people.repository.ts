import { and, asc, desc, eq, exists, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { user } from '../auth/auth.tables.js';
import { membership } from '../networks/networks.tables.js';
import { matchesSearch } from './contacts.repository.js';
import { affiliation, consent, institution, person, personField } from './contacts.tables.js';
import { fold } from './fold.rules.js';

/* Data access of people: Drizzle only, always by network. Erased and merged people are never listed. */

export type PersonValues = Pick<
  typeof person.$inferInsert,
  | 'salutation'
  | 'title'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'notes'
  | 'multiplier'
  | 'multiplierTopics'
  | 'legalBasis'
>;

export const livePerson = and(isNull(person.erasedAt), isNull(person.mergedInto));

export type PeopleFilter = {
  query: string | null;
  institutionType?: string;
  municipalityId?: string;
  function?: string;
  fieldId?: string;
  multiplier?: boolean;
};

export async function listPeople(db: Db, networkId: string, f: PeopleFilter, limit = 2000) {
  const atInstitution =
    f.institutionType || f.municipalityId || f.function
      ? exists(
          db
            .select({ one: sql`1` })
            .from(affiliation)
            .innerJoin(institution, eq(institution.id, affiliation.institutionId))
            .where(
              and(
                eq(affiliation.personId, person.id),
                f.institutionType ? eq(institution.type, f.institutionType as never) : undefined,
                f.municipalityId ? eq(institution.municipalityId, f.municipalityId) : undefined,
                // Function folded and as a part: "schulleitung" finds "Stellv. Schulleitung".
                f.function
                  ? sql`position(${fold(f.function)} in replace(replace(replace(replace(lower(${affiliation.function}), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')) > 0`
                  : undefined,
              ),
            ),
        )
      : undefined;
  return db
    .select()
    .from(person)
    .where(
      and(
        eq(person.networkId, networkId),
        livePerson,
        f.query ? matchesSearch(person.searchVector, f.query) : undefined,
        atInstitution,
        f.fieldId
          ? exists(
              db
                .select({ one: sql`1` })
                .from(personField)
                .where(and(eq(personField.personId, person.id), eq(personField.fieldId, f.fieldId))),
            )
          : undefined,
        f.multiplier === undefined ? undefined : eq(person.multiplier, f.multiplier),
      ),
    )
    .orderBy(asc(person.lastName), asc(person.firstName), asc(person.id))
    .limit(limit);
}

/** The functions of people at institutions, in the order they were added. */
export async function affiliationsOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: affiliation.id,
      personId: affiliation.personId,
      institutionId: institution.id,
      institutionName: institution.name,
      institutionArchivedAt: institution.archivedAt,
      place: institution.place,
      function: affiliation.function,
    })
    .from(affiliation)
    .innerJoin(institution, eq(institution.id, affiliation.institutionId))
    .where(inArray(affiliation.personId, personIds))
    .orderBy(asc(affiliation.position), asc(affiliation.createdAt));
}

export async function mailingConsentsOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: consent.personId, givenAt: consent.givenAt, withdrawnAt: consent.withdrawnAt })
    .from(consent)
    .where(and(inArray(consent.personId, personIds), eq(consent.purpose, 'mailing')));
}

/** The ids of the fields of action a person works in (names: contract.service fieldNames). */
export async function fieldIdsOfPerson(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .select({ id: personField.fieldId })
    .from(personField)
    .where(eq(personField.personId, personId));
  return rows.map((r) => r.id);
}

export async function setPersonFields(tx: Db, personId: string, fieldIds: string[]) {
  await tx.delete(personField).where(eq(personField.personId, personId));
  if (fieldIds.length > 0)
    await tx.insert(personField).values(fieldIds.map((fieldId) => ({ personId, fieldId })));
}

export async function updatePersonRow(tx: Db, id: string, values: PersonValues, version: number) {
  const [row] = await tx
    .update(person)
    .set({ ...values, version, updatedAt: new Date() })
    .where(eq(person.id, id))
    .returning();
  return row!;
}

/** A change of the person's functions counts as a change of the person (version, updated). */
export async function touchPerson(tx: Db, id: string) {
  await tx
    .update(person)
    .set({ version: sql`${person.version} + 1`, updatedAt: new Date() })
    .where(eq(person.id, id));
}

export async function insertAffiliation(
  tx: Db,
  v: { networkId: string; personId: string; institutionId: string; function: string },
) {
  const [last] = await tx
    .select({ p: affiliation.position })
    .from(affiliation)
    .where(eq(affiliation.personId, v.personId))
    .orderBy(desc(affiliation.position))
    .limit(1);
  const [row] = await tx
    .insert(affiliation)
    .values({ ...v, position: (last?.p ?? -1) + 1 })
    .returning();
  return row!;
}

export async function affiliationById(db: Db, networkId: string, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(affiliation)
    .where(
      and(eq(affiliation.id, id), eq(affiliation.personId, personId), eq(affiliation.networkId, networkId)),
    );
  return row;
}

export async function deleteAffiliation(tx: Db, id: string) {
  await tx.delete(affiliation).where(eq(affiliation.id, id));
}

/** A live person of the network with this e-mail address (committee and guest forms link to it). */
export async function personByEmail(db: Db, networkId: string, email: string) {
  const [row] = await db
    .select()
    .from(person)
    .where(byEmail(networkId, email))
    .orderBy(asc(person.createdAt))
    .limit(1);
  return row;
}

const byEmail = (networkId: string, email: string) =>
  and(eq(person.networkId, networkId), livePerson, sql`lower(${person.email}) = lower(${email})`);

/** The id of the person with this e-mail as a subquery, for an insert that links its row to her. */
export const personIdOfEmail = (db: Db, networkId: string, email: string) =>
  sql`(${db
    .select({ id: person.id })
    .from(person)
    .where(byEmail(networkId, email))
    .orderBy(asc(person.createdAt))
    .limit(1)})`;

/** A live person without e-mail by name (title, first, last as one text). */
export async function personByNameWithoutEmail(db: Db, networkId: string, name: string) {
  const [row] = await db
    .select()
    .from(person)
    .where(
      and(
        eq(person.networkId, networkId),
        livePerson,
        isNull(person.email),
        sql`lower(concat_ws(' ', nullif(${person.title}, ''), nullif(${person.firstName}, ''), ${person.lastName})) = lower(${name.trim()})`,
      ),
    )
    .limit(1);
  return row;
}

/** The person's account and role in the network, when they have one. */
export async function accountOf(db: Db, networkId: string, userId: string) {
  const [row] = await db
    .select({ name: user.name, email: user.email, role: membership.role })
    .from(user)
    .leftJoin(membership, and(eq(membership.userId, user.id), eq(membership.networkId, networkId)))
    .where(eq(user.id, userId));
  return row;
}

export async function setLastActivity(tx: Db, id: string, at: Date) {
  await tx.update(person).set({ lastActivityAt: at }).where(eq(person.id, id));
}

export async function setPersonUser(tx: Db, id: string, userId: string) {
  await tx.update(person).set({ userId }).where(eq(person.id, id));
}

/** Names of the network's people by id (erased people keep their anonymised name; merged ones too). */
export async function namesOfPeople(db: Db, networkId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: person.id,
      title: person.title,
      firstName: person.firstName,
      lastName: person.lastName,
      erasedAt: person.erasedAt,
    })
    .from(person)
    .where(and(eq(person.networkId, networkId), inArray(person.id, ids)));
}
