import type {
  ContractDetail,
  ContractInput,
  Party,
  VersionDetail,
  VersionInput,
  VersionSummary,
} from '../../../contracts/contract.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { describeFiles, uploadFile } from '../files/files.service.js';
import { authorize } from '../networks/networks.policy.js';
import type { ConsentRow, FieldRow, VersionRow } from './contract.repository.js';
import * as repo from './contract.repository.js';
import { checkDraft, consentComplete, germanDate, partyLabel } from './contract.rules.js';
import { seedResponsibilities } from './responsibilities.service.js';

/* The contract (parties, signatories) and its versions: drafting, consents, withdrawal, attachments. */

export async function requireContract(db: Db, networkId: string) {
  const row = await repo.contractOf(db, networkId);
  if (!row) {
    throw new DomainError(
      'contract.none',
      'Für dieses Bildungsnetzwerk ist noch kein Kooperationsvertrag erfasst. Legen Sie ihn zuerst an.',
      'not_found',
    );
  }
  return row;
}

function summaryOf(v: VersionRow, consents: ConsentRow[]): VersionSummary {
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
    repo.signatoriesOf(deps.db, c.id),
    repo.versionsOf(deps.db, actor.networkId),
  ]);
  const consents = await repo.consentsOf(
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
    const before = await repo.contractOf(tx, actor.networkId);
    const values = {
      title: input.title,
      landPartyName: input.landPartyName,
      municipalityPartyName: input.municipalityPartyName,
    };
    const row = before
      ? await repo.updateContract(tx, before.id, values)
      : await repo.insertContract(tx, actor.networkId, values);
    const oldSignatories = before ? await repo.signatoriesOf(tx, before.id) : [];
    const signatories = input.signatories ?? [];
    await repo.replaceSignatories(tx, actor.networkId, row.id, signatories);
    if (!before) await seedResponsibilities(tx, actor.networkId);
    await recordAudit(tx, auditActorOf(actor), {
      action: before ? 'update' : 'create',
      entityType: 'contract',
      entityId: row.id,
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
    await repo.lockContract(tx, c.id);
    const versions = await repo.versionsOf(tx, actor.networkId);
    const fields = await repo.liveFields(tx, actor.networkId);
    const kind = checkDraft(versions, fields, {
      effectiveFrom: input.effectiveFrom,
      addFieldNames: addFields.map((f) => f.name),
      endFieldIds,
      changesText: sections.length > 0,
    });
    const number = (versions.at(-1)?.number ?? 0) + 1;
    const v = await repo.insertVersion(tx, {
      networkId: actor.networkId,
      contractId: c.id,
      number,
      kind,
      title: input.title,
      summary: input.summary ?? '',
      effectiveFrom: input.effectiveFrom,
      createdBy: actor.userId,
    });
    await repo.insertSections(tx, actor.networkId, v.id, sections);
    await repo.insertFields(
      tx,
      addFields.map((f) => ({
        networkId: actor.networkId,
        name: f.name,
        description: f.description ?? '',
        goals: f.goals ?? '',
        previousOwner: f.previousOwner,
        previousOwnerName: f.previousOwnerName ?? null,
        introducedBy: v.id,
      })),
    );
    await repo.endFields(tx, endFieldIds, v.id);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'contract_version',
      entityId: v.id,
      summary: `${kind === 'original' ? 'Vertragsfassung' : 'Änderungsvereinbarung'} ${number} „${v.title}“ entworfen (wirksam ab ${germanDate(v.effectiveFrom)})`,
      after: {
        number,
        kind,
        title: v.title,
        effectiveFrom: v.effectiveFrom,
        addFields: addFields.map((f) => f.name),
        endFields: fields.filter((f) => endFieldIds.includes(f.id)).map((f) => f.name),
        sections: sections.length,
      },
    });
    return v.id;
  });
  return getVersion(deps, actor, versionId);
}

export async function getVersion(deps: Deps, actor: NetworkActor, versionId: string): Promise<VersionDetail> {
  authorize(actor.role, 'contract.read');
  const v = await repo.versionById(deps.db, actor.networkId, versionId);
  if (!v) throw notFound('Die Vertragsfassung');
  const [sections, attachments, consents, added, ended] = await Promise.all([
    repo.sectionsOf(deps.db, v.id),
    repo.attachmentsOf(deps.db, v.id),
    repo.consentsOf(deps.db, [v.id]),
    repo.fieldsIntroducedBy(deps.db, v.id),
    repo.fieldsEndedBy(deps.db, v.id),
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
  const v = await repo.versionById(tx, actor.networkId, versionId, true);
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
    const existing = await repo.consentsOf(tx, [v.id]);
    if (existing.some((c) => c.party === input.party)) {
      throw new DomainError(
        'contract.consent_exists',
        `Die Zustimmung der Vertragspartei ${partyLabel[input.party]} ist für Fassung ${v.number} bereits erfasst.`,
        'conflict',
      );
    }
    await repo.insertConsent(tx, {
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
      await repo.setVersionStatus(tx, v.id, { status: 'in_force', inForceAt: deps.now() });
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
    await repo.setVersionStatus(tx, v.id, { status: 'withdrawn' });
    await repo.unendFields(tx, v.id);
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
    await repo.insertAttachment(tx, {
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
