import type { FieldOfAction } from '../../../contracts/contract.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import type { FieldRow, VersionRow } from './contract.repository.js';
import * as repo from './contract.repository.js';
import { fieldJointOn, ownerText } from './contract.rules.js';

/* Fields of action: what the contract makes joint business, and since or until when. */

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
    joint: fieldJointOn(f, versions, day).joint,
  };
}

/** Fields of action with their joint status on a day (today by default). Public callers pass no actor. */
export async function listFieldsOfNetwork(db: Db, networkId: string, day: string): Promise<FieldOfAction[]> {
  const [versions, fields] = await Promise.all([
    repo.versionsOf(db, networkId),
    repo.liveFields(db, networkId),
  ]);
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
    const f = await repo.fieldById(tx, actor.networkId, fieldId, true);
    if (!f) throw notFound('Das Handlungsfeld');
    await repo.updateFieldText(tx, f.id, patch);
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

/** Every field of action of the network (ended ones too), id and name, by name: for other modules' forms. */
export async function fieldsByName(db: Db, networkId: string): Promise<Array<{ id: string; name: string }>> {
  const rows = await repo.fieldsOfNetwork(db, networkId);
  return rows.map((f) => ({ id: f.id, name: f.name })).sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** Names of fields of action by id, for modules that show them (agenda, register). */
export async function fieldNames(db: Db, networkId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await repo.fieldNamesById(db, networkId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
