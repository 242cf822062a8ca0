import type { Responsibility } from '../../../contracts/contract.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { fieldById } from './contract.repository.js';
import { ownerText } from './contract.rules.js';
import type { ResponsibilityRow, ResponsibilityValues } from './responsibilities.repository.js';
import * as repo from './responsibilities.repository.js';
import { DEFAULT_RESPONSIBILITIES } from './responsibility.defaults.js';

/* The responsibility catalogue: which body a matter belongs to when it is not joint business. */

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

/** The NRW default catalogue, for a new contract; entries the network already has are kept. */
export async function seedResponsibilities(tx: Db, networkId: string): Promise<void> {
  await repo.insertResponsibilities(
    tx,
    networkId,
    DEFAULT_RESPONSIBILITIES.map((r) => ({ ...r, ownerName: null, fieldId: null })),
    'skip',
  );
}

export async function listResponsibilities(deps: Deps, actor: NetworkActor): Promise<Responsibility[]> {
  authorize(actor.role, 'contract.read');
  const rows = await repo.responsibilitiesOf(deps.db, actor.networkId);
  return rows.map((r) => responsibilityDto(r.r, r.fieldName));
}

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
  if (input.fieldId && !(await fieldById(tx, actor.networkId, input.fieldId))) {
    throw notFound('Das Handlungsfeld');
  }
  if (await repo.matterTaken(tx, actor.networkId, input.matter, exceptId)) {
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
    const [id] = await repo.insertResponsibilities(tx, actor.networkId, [input]);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'responsibility',
      entityId: id!,
      summary: `Zuständigkeit „${input.matter}“ aufgenommen: ${ownerText(input.owner, input.ownerName)}`,
      after: input,
    });
    return id!;
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
    const before = await repo.responsibilityById(tx, actor.networkId, id, true);
    if (!before) throw notFound('Die Angelegenheit');
    await checkResponsibility(tx, actor, input, id);
    await repo.updateResponsibilityRow(tx, id, { ...input, updatedAt: deps.now() });
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
    const before = await repo.responsibilityById(tx, actor.networkId, id);
    if (!before) throw notFound('Die Angelegenheit');
    await repo.deleteResponsibilityRow(tx, id);
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
