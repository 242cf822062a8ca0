import type { z } from 'zod';
import type {
  Institution,
  InstitutionDetail,
  InstitutionInput,
  InstitutionsQuery,
  InstitutionUpdate,
} from '../../../contracts/contacts-people.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { municipalitiesOf } from '../structure/structure.service.js';
import {
  type InstitutionRow,
  insertInstitution,
  peopleAtInstitution,
  refreshInstitutionSearch,
  refreshPersonSearch,
} from './contacts.repository.js';
import { fold, prefixQuery } from './fold.rules.js';
import * as repo from './institutions.repository.js';
import { checkInstitution, displayName } from './people.rules.js';

/* Institutions (Einrichtungen): schools with number, type and operator; Kitas, companies, chambers …. */

type Input = z.output<typeof InstitutionInput>;
type Update = z.output<typeof InstitutionUpdate>;
type Municipalities = Map<string, string>;

async function municipalityNames(db: Db, networkId: string): Promise<Municipalities> {
  return new Map((await municipalitiesOf(db, networkId)).map((m) => [m.id, m.name]));
}

const institutionDto = (i: InstitutionRow, names: Municipalities, peopleCount: number): Institution => ({
  id: i.id,
  name: i.name,
  type: i.type,
  schoolNumber: i.schoolNumber,
  schoolType: i.schoolType,
  operatorId: i.operatorId,
  operatorName: i.operatorId ? (names.get(i.operatorId) ?? null) : null,
  street: i.street,
  postalCode: i.postalCode,
  place: i.place,
  municipalityId: i.municipalityId,
  municipalityName: i.municipalityId ? (names.get(i.municipalityId) ?? null) : null,
  email: i.email,
  phone: i.phone,
  website: i.website,
  notes: i.notes,
  example: i.example,
  archived: i.archivedAt !== null,
  peopleCount,
  version: i.version,
});

export async function listInstitutions(
  deps: Deps,
  actor: NetworkActor,
  q: InstitutionsQuery,
): Promise<Institution[]> {
  authorize(actor.role, 'contacts.read');
  const [rows, names] = await Promise.all([
    repo.listInstitutions(deps.db, actor.networkId, {
      query: prefixQuery(q.q ?? ''),
      type: q.type,
      schoolType: q.schoolType,
      municipalityId: q.municipalityId,
      archived: q.archived === 'true',
    }),
    municipalityNames(deps.db, actor.networkId),
  ]);
  return rows.map((r) => institutionDto(r.i, names, r.peopleCount));
}

export async function getInstitution(
  deps: Deps,
  actor: NetworkActor,
  institutionId: string,
): Promise<InstitutionDetail> {
  authorize(actor.role, 'contacts.read');
  const i = await repo.institutionById(deps.db, actor.networkId, institutionId);
  if (!i) throw notFound('Die Einrichtung');
  const [people, names] = await Promise.all([
    repo.peopleWorkingAt(deps.db, i.id),
    municipalityNames(deps.db, actor.networkId),
  ]);
  return {
    ...institutionDto(i, names, new Set(people.map((p) => p.personId)).size),
    people: people.map((p) => ({
      affiliationId: p.affiliationId,
      personId: p.personId,
      name: displayName(p),
      function: p.function,
    })),
  };
}

/** The stored values: the operator and municipality checked against the network, the municipality found by place. */
async function valuesOf(tx: Db, networkId: string, i: Input, exceptId?: string) {
  checkInstitution(i);
  const names = await municipalityNames(tx, networkId);
  if (i.operatorId && !names.has(i.operatorId))
    throw new DomainError(
      'contacts.operator_unknown',
      'Der Schulträger muss eine Kommune des Bildungsnetzwerks sein.',
      'invalid',
    );
  if (i.municipalityId && !names.has(i.municipalityId))
    throw new DomainError(
      'contacts.municipality_unknown',
      'Die Kommune gehört nicht zum Bildungsnetzwerk.',
      'invalid',
    );
  if (i.schoolNumber) {
    const holder = await repo.schoolNumberHolder(tx, networkId, i.schoolNumber, exceptId);
    if (holder)
      throw new DomainError(
        'contacts.school_number_taken',
        `Die Schulnummer ${i.schoolNumber} hat bereits „${holder.name}“.`,
        'conflict',
      );
  }
  // The municipality by the place's name (folded: "brilon" = "Brilon") unless one was chosen.
  const byPlace = i.place.trim()
    ? (await municipalitiesOf(tx, networkId)).find((m) => fold(m.name) === fold(i.place))
    : undefined;
  const municipalityId = i.municipalityId ?? byPlace?.id ?? null;
  return { ...i, municipalityId };
}

export async function createInstitution(
  deps: Deps,
  actor: NetworkActor,
  input: Input,
  extra: { example?: boolean } = {},
): Promise<InstitutionDetail> {
  authorize(actor.role, 'contacts.manage');
  const id = await deps.db.transaction(async (tx) => {
    const values = await valuesOf(tx, actor.networkId, input);
    const row = await insertInstitution(tx, {
      ...values,
      networkId: actor.networkId,
      example: extra.example ?? false,
      source: { kind: 'entered' },
      createdBy: actor.userId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'institution',
      entityId: row.id,
      summary: `Einrichtung „${row.name}“ angelegt`,
      after: values,
    });
    return row.id;
  });
  return getInstitution(deps, actor, id);
}

export async function updateInstitution(
  deps: Deps,
  actor: NetworkActor,
  institutionId: string,
  input: Update,
): Promise<InstitutionDetail> {
  authorize(actor.role, 'contacts.manage');
  await deps.db.transaction(async (tx) => {
    const before = await repo.institutionById(tx, actor.networkId, institutionId, true);
    if (!before) throw notFound('Die Einrichtung');
    if (before.version !== input.version)
      throw staleVersion(
        'contacts.institution_stale',
        'Die Einrichtung',
        await lastChangedBy(tx, actor.networkId, 'institution', institutionId),
        '. Bitte laden Sie die Seite neu und prüfen Sie die Änderung.',
      );
    const { version: _v, ...rest } = input;
    const values = await valuesOf(tx, actor.networkId, rest, institutionId);
    await repo.updateInstitutionRow(tx, institutionId, values, before.version + 1);
    await refreshInstitutionSearch(tx, [institutionId]);
    // The people working there are found by its name and place too.
    if (before.name !== values.name || before.place !== values.place)
      await refreshPersonSearch(tx, await peopleAtInstitution(tx, institutionId));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'institution',
      entityId: institutionId,
      summary: `Einrichtung „${values.name}“ geändert`,
      before,
      after: values,
    });
  });
  return getInstitution(deps, actor, institutionId);
}

/** Deleted when nobody ever worked there; archived otherwise (the people keep their function). */
export async function removeInstitution(
  deps: Deps,
  actor: NetworkActor,
  institutionId: string,
): Promise<{ archived: boolean }> {
  authorize(actor.role, 'contacts.manage');
  return deps.db.transaction(async (tx) => {
    const i = await repo.institutionById(tx, actor.networkId, institutionId, true);
    if (!i) throw notFound('Die Einrichtung');
    const archived = (await repo.affiliationCount(tx, institutionId)) > 0;
    if (archived) await repo.archiveInstitutionRow(tx, institutionId, deps.now());
    else await repo.deleteInstitutionRow(tx, institutionId);
    await recordAudit(tx, auditActorOf(actor), {
      action: archived ? 'update' : 'delete',
      entityType: 'institution',
      entityId: institutionId,
      summary: archived
        ? `Einrichtung „${i.name}“ archiviert (Personen sind ihr zugeordnet)`
        : `Einrichtung „${i.name}“ gelöscht`,
      before: i,
    });
    return { archived };
  });
}

/** The demo finds its institutions again by name (idempotent seeding). */
export async function institutionIdByName(db: Db, networkId: string, name: string) {
  return (await repo.institutionByName(db, networkId, name))?.id ?? null;
}

export async function municipalityIdsByName(db: Db, networkId: string) {
  return new Map((await municipalitiesOf(db, networkId)).map((m) => [fold(m.name), m.id]));
}
