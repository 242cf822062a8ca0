import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type {
  ContractDetail,
  ContractInput,
  FieldOfAction,
  HistoryEntry,
  Party,
  Responsibility,
  ScopeAnswer,
  VersionDetail,
  VersionInput,
  VersionSummary,
} from '../../../contracts/contract.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { describeFiles, uploadFile } from '../files/files.service.js';
import { authorize } from '../networks/networks.policy.js';
import {
  consentComplete,
  type FieldFacts,
  fieldJointOn,
  germanDate,
  overlappingVersion,
  ownerText,
  type VersionFacts,
} from './contract.rules.js';
import {
  contract,
  contractAttachment,
  contractConsent,
  contractSection,
  contractSignatory,
  contractVersion,
  fieldOfAction,
  responsibility,
} from './contract.tables.js';
import { DEFAULT_RESPONSIBILITIES } from './responsibility.defaults.js';

/** Today as a calendar day in Europe/Berlin, the contract's time zone. */
export const berlinDay = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(at);

const partyLabel: Record<Party, string> = { land: 'Land', municipality: 'Kommune (Schulträger)' };

type VersionRow = typeof contractVersion.$inferSelect;
type FieldRow = typeof fieldOfAction.$inferSelect;

async function loadContract(db: Db, networkId: string) {
  const [row] = await db.select().from(contract).where(eq(contract.networkId, networkId));
  return row ?? null;
}

async function requireContract(db: Db, networkId: string) {
  const row = await loadContract(db, networkId);
  if (!row) {
    throw new DomainError(
      'contract.none',
      'Für dieses Bildungsnetzwerk ist noch kein Kooperationsvertrag erfasst. Legen Sie ihn zuerst an.',
      'not_found',
    );
  }
  return row;
}

async function versionsOf(db: Db, networkId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(contractVersion)
    .where(eq(contractVersion.networkId, networkId))
    .orderBy(asc(contractVersion.number));
}

async function consentsOf(db: Db, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select()
    .from(contractConsent)
    .where(inArray(contractConsent.versionId, versionIds))
    .orderBy(asc(contractConsent.recordedAt));
}

const facts = (v: VersionRow): VersionFacts => ({
  id: v.id,
  number: v.number,
  status: v.status,
  effectiveFrom: v.effectiveFrom,
});
const fieldFacts = (f: FieldRow): FieldFacts => ({
  id: f.id,
  name: f.name,
  introducedBy: f.introducedBy,
  endedBy: f.endedBy,
  previousOwner: f.previousOwner,
  previousOwnerName: f.previousOwnerName,
});

function summaryOf(v: VersionRow, consents: Array<typeof contractConsent.$inferSelect>): VersionSummary {
  return {
    id: v.id,
    number: v.number,
    kind: v.kind,
    title: v.title,
    summary: v.summary,
    effectiveFrom: v.effectiveFrom,
    status: v.status,
    consents: consents
      .filter((c) => c.versionId === v.id)
      .map((c) => ({
        party: c.party,
        signedBy: c.signedBy,
        signedOn: c.signedOn,
        recordedAt: c.recordedAt.toISOString(),
      })),
  };
}

export async function getContract(deps: Deps, actor: NetworkActor): Promise<ContractDetail> {
  authorize(actor.role, 'contract.read');
  const c = await requireContract(deps.db, actor.networkId);
  const [signatories, versions] = await Promise.all([
    deps.db.select().from(contractSignatory).where(eq(contractSignatory.contractId, c.id)),
    versionsOf(deps.db, actor.networkId),
  ]);
  const consents = await consentsOf(
    deps.db,
    versions.map((v) => v.id),
  );
  return {
    id: c.id,
    title: c.title,
    landPartyName: c.landPartyName,
    municipalityPartyName: c.municipalityPartyName,
    signatories: signatories.map((s) => ({ party: s.party, name: s.name, function: s.function })),
    versions: versions.map((v) => summaryOf(v, consents)),
  };
}

/** Creates the contract, or updates its parties and signatories; the first time also seeds the catalogue. */
export async function saveContract(
  deps: Deps,
  actor: NetworkActor,
  input: ContractInput,
): Promise<ContractDetail> {
  authorize(actor.role, 'contract.manage');
  await deps.db.transaction(async (tx) => {
    const before = await loadContract(tx, actor.networkId);
    const values = {
      title: input.title,
      landPartyName: input.landPartyName,
      municipalityPartyName: input.municipalityPartyName,
    };
    const [row] = before
      ? await tx.update(contract).set(values).where(eq(contract.id, before.id)).returning()
      : await tx
          .insert(contract)
          .values({ ...values, networkId: actor.networkId })
          .returning();
    const oldSignatories = before
      ? await tx.select().from(contractSignatory).where(eq(contractSignatory.contractId, before.id))
      : [];
    await tx.delete(contractSignatory).where(eq(contractSignatory.contractId, row!.id));
    const signatories = input.signatories ?? [];
    if (signatories.length > 0) {
      await tx
        .insert(contractSignatory)
        .values(signatories.map((s) => ({ ...s, contractId: row!.id, networkId: actor.networkId })));
    }
    if (!before) await seedResponsibilities(tx, actor.networkId);
    await recordAudit(tx, auditActorOf(actor), {
      action: before ? 'update' : 'create',
      entityType: 'contract',
      entityId: row!.id,
      summary: before ? 'Angaben zum Kooperationsvertrag geändert' : 'Kooperationsvertrag angelegt',
      before: before
        ? {
            ...values,
            title: before.title,
            landPartyName: before.landPartyName,
            municipalityPartyName: before.municipalityPartyName,
            signatories: oldSignatories.map((s) => ({ party: s.party, name: s.name, function: s.function })),
          }
        : undefined,
      after: { ...values, signatories },
    });
  });
  return getContract(deps, actor);
}

export async function seedResponsibilities(tx: Db, networkId: string): Promise<void> {
  await tx
    .insert(responsibility)
    .values(DEFAULT_RESPONSIBILITIES.map((r) => ({ ...r, networkId, ownerName: null })))
    .onConflictDoNothing();
}

async function liveFields(db: Db, networkId: string): Promise<FieldRow[]> {
  return db
    .select({ f: fieldOfAction })
    .from(fieldOfAction)
    .innerJoin(contractVersion, eq(contractVersion.id, fieldOfAction.introducedBy))
    .where(and(eq(fieldOfAction.networkId, networkId), ne(contractVersion.status, 'withdrawn')))
    .orderBy(asc(fieldOfAction.name))
    .then((rows) => rows.map((r) => r.f));
}

/**
 * Drafts a new version: the original contract or an amendment adding or ending fields of action.
 * It takes effect only when both parties' consent is recorded.
 */
export async function draftVersion(
  deps: Deps,
  actor: NetworkActor,
  input: VersionInput,
): Promise<VersionDetail> {
  authorize(actor.role, 'contract.manage');
  const addFields = input.addFields ?? [];
  const endFieldIds = [...new Set(input.endFieldIds ?? [])];
  const sections = input.sections ?? [];
  const versionId = await deps.db.transaction(async (tx) => {
    const c = await requireContract(tx, actor.networkId);
    // Serialise drafting per contract: version numbers and date order stay consistent.
    await tx.select({ id: contract.id }).from(contract).where(eq(contract.id, c.id)).for('update');
    const versions = await versionsOf(tx, actor.networkId);
    const live = versions.filter((v) => v.status !== 'withdrawn');
    const clash = overlappingVersion(live.map(facts), input.effectiveFrom);
    if (clash) {
      throw new DomainError(
        'contract.version_overlap',
        `Die Fassung überschneidet sich mit Fassung ${clash.number} (wirksam ab ${germanDate(clash.effectiveFrom)}). Eine neue Fassung muss später wirksam werden.`,
        'conflict',
      );
    }
    const kind = live.length === 0 ? 'original' : 'amendment';
    if (kind === 'amendment' && addFields.length === 0 && endFieldIds.length === 0 && sections.length === 0) {
      throw new DomainError(
        'contract.amendment_empty',
        'Eine Änderungsvereinbarung muss ein Handlungsfeld aufnehmen, eines beenden oder den Vertragstext ändern.',
        'invalid',
      );
    }
    const fields = await liveFields(tx, actor.networkId);
    const byId = new Map(versions.map((v) => [v.id, facts(v)]));
    const taken = new Set(fields.map((f) => f.name.toLowerCase()));
    for (const f of addFields) {
      if (taken.has(f.name.toLowerCase())) {
        throw new DomainError(
          'contract.field_exists',
          `Das Handlungsfeld „${f.name}“ gibt es bereits.`,
          'conflict',
        );
      }
      taken.add(f.name.toLowerCase());
    }
    for (const id of endFieldIds) {
      const f = fields.find((x) => x.id === id);
      if (!f) throw notFound('Das Handlungsfeld');
      if (f.endedBy) {
        const ender = byId.get(f.endedBy);
        throw new DomainError(
          'contract.field_already_ended',
          `Das Handlungsfeld „${f.name}“ wird bereits durch Fassung ${ender?.number ?? '?'} beendet.`,
          'conflict',
        );
      }
      const intro = byId.get(f.introducedBy)!;
      if (intro.status !== 'in_force' || input.effectiveFrom <= intro.effectiveFrom) {
        throw new DomainError(
          'contract.field_end_before_start',
          intro.status !== 'in_force'
            ? `Das Handlungsfeld „${f.name}“ ist noch nicht in Kraft und kann deshalb nicht beendet werden.`
            : `Das Handlungsfeld „${f.name}“ gilt erst ab ${germanDate(intro.effectiveFrom)}; es kann nicht vorher oder am selben Tag enden.`,
          'rule',
        );
      }
    }
    const number = (versions.at(-1)?.number ?? 0) + 1;
    const [v] = await tx
      .insert(contractVersion)
      .values({
        networkId: actor.networkId,
        contractId: c.id,
        number,
        kind,
        title: input.title,
        summary: input.summary ?? '',
        effectiveFrom: input.effectiveFrom,
        createdBy: actor.userId,
      })
      .returning();
    if (sections.length > 0) {
      await tx
        .insert(contractSection)
        .values(
          sections.map((s, i) => ({ ...s, position: i + 1, versionId: v!.id, networkId: actor.networkId })),
        );
    }
    if (addFields.length > 0) {
      await tx.insert(fieldOfAction).values(
        addFields.map((f) => ({
          networkId: actor.networkId,
          name: f.name,
          description: f.description ?? '',
          goals: f.goals ?? '',
          previousOwner: f.previousOwner,
          previousOwnerName: f.previousOwnerName ?? null,
          introducedBy: v!.id,
        })),
      );
    }
    if (endFieldIds.length > 0) {
      await tx.update(fieldOfAction).set({ endedBy: v!.id }).where(inArray(fieldOfAction.id, endFieldIds));
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'contract_version',
      entityId: v!.id,
      summary: `${kind === 'original' ? 'Vertragsfassung' : 'Änderungsvereinbarung'} ${number} „${v!.title}“ entworfen (wirksam ab ${germanDate(v!.effectiveFrom)})`,
      after: {
        number,
        kind,
        title: v!.title,
        effectiveFrom: v!.effectiveFrom,
        addFields: addFields.map((f) => f.name),
        endFields: fields.filter((f) => endFieldIds.includes(f.id)).map((f) => f.name),
        sections: sections.length,
      },
    });
    return v!.id;
  });
  return getVersion(deps, actor, versionId);
}

export async function getVersion(deps: Deps, actor: NetworkActor, versionId: string): Promise<VersionDetail> {
  authorize(actor.role, 'contract.read');
  const [v] = await deps.db
    .select()
    .from(contractVersion)
    .where(and(eq(contractVersion.id, versionId), eq(contractVersion.networkId, actor.networkId)));
  if (!v) throw notFound('Die Vertragsfassung');
  const [sections, attachments, consents, added, ended] = await Promise.all([
    deps.db
      .select()
      .from(contractSection)
      .where(eq(contractSection.versionId, v.id))
      .orderBy(asc(contractSection.position)),
    deps.db
      .select()
      .from(contractAttachment)
      .where(eq(contractAttachment.versionId, v.id))
      .orderBy(asc(contractAttachment.createdAt)),
    consentsOf(deps.db, [v.id]),
    deps.db
      .select()
      .from(fieldOfAction)
      .where(eq(fieldOfAction.introducedBy, v.id))
      .orderBy(asc(fieldOfAction.name)),
    deps.db
      .select()
      .from(fieldOfAction)
      .where(eq(fieldOfAction.endedBy, v.id))
      .orderBy(asc(fieldOfAction.name)),
  ]);
  const files = await describeFiles(
    deps.db,
    actor.networkId,
    attachments.map((a) => a.fileId),
  );
  return {
    ...summaryOf(v, consents),
    sections: sections.map((s) => ({ position: s.position, heading: s.heading, body: s.body })),
    attachments: attachments.flatMap((a) => {
      const file = files.get(a.fileId);
      return file ? [{ fileId: a.fileId, label: a.label, name: file.name, mimeType: file.mimeType }] : [];
    }),
    addedFields: added.map((f) => ({ id: f.id, name: f.name })),
    endedFields: ended.map((f) => ({ id: f.id, name: f.name })),
    warnings: v.status === 'draft' ? await endWarnings(deps, actor.networkId, ended) : [],
  };
}

/** Ending a field still named by open work orders is allowed, but the office sees which ones. */
async function endWarnings(deps: Deps, networkId: string, ended: FieldRow[]): Promise<string[]> {
  const orders = await deps.openWorkOrders(
    deps.db,
    networkId,
    ended.map((f) => f.id),
  );
  return orders.map((o) => {
    const field = ended.find((f) => f.id === o.fieldId)!.name;
    return `Offener Arbeitsauftrag ${o.number} „${o.title}“ betrifft das Handlungsfeld „${field}“, das diese Fassung beendet.`;
  });
}

async function lockVersion(tx: Db, actor: NetworkActor, versionId: string): Promise<VersionRow> {
  const [v] = await tx
    .select()
    .from(contractVersion)
    .where(and(eq(contractVersion.id, versionId), eq(contractVersion.networkId, actor.networkId)))
    .for('update');
  if (!v) throw notFound('Die Vertragsfassung');
  return v;
}

/**
 * Records one party's consent. When both parties have consented the version takes effect, in the same
 * transaction, and from then on it is frozen.
 */
export async function recordConsent(
  deps: Deps,
  actor: NetworkActor,
  versionId: string,
  input: { party: Party; signedBy: string; signedOn: string },
): Promise<VersionDetail> {
  authorize(actor.role, 'contract.manage');
  if (input.signedOn > berlinDay(deps.now())) {
    throw new DomainError(
      'contract.consent_in_future',
      'Das Datum der Unterschrift liegt in der Zukunft.',
      'invalid',
    );
  }
  await deps.db.transaction(async (tx) => {
    const v = await lockVersion(tx, actor, versionId);
    if (v.status !== 'draft') {
      throw new DomainError(
        'contract.version_not_draft',
        v.status === 'in_force'
          ? `Fassung ${v.number} ist bereits in Kraft; Zustimmungen sind abgeschlossen.`
          : `Fassung ${v.number} wurde zurückgezogen.`,
        'conflict',
      );
    }
    const existing = await tx.select().from(contractConsent).where(eq(contractConsent.versionId, v.id));
    if (existing.some((c) => c.party === input.party)) {
      throw new DomainError(
        'contract.consent_exists',
        `Die Zustimmung der Vertragspartei ${partyLabel[input.party]} ist für Fassung ${v.number} bereits erfasst.`,
        'conflict',
      );
    }
    await tx.insert(contractConsent).values({
      networkId: actor.networkId,
      versionId: v.id,
      party: input.party,
      signedBy: input.signedBy,
      signedOn: input.signedOn,
      recordedBy: actor.userId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'contract_consent',
      entityId: v.id,
      summary: `Zustimmung ${partyLabel[input.party]} zu Fassung ${v.number} erfasst (${input.signedBy}, ${germanDate(input.signedOn)})`,
      after: input,
    });
    if (consentComplete([...existing.map((c) => c.party), input.party])) {
      await tx
        .update(contractVersion)
        .set({ status: 'in_force', inForceAt: deps.now() })
        .where(eq(contractVersion.id, v.id));
      await recordAudit(tx, auditActorOf(actor), {
        action: 'update',
        entityType: 'contract_version',
        entityId: v.id,
        summary: `Fassung ${v.number} „${v.title}“ ist mit beiden Zustimmungen in Kraft (wirksam ab ${germanDate(v.effectiveFrom)})`,
        before: { status: 'draft' },
        after: { status: 'in_force' },
      });
    }
  });
  return getVersion(deps, actor, versionId);
}

/** Withdraws a draft: it never takes effect; the fields it proposed to end stay as they were. */
export async function withdrawVersion(
  deps: Deps,
  actor: NetworkActor,
  versionId: string,
): Promise<VersionDetail> {
  authorize(actor.role, 'contract.manage');
  await deps.db.transaction(async (tx) => {
    const v = await lockVersion(tx, actor, versionId);
    if (v.status !== 'draft') {
      throw new DomainError(
        'contract.version_not_draft',
        `Nur Entwürfe können zurückgezogen werden.`,
        'conflict',
      );
    }
    await tx.update(contractVersion).set({ status: 'withdrawn' }).where(eq(contractVersion.id, v.id));
    await tx.update(fieldOfAction).set({ endedBy: null }).where(eq(fieldOfAction.endedBy, v.id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'contract_version',
      entityId: v.id,
      summary: `Entwurf der Fassung ${v.number} „${v.title}“ zurückgezogen`,
      before: { status: 'draft' },
      after: { status: 'withdrawn' },
    });
  });
  return getVersion(deps, actor, versionId);
}

/** Attaches a document (typically the signed PDF) to a version; file and link in one transaction. */
export async function attachToVersion(
  deps: Deps,
  actor: NetworkActor,
  versionId: string,
  input: { label: string; fileName: string; content: Buffer },
): Promise<VersionDetail> {
  authorize(actor.role, 'contract.manage');
  await deps.db.transaction(async (tx) => {
    const v = await lockVersion(tx, actor, versionId);
    if (v.status === 'withdrawn') {
      throw new DomainError(
        'contract.version_withdrawn',
        'An eine zurückgezogene Fassung wird nichts mehr angehängt.',
        'conflict',
      );
    }
    const file = await uploadFile(
      deps,
      actor,
      { fileName: input.fileName, content: input.content, visibility: 'members' },
      tx,
    );
    await tx.insert(contractAttachment).values({
      networkId: actor.networkId,
      versionId: v.id,
      fileId: file.id,
      label: input.label,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'contract_attachment',
      entityId: v.id,
      summary: `„${input.label}“ (${file.name}) an Fassung ${v.number} angehängt`,
      after: { label: input.label, fileId: file.id, sha512: file.sha512 },
    });
  });
  return getVersion(deps, actor, versionId);
}

export async function contractHistory(deps: Deps, actor: NetworkActor): Promise<HistoryEntry[]> {
  authorize(actor.role, 'contract.read');
  const versions = await versionsOf(deps.db, actor.networkId);
  const consents = await consentsOf(
    deps.db,
    versions.map((v) => v.id),
  );
  const fields = await deps.db
    .select()
    .from(fieldOfAction)
    .where(eq(fieldOfAction.networkId, actor.networkId));
  const entries: HistoryEntry[] = [];
  for (const v of versions) {
    const label = v.kind === 'original' ? 'Vertragsfassung' : 'Änderungsvereinbarung';
    entries.push({
      day: berlinDay(v.createdAt),
      at: v.createdAt.toISOString(),
      kind: 'drafted',
      versionNumber: v.number,
      text: `${label} ${v.number} „${v.title}“ entworfen`,
    });
    for (const c of consents.filter((x) => x.versionId === v.id)) {
      entries.push({
        day: c.signedOn,
        at: c.recordedAt.toISOString(),
        kind: 'consent',
        versionNumber: v.number,
        text: `Zustimmung ${partyLabel[c.party]} zu Fassung ${v.number}: ${c.signedBy}`,
      });
    }
    if (v.status === 'withdrawn') {
      entries.push({
        day: berlinDay(v.createdAt),
        at: v.createdAt.toISOString(),
        kind: 'withdrawn',
        versionNumber: v.number,
        text: `Entwurf der Fassung ${v.number} zurückgezogen`,
      });
    }
    if (v.status === 'in_force') {
      const at = (v.inForceAt ?? v.createdAt).toISOString();
      entries.push({
        day: v.effectiveFrom,
        at,
        kind: 'in_force',
        versionNumber: v.number,
        text: `Fassung ${v.number} wirksam`,
      });
      for (const f of fields.filter((x) => x.introducedBy === v.id)) {
        entries.push({
          day: v.effectiveFrom,
          at,
          kind: 'field_added',
          versionNumber: v.number,
          text: `Handlungsfeld „${f.name}“ gemeinsam`,
        });
      }
      for (const f of fields.filter((x) => x.endedBy === v.id)) {
        entries.push({
          day: v.effectiveFrom,
          at,
          kind: 'field_ended',
          versionNumber: v.number,
          text: `Handlungsfeld „${f.name}“ beendet`,
        });
      }
    }
  }
  const order = {
    drafted: 0,
    consent: 1,
    withdrawn: 2,
    in_force: 3,
    field_added: 4,
    field_ended: 5,
  } as const;
  return entries.sort(
    (a, b) => a.day.localeCompare(b.day) || order[a.kind] - order[b.kind] || a.at.localeCompare(b.at),
  );
}

function fieldDto(f: FieldRow, versions: Map<string, VersionRow>, day: string): FieldOfAction {
  const intro = versions.get(f.introducedBy)!;
  const end = f.endedBy ? versions.get(f.endedBy) : undefined;
  const ref = (v: VersionRow) => ({
    id: v.id,
    number: v.number,
    effectiveFrom: v.effectiveFrom,
    status: v.status,
  });
  return {
    id: f.id,
    name: f.name,
    description: f.description,
    goals: f.goals,
    previousOwner: f.previousOwner,
    previousOwnerName: f.previousOwnerName,
    previousOwnerLabel: ownerText(f.previousOwner, f.previousOwnerName),
    introducedBy: ref(intro),
    endedBy: end ? ref(end) : null,
    joint: fieldJointOn(fieldFacts(f), new Map([...versions].map(([k, v]) => [k, facts(v)])), day).joint,
  };
}

/** Fields of action with their joint status on a day (today by default). Public callers pass no actor. */
export async function listFieldsOfNetwork(db: Db, networkId: string, day: string): Promise<FieldOfAction[]> {
  const [versions, fields] = await Promise.all([versionsOf(db, networkId), liveFields(db, networkId)]);
  const byId = new Map(versions.map((v) => [v.id, v]));
  return fields.map((f) => fieldDto(f, byId, day));
}

export async function listFields(deps: Deps, actor: NetworkActor, on?: string): Promise<FieldOfAction[]> {
  authorize(actor.role, 'contract.read');
  return listFieldsOfNetwork(deps.db, actor.networkId, on ?? berlinDay(deps.now()));
}

export async function updateField(
  deps: Deps,
  actor: NetworkActor,
  fieldId: string,
  patch: { description?: string; goals?: string },
): Promise<FieldOfAction> {
  authorize(actor.role, 'contract.manage');
  await deps.db.transaction(async (tx) => {
    const [f] = await tx
      .select()
      .from(fieldOfAction)
      .where(and(eq(fieldOfAction.id, fieldId), eq(fieldOfAction.networkId, actor.networkId)))
      .for('update');
    if (!f) throw notFound('Das Handlungsfeld');
    await tx.update(fieldOfAction).set(patch).where(eq(fieldOfAction.id, f.id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'field_of_action',
      entityId: f.id,
      summary: `Beschreibung des Handlungsfelds „${f.name}“ geändert`,
      before: { description: f.description, goals: f.goals },
      after: { description: patch.description ?? f.description, goals: patch.goals ?? f.goals },
    });
  });
  const fields = await listFields(deps, actor);
  return fields.find((f) => f.id === fieldId)!;
}

// ---- responsibility catalogue ----------------------------------------------------------------

type ResponsibilityRow = typeof responsibility.$inferSelect;
const responsibilityDto = (r: ResponsibilityRow, fieldName: string | null): Responsibility => ({
  id: r.id,
  matter: r.matter,
  category: r.category,
  owner: r.owner,
  ownerName: r.ownerName,
  ownerLabel: ownerText(r.owner, r.ownerName),
  fieldId: r.fieldId,
  fieldName,
  note: r.note,
});

export async function listResponsibilities(deps: Deps, actor: NetworkActor): Promise<Responsibility[]> {
  authorize(actor.role, 'contract.read');
  const rows = await deps.db
    .select({ r: responsibility, fieldName: fieldOfAction.name })
    .from(responsibility)
    .leftJoin(fieldOfAction, eq(fieldOfAction.id, responsibility.fieldId))
    .where(eq(responsibility.networkId, actor.networkId))
    .orderBy(asc(responsibility.category), asc(responsibility.matter));
  return rows.map((r) => responsibilityDto(r.r, r.fieldName));
}

type ResponsibilityValues = {
  matter: string;
  category: ResponsibilityRow['category'];
  owner: ResponsibilityRow['owner'];
  ownerName: string | null;
  fieldId: string | null;
  note: string;
};

async function checkResponsibility(
  tx: Db,
  actor: NetworkActor,
  input: ResponsibilityValues,
  exceptId?: string,
) {
  if (input.owner === 'other' && !(input.ownerName ?? '').trim()) {
    throw new DomainError(
      'contract.owner_name_required',
      'Bitte nennen Sie die zuständige Stelle.',
      'invalid',
    );
  }
  if (input.fieldId) {
    const [f] = await tx
      .select({ id: fieldOfAction.id })
      .from(fieldOfAction)
      .where(and(eq(fieldOfAction.id, input.fieldId), eq(fieldOfAction.networkId, actor.networkId)));
    if (!f) throw notFound('Das Handlungsfeld');
  }
  const [dup] = await tx
    .select({ id: responsibility.id })
    .from(responsibility)
    .where(
      and(
        eq(responsibility.networkId, actor.networkId),
        sql`lower(${responsibility.matter}) = lower(${input.matter})`,
        exceptId ? ne(responsibility.id, exceptId) : undefined,
      ),
    );
  if (dup) {
    throw new DomainError(
      'contract.matter_exists',
      `Die Angelegenheit „${input.matter}“ steht bereits im Katalog.`,
      'conflict',
    );
  }
}

export async function createResponsibility(
  deps: Deps,
  actor: NetworkActor,
  input: ResponsibilityValues,
): Promise<Responsibility> {
  authorize(actor.role, 'contract.manage');
  const id = await deps.db.transaction(async (tx) => {
    await checkResponsibility(tx, actor, input);
    const [row] = await tx
      .insert(responsibility)
      .values({ ...input, networkId: actor.networkId })
      .returning();
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'responsibility',
      entityId: row!.id,
      summary: `Zuständigkeit „${input.matter}“ aufgenommen: ${ownerText(input.owner, input.ownerName)}`,
      after: input,
    });
    return row!.id;
  });
  return (await listResponsibilities(deps, actor)).find((r) => r.id === id)!;
}

export async function updateResponsibility(
  deps: Deps,
  actor: NetworkActor,
  id: string,
  input: ResponsibilityValues,
): Promise<Responsibility> {
  authorize(actor.role, 'contract.manage');
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(responsibility)
      .where(and(eq(responsibility.id, id), eq(responsibility.networkId, actor.networkId)))
      .for('update');
    if (!before) throw notFound('Die Angelegenheit');
    await checkResponsibility(tx, actor, input, id);
    await tx
      .update(responsibility)
      .set({ ...input, updatedAt: deps.now() })
      .where(eq(responsibility.id, id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'responsibility',
      entityId: id,
      summary: `Zuständigkeit „${input.matter}“ geändert`,
      before: {
        matter: before.matter,
        category: before.category,
        owner: before.owner,
        ownerName: before.ownerName,
        fieldId: before.fieldId,
        note: before.note,
      },
      after: input,
    });
  });
  return (await listResponsibilities(deps, actor)).find((r) => r.id === id)!;
}

export async function deleteResponsibility(deps: Deps, actor: NetworkActor, id: string): Promise<void> {
  authorize(actor.role, 'contract.manage');
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(responsibility)
      .where(and(eq(responsibility.id, id), eq(responsibility.networkId, actor.networkId)));
    if (!before) throw notFound('Die Angelegenheit');
    await tx.delete(responsibility).where(eq(responsibility.id, id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'responsibility',
      entityId: id,
      summary: `Zuständigkeit „${before.matter}“ aus dem Katalog entfernt`,
      before: {
        matter: before.matter,
        category: before.category,
        owner: before.owner,
        ownerName: before.ownerName,
      },
    });
  });
}

// ---- the scope guard -------------------------------------------------------------------------

/**
 * The scope guard every module calls: may the steering committee decide on this field of action (or
 * matter) on this day? Joint → the contract version it rests on; not joint → the owner it stays with.
 */
export async function checkScope(
  db: Db,
  networkId: string,
  subject: { fieldId: string } | { matterId: string },
  day: string,
): Promise<ScopeAnswer> {
  const versions = await versionsOf(db, networkId);
  const byId = new Map(versions.map((v) => [v.id, v]));
  const factsById = new Map(versions.map((v) => [v.id, facts(v)]));
  const answerForField = (
    f: FieldRow,
    subjectName: { kind: 'field' | 'matter'; id: string; name: string },
    matterOwner?: ResponsibilityRow,
  ) => {
    const joint = fieldJointOn(fieldFacts(f), factsById, day);
    if (joint.joint) {
      const v = byId.get(joint.since.id)!;
      return {
        day,
        subject: subjectName,
        joint: true,
        version: { id: v.id, number: v.number, title: v.title, effectiveFrom: v.effectiveFrom },
        owner: null,
        message: `Gemeinsam: „${f.name}“ ist am ${germanDate(day)} gemeinsames Handlungsfeld nach Fassung ${v.number} des Kooperationsvertrags (wirksam ab ${germanDate(v.effectiveFrom)}).`,
      } satisfies ScopeAnswer;
    }
    const owner = matterOwner
      ? { kind: matterOwner.owner, label: ownerText(matterOwner.owner, matterOwner.ownerName) }
      : { kind: f.previousOwner, label: ownerText(f.previousOwner, f.previousOwnerName) };
    return {
      day,
      subject: subjectName,
      joint: false,
      version: null,
      owner,
      message: `Nicht gemeinsam: „${subjectName.name}“ ist am ${germanDate(day)} kein gemeinsames Handlungsfeld; zuständig bleibt ${owner.label}.`,
    } satisfies ScopeAnswer;
  };

  if ('fieldId' in subject) {
    const [f] = await db
      .select()
      .from(fieldOfAction)
      .where(and(eq(fieldOfAction.id, subject.fieldId), eq(fieldOfAction.networkId, networkId)));
    if (!f || byId.get(f.introducedBy)?.status === 'withdrawn') throw notFound('Das Handlungsfeld');
    return answerForField(f, { kind: 'field', id: f.id, name: f.name });
  }
  const [m] = await db
    .select()
    .from(responsibility)
    .where(and(eq(responsibility.id, subject.matterId), eq(responsibility.networkId, networkId)));
  if (!m) throw notFound('Die Angelegenheit');
  const subjectName = { kind: 'matter' as const, id: m.id, name: m.matter };
  if (m.fieldId) {
    const [f] = await db.select().from(fieldOfAction).where(eq(fieldOfAction.id, m.fieldId));
    if (f) return answerForField(f, subjectName, m);
  }
  const label = ownerText(m.owner, m.ownerName);
  return {
    day,
    subject: subjectName,
    joint: false,
    version: null,
    owner: { kind: m.owner, label },
    message: `Nicht gemeinsam: „${m.matter}“ gehört zu keinem gemeinsamen Handlungsfeld; zuständig bleibt ${label}.`,
  };
}

export async function askScope(
  deps: Deps,
  actor: NetworkActor,
  q: { fieldId?: string; matterId?: string; on?: string },
): Promise<ScopeAnswer> {
  authorize(actor.role, 'contract.read');
  const subject = q.fieldId ? { fieldId: q.fieldId } : { matterId: q.matterId! };
  return checkScope(deps.db, actor.networkId, subject, q.on ?? berlinDay(deps.now()));
}

/**
 * For other modules (goals, work plans, work orders): refuses unless the field of action is joint on
 * the day, naming the owner the matter stays with.
 */
export async function assertJointField(
  db: Db,
  networkId: string,
  fieldId: string,
  day: string,
): Promise<ScopeAnswer> {
  const answer = await checkScope(db, networkId, { fieldId }, day);
  if (!answer.joint) {
    throw new DomainError(
      'scope.not_joint',
      `${answer.message} Der Lenkungskreis kann hierzu nicht entscheiden.`,
      'rule',
      {
        owner: answer.owner,
      },
    );
  }
  return answer;
}

/** Names of fields of action by id, for modules that show them (agenda, register). */
export async function fieldNames(db: Db, networkId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: fieldOfAction.id, name: fieldOfAction.name })
    .from(fieldOfAction)
    .where(and(eq(fieldOfAction.networkId, networkId), inArray(fieldOfAction.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
