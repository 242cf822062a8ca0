import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  contract,
  contractAttachment,
  contractConsent,
  contractSection,
  contractSignatory,
  contractVersion,
  fieldOfAction,
} from './contract.tables.js';

/*
 * Data access of the contract, its versions, consents and fields of action. Drizzle only: every function
 * takes the database or the caller's transaction first and decides nothing; the services do.
 */

export type ContractRow = typeof contract.$inferSelect;
export type VersionRow = typeof contractVersion.$inferSelect;
export type ConsentRow = typeof contractConsent.$inferSelect;
export type FieldRow = typeof fieldOfAction.$inferSelect;
type ContractValues = Pick<ContractRow, 'title' | 'landPartyName' | 'municipalityPartyName'>;
type Signatory = Pick<typeof contractSignatory.$inferInsert, 'party' | 'name' | 'function'>;

// ---- the contract ----------------------------------------------------------------------------

export async function contractOf(db: Db, networkId: string): Promise<ContractRow | null> {
  const [row] = await db.select().from(contract).where(eq(contract.networkId, networkId));
  return row ?? null;
}

/** Row lock on the contract: serialises drafting, so version numbers and date order stay consistent. */
export async function lockContract(tx: Db, contractId: string): Promise<void> {
  await tx.select({ id: contract.id }).from(contract).where(eq(contract.id, contractId)).for('update');
}

export async function insertContract(
  tx: Db,
  networkId: string,
  values: ContractValues,
): Promise<ContractRow> {
  const [row] = await tx
    .insert(contract)
    .values({ ...values, networkId })
    .returning();
  return row!;
}

export async function updateContract(
  tx: Db,
  contractId: string,
  values: ContractValues,
): Promise<ContractRow> {
  const [row] = await tx.update(contract).set(values).where(eq(contract.id, contractId)).returning();
  return row!;
}

export async function signatoriesOf(db: Db, contractId: string) {
  return db.select().from(contractSignatory).where(eq(contractSignatory.contractId, contractId));
}

export async function replaceSignatories(
  tx: Db,
  networkId: string,
  contractId: string,
  signatories: Signatory[],
): Promise<void> {
  await tx.delete(contractSignatory).where(eq(contractSignatory.contractId, contractId));
  if (signatories.length > 0) {
    await tx.insert(contractSignatory).values(signatories.map((s) => ({ ...s, contractId, networkId })));
  }
}

// ---- versions and consents -------------------------------------------------------------------

export async function versionsOf(db: Db, networkId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(contractVersion)
    .where(eq(contractVersion.networkId, networkId))
    .orderBy(asc(contractVersion.number));
}

export async function versionById(
  db: Db,
  networkId: string,
  versionId: string,
  lock = false,
): Promise<VersionRow | undefined> {
  const q = db
    .select()
    .from(contractVersion)
    .where(and(eq(contractVersion.id, versionId), eq(contractVersion.networkId, networkId)));
  const [v] = lock ? await q.for('update') : await q;
  return v;
}

export async function insertVersion(
  tx: Db,
  values: typeof contractVersion.$inferInsert,
): Promise<VersionRow> {
  const [v] = await tx.insert(contractVersion).values(values).returning();
  return v!;
}

export async function setVersionStatus(
  tx: Db,
  versionId: string,
  values: { status: VersionRow['status']; inForceAt?: Date },
): Promise<void> {
  await tx.update(contractVersion).set(values).where(eq(contractVersion.id, versionId));
}

export async function consentsOf(db: Db, versionIds: string[]): Promise<ConsentRow[]> {
  if (versionIds.length === 0) return [];
  return db
    .select()
    .from(contractConsent)
    .where(inArray(contractConsent.versionId, versionIds))
    .orderBy(asc(contractConsent.recordedAt));
}

export async function insertConsent(tx: Db, values: typeof contractConsent.$inferInsert): Promise<void> {
  await tx.insert(contractConsent).values(values);
}

export async function sectionsOf(db: Db, versionId: string) {
  return db
    .select()
    .from(contractSection)
    .where(eq(contractSection.versionId, versionId))
    .orderBy(asc(contractSection.position));
}

export async function insertSections(
  tx: Db,
  networkId: string,
  versionId: string,
  sections: Array<{ heading: string; body: string }>,
): Promise<void> {
  if (sections.length === 0) return;
  await tx
    .insert(contractSection)
    .values(sections.map((s, i) => ({ ...s, position: i + 1, versionId, networkId })));
}

export async function attachmentsOf(db: Db, versionId: string) {
  return db
    .select()
    .from(contractAttachment)
    .where(eq(contractAttachment.versionId, versionId))
    .orderBy(asc(contractAttachment.createdAt));
}

export async function insertAttachment(
  tx: Db,
  values: typeof contractAttachment.$inferInsert,
): Promise<void> {
  await tx.insert(contractAttachment).values(values);
}

// ---- fields of action --------------------------------------------------------------------------

/** Fields of every version that was not withdrawn, by name. */
export async function liveFields(db: Db, networkId: string): Promise<FieldRow[]> {
  return db
    .select({ f: fieldOfAction })
    .from(fieldOfAction)
    .innerJoin(contractVersion, eq(contractVersion.id, fieldOfAction.introducedBy))
    .where(and(eq(fieldOfAction.networkId, networkId), ne(contractVersion.status, 'withdrawn')))
    .orderBy(asc(fieldOfAction.name))
    .then((rows) => rows.map((r) => r.f));
}

export async function fieldsOfNetwork(db: Db, networkId: string): Promise<FieldRow[]> {
  return db.select().from(fieldOfAction).where(eq(fieldOfAction.networkId, networkId));
}

export async function fieldsIntroducedBy(db: Db, versionId: string): Promise<FieldRow[]> {
  return db
    .select()
    .from(fieldOfAction)
    .where(eq(fieldOfAction.introducedBy, versionId))
    .orderBy(asc(fieldOfAction.name));
}

export async function fieldsEndedBy(db: Db, versionId: string): Promise<FieldRow[]> {
  return db
    .select()
    .from(fieldOfAction)
    .where(eq(fieldOfAction.endedBy, versionId))
    .orderBy(asc(fieldOfAction.name));
}

/** A field of the network (`networkId` given) or any field by id (the matter's own link). */
export async function fieldById(
  db: Db,
  networkId: string | null,
  fieldId: string,
  lock = false,
): Promise<FieldRow | undefined> {
  const q = db
    .select()
    .from(fieldOfAction)
    .where(
      and(
        eq(fieldOfAction.id, fieldId),
        networkId === null ? undefined : eq(fieldOfAction.networkId, networkId),
      ),
    );
  const [f] = lock ? await q.for('update') : await q;
  return f;
}

export async function insertFields(tx: Db, values: Array<typeof fieldOfAction.$inferInsert>): Promise<void> {
  if (values.length > 0) await tx.insert(fieldOfAction).values(values);
}

export async function endFields(tx: Db, fieldIds: string[], versionId: string): Promise<void> {
  if (fieldIds.length > 0) {
    await tx.update(fieldOfAction).set({ endedBy: versionId }).where(inArray(fieldOfAction.id, fieldIds));
  }
}

/** A withdrawn draft ends nothing: the fields it proposed to end stay as they were. */
export async function unendFields(tx: Db, versionId: string): Promise<void> {
  await tx.update(fieldOfAction).set({ endedBy: null }).where(eq(fieldOfAction.endedBy, versionId));
}

export async function updateFieldText(
  tx: Db,
  fieldId: string,
  patch: { description?: string; goals?: string },
): Promise<void> {
  await tx.update(fieldOfAction).set(patch).where(eq(fieldOfAction.id, fieldId));
}

export async function fieldNamesById(db: Db, networkId: string, ids: string[]) {
  return db
    .select({ id: fieldOfAction.id, name: fieldOfAction.name })
    .from(fieldOfAction)
    .where(and(eq(fieldOfAction.networkId, networkId), inArray(fieldOfAction.id, ids)));
}
