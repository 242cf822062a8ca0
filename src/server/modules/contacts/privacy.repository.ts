import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { RetentionRecordType } from '../../../contracts/contacts-privacy.js';
import type { Db } from '../../db/client.js';
import { network } from '../networks/networks.tables.js';
import {
  affiliation,
  consent,
  contactImport,
  distributionList,
  distributionListMember,
  institution,
  person,
  personField,
} from './contacts.tables.js';
import { retentionCase, retentionRule } from './privacy.tables.js';

/* Data access of the privacy part: consents, a person's whole record, retention. Always by network. */

export type ConsentRecord = typeof consent.$inferSelect;

export async function consentsOf(db: Db, networkId: string, personId: string) {
  return db
    .select()
    .from(consent)
    .where(and(eq(consent.networkId, networkId), eq(consent.personId, personId)))
    .orderBy(asc(consent.givenAt), asc(consent.createdAt));
}

export async function insertConsent(tx: Db, values: typeof consent.$inferInsert) {
  const [row] = await tx.insert(consent).values(values).returning();
  return row!;
}

export async function consentById(db: Db, networkId: string, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(consent)
    .where(and(eq(consent.id, id), eq(consent.networkId, networkId), eq(consent.personId, personId)))
    .for('update');
  return row;
}

export async function markWithdrawn(tx: Db, id: string, at: Date, via: ConsentRecord['givenVia']) {
  await tx.update(consent).set({ withdrawnAt: at, withdrawnVia: via }).where(eq(consent.id, id));
}

export async function touchPerson(tx: Db, id: string, at: Date) {
  await tx
    .update(person)
    .set({ version: sql`${person.version} + 1`, updatedAt: at })
    .where(eq(person.id, id));
}

export async function networkName(db: Db, networkId: string) {
  const [row] = await db.select({ name: network.name }).from(network).where(eq(network.id, networkId));
  return row?.name ?? '';
}

export async function affiliationsOf(db: Db, personId: string) {
  return db
    .select({ institution: institution.name, place: institution.place, function: affiliation.function })
    .from(affiliation)
    .innerJoin(institution, eq(institution.id, affiliation.institutionId))
    .where(eq(affiliation.personId, personId))
    .orderBy(asc(affiliation.position));
}

/** The names of the person's fields of action (the contract module's table, read by name only). */
export async function fieldsOf(db: Db, personId: string): Promise<Array<{ name: string }>> {
  const r = await db.execute<{ name: string }>(
    sql`select f.name from person_field pf join field_of_action f on f.id = pf.field_id where pf.person_id = ${personId} order by f.name`,
  );
  return (r as unknown as { rows: Array<{ name: string }> }).rows;
}

export async function staticListsOf(db: Db, personId: string) {
  return db
    .select({ name: distributionList.name, addedAt: distributionListMember.addedAt })
    .from(distributionListMember)
    .innerJoin(distributionList, eq(distributionList.id, distributionListMember.listId))
    .where(eq(distributionListMember.personId, personId));
}

/** Records merged into this one (duplicates): they go with it on erasure. */
export async function mergedInto(db: Db, networkId: string, personId: string) {
  const rows = await db
    .select({ id: person.id, firstName: person.firstName, lastName: person.lastName, email: person.email })
    .from(person)
    .where(and(eq(person.networkId, networkId), eq(person.mergedInto, personId)));
  return rows;
}

/** Erasure of a person's rows in the address book (the record itself is kept, emptied). */
export async function emptyPeople(tx: Db, ids: string[], at: Date, erasedName: string) {
  await tx.delete(affiliation).where(inArray(affiliation.personId, ids));
  await tx.delete(personField).where(inArray(personField.personId, ids));
  await tx.delete(distributionListMember).where(inArray(distributionListMember.personId, ids));
  await tx
    .update(person)
    .set({
      salutation: 'none',
      title: '',
      firstName: '',
      lastName: erasedName,
      email: null,
      phone: null,
      notes: '',
      multiplier: false,
      multiplierTopics: [],
      source: sql`jsonb_build_object('kind', ${person.source}->>'kind')`,
      userId: null,
      erasedAt: at,
      searchText: '',
      version: sql`${person.version} + 1`,
      updatedAt: at,
    })
    .where(inArray(person.id, ids));
}

/** Import summaries hold the rows as read from the file: names in them are replaced. */
export async function importsMentioning(db: Db, networkId: string, mentions: string[]) {
  if (mentions.length === 0) return [];
  const like = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;
  return db
    .select({ id: contactImport.id, summary: contactImport.summary })
    .from(contactImport)
    .where(
      and(
        eq(contactImport.networkId, networkId),
        or(...mentions.map((m) => sql`${contactImport.summary}::text ilike ${like(m)}`)),
      ),
    );
}

export async function setImportSummary(tx: Db, id: string, summary: Record<string, unknown>) {
  await tx.update(contactImport).set({ summary }).where(eq(contactImport.id, id));
}

// ---- retention ------------------------------------------------------------------------------------

export async function retentionRulesOf(db: Db, networkId: string) {
  return db.select().from(retentionRule).where(eq(retentionRule.networkId, networkId));
}

export async function upsertRetentionRule(
  tx: Db,
  networkId: string,
  recordType: RetentionRecordType,
  months: number,
  at: Date,
) {
  await tx
    .insert(retentionRule)
    .values({ networkId, recordType, months, updatedAt: at })
    .onConflictDoUpdate({
      target: [retentionRule.networkId, retentionRule.recordType],
      set: { months, updatedAt: at },
    });
}

export async function allNetworkIds(db: Db) {
  const rows = await db.select({ id: network.id }).from(network);
  return rows.map((r) => r.id);
}

/** People without activity since the cut-off (last activity, else last change), not erased or merged. */
export async function inactivePeople(db: Db, networkId: string, before: Date) {
  return db
    .select({ id: person.id })
    .from(person)
    .where(
      and(
        eq(person.networkId, networkId),
        isNull(person.erasedAt),
        isNull(person.mergedInto),
        isNull(person.userId),
        lte(sql`coalesce(${person.lastActivityAt}, ${person.updatedAt})`, before),
        sql`not exists (select 1 from committee_member cm where cm.person_id = ${person.id})`,
      ),
    );
}

/**
 * People resting on consent whose latest mailing consent was withdrawn before the cut-off: nothing
 * left to mail them, only the evidence of the withdrawal to keep for a while.
 */
export async function withdrawnPeople(db: Db, networkId: string, before: Date) {
  return db
    .select({ id: person.id })
    .from(person)
    .where(
      and(
        eq(person.networkId, networkId),
        eq(person.legalBasis, 'consent'),
        isNull(person.erasedAt),
        isNull(person.mergedInto),
        isNull(person.userId),
        sql`not exists (select 1 from committee_member cm where cm.person_id = ${person.id})`,
        sql`(select c.withdrawn_at from consent c where c.person_id = ${person.id} and c.purpose = 'mailing'
             order by c.given_at desc, c.created_at desc limit 1) <= ${before.toISOString()}`,
      ),
    );
}

export async function oldImports(db: Db, networkId: string, before: Date) {
  return db
    .select({ id: contactImport.id })
    .from(contactImport)
    .where(and(eq(contactImport.networkId, networkId), lte(contactImport.createdAt, before)));
}

export async function importsById(db: Db, networkId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(contactImport)
    .where(and(eq(contactImport.networkId, networkId), inArray(contactImport.id, ids)));
}

export async function deleteImport(tx: Db, networkId: string, id: string) {
  await tx.delete(contactImport).where(and(eq(contactImport.networkId, networkId), eq(contactImport.id, id)));
}

export async function peopleById(db: Db, networkId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(person)
    .where(and(eq(person.networkId, networkId), inArray(person.id, ids)));
}

/** Offers records to the archive; an open offer of the same record is left as it is. */
export async function offerCases(
  tx: Db,
  networkId: string,
  recordType: RetentionRecordType,
  ids: string[],
  at: Date,
) {
  if (ids.length === 0) return 0;
  const rows = await tx
    .insert(retentionCase)
    .values(ids.map((recordId) => ({ networkId, recordType, recordId, offeredAt: at })))
    .onConflictDoNothing()
    .returning({ id: retentionCase.id });
  return rows.length;
}

export async function openCases(db: Db, networkId: string) {
  return db
    .select()
    .from(retentionCase)
    .where(and(eq(retentionCase.networkId, networkId), isNull(retentionCase.closedAt)))
    .orderBy(asc(retentionCase.offeredAt), asc(retentionCase.recordType));
}

export async function caseById(db: Db, networkId: string, id: string) {
  const [row] = await db
    .select()
    .from(retentionCase)
    .where(
      and(eq(retentionCase.networkId, networkId), eq(retentionCase.id, id), isNull(retentionCase.closedAt)),
    )
    .for('update');
  return row;
}

export async function updateCases(
  tx: Db,
  ids: string[],
  set: Partial<
    Pick<typeof retentionCase.$inferInsert, 'exportedAt' | 'declinedAt' | 'decidedBy' | 'closedAt'>
  >,
) {
  if (ids.length === 0) return;
  await tx.update(retentionCase).set(set).where(inArray(retentionCase.id, ids));
}

/** Open offers about a person that erasure closes. */
export async function closeCasesOf(tx: Db, networkId: string, recordIds: string[], at: Date) {
  if (recordIds.length === 0) return;
  await tx
    .update(retentionCase)
    .set({ closedAt: at })
    .where(
      and(
        eq(retentionCase.networkId, networkId),
        inArray(retentionCase.recordId, recordIds),
        isNull(retentionCase.closedAt),
      ),
    );
}
