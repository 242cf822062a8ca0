import { and, asc, eq, ilike, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { matchesSearch } from './contacts.repository.js';
import { affiliation, institution, person } from './contacts.tables.js';

/* Data access of institutions: Drizzle only, always by network. */

export type InstitutionValues = Omit<
  typeof institution.$inferInsert,
  'id' | 'networkId' | 'searchText' | 'searchVector' | 'createdAt' | 'updatedAt' | 'version'
>;

/** People still counting at an institution: not erased, not merged away. */
const livePerson = and(isNull(person.erasedAt), isNull(person.mergedInto));

export async function listInstitutions(
  db: Db,
  networkId: string,
  f: {
    query: string | null;
    type?: string;
    schoolType?: string;
    municipalityId?: string;
    archived?: boolean;
  },
) {
  const count = sql<number>`(select count(distinct a.person_id)::int from "affiliation" a
    join "person" p on p.id = a.person_id
    where a.institution_id = "institution"."id" and p.erased_at is null and p.merged_into is null)`;
  return db
    .select({ i: institution, peopleCount: count })
    .from(institution)
    .where(
      and(
        eq(institution.networkId, networkId),
        f.archived ? isNotNull(institution.archivedAt) : isNull(institution.archivedAt),
        f.query ? matchesSearch(institution.searchVector, f.query) : undefined,
        f.type ? eq(institution.type, f.type as never) : undefined,
        f.schoolType ? eq(institution.schoolType, f.schoolType) : undefined,
        f.municipalityId ? eq(institution.municipalityId, f.municipalityId) : undefined,
      ),
    )
    .orderBy(asc(institution.name))
    .limit(1000);
}

export async function institutionById(db: Db, networkId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(institution)
    .where(and(eq(institution.id, id), eq(institution.networkId, networkId)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function institutionsByIds(db: Db, networkId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(institution)
    .where(and(eq(institution.networkId, networkId), inArray(institution.id, ids)));
}

/** Another current institution of the network with this school number (unique per network). */
export async function schoolNumberHolder(db: Db, networkId: string, schoolNumber: string, exceptId?: string) {
  const [row] = await db
    .select({ id: institution.id, name: institution.name })
    .from(institution)
    .where(
      and(
        eq(institution.networkId, networkId),
        eq(institution.schoolNumber, schoolNumber),
        isNull(institution.archivedAt),
        exceptId ? ne(institution.id, exceptId) : undefined,
      ),
    );
  return row;
}

/** An institution of the network by its exact name (the demo finds its records again by it). */
export async function institutionByName(db: Db, networkId: string, name: string) {
  const [row] = await db
    .select()
    .from(institution)
    .where(and(eq(institution.networkId, networkId), ilike(institution.name, name)));
  return row;
}

export async function updateInstitutionRow(tx: Db, id: string, values: InstitutionValues, version: number) {
  const [row] = await tx
    .update(institution)
    .set({ ...values, version, updatedAt: new Date() })
    .where(eq(institution.id, id))
    .returning();
  return row!;
}

export async function archiveInstitutionRow(tx: Db, id: string, at: Date) {
  await tx
    .update(institution)
    .set({ archivedAt: at, version: sql`${institution.version} + 1`, updatedAt: at })
    .where(eq(institution.id, id));
}

export async function deleteInstitutionRow(tx: Db, id: string) {
  await tx.delete(institution).where(eq(institution.id, id));
}

/** Everyone who ever had a function there (erased people included: they keep the institution archived). */
export async function affiliationCount(db: Db, institutionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(affiliation)
    .where(eq(affiliation.institutionId, institutionId));
  return row?.n ?? 0;
}

/** The people working at an institution, with their function there. */
export async function peopleWorkingAt(db: Db, institutionId: string) {
  return db
    .select({
      affiliationId: affiliation.id,
      personId: person.id,
      title: person.title,
      firstName: person.firstName,
      lastName: person.lastName,
      function: affiliation.function,
    })
    .from(affiliation)
    .innerJoin(person, eq(person.id, affiliation.personId))
    .where(and(eq(affiliation.institutionId, institutionId), livePerson))
    .orderBy(asc(person.lastName), asc(person.firstName));
}
