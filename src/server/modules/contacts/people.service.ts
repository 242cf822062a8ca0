import type { z } from 'zod';
import type {
  AffiliationInput,
  ContactOptions,
  PeopleQuery,
  PersonDetail,
  PersonInput,
  PersonListItem,
  PersonUpdate,
  SearchResult,
} from '../../../contracts/contacts-people.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { fieldNames, listFieldsOfNetwork } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import { steeringOfPerson } from '../steering/steering.service.js';
import { municipalitiesOf } from '../structure/structure.service.js';
import { insertPerson, type PersonRow, personById, refreshPersonSearch } from './contacts.repository.js';
import { prefixQuery } from './fold.rules.js';
import * as inst from './institutions.repository.js';
import * as repo from './people.repository.js';
import { consentState, displayName } from './people.rules.js';

/* People (Personen): one record per person, functions at institutions, fields, multiplier topics. */

type Input = z.output<typeof PersonInput>;
type Update = z.output<typeof PersonUpdate>;
type Query = z.output<typeof PeopleQuery>;
type AffiliationRow = Awaited<ReturnType<typeof repo.affiliationsOf>>[number];

const affiliationDto = (a: AffiliationRow) => ({
  id: a.id,
  institutionId: a.institutionId,
  institutionName: a.institutionName,
  institutionArchived: a.institutionArchivedAt !== null,
  place: a.place,
  function: a.function,
});

/** People of the list view: filtered and searched as the office types; erased and merged never. */
export async function listPeople(deps: Deps, actor: NetworkActor, q: Query): Promise<PersonListItem[]> {
  authorize(actor.role, 'contacts.read');
  const rows = await repo.listPeople(deps.db, actor.networkId, {
    query: prefixQuery(q.q ?? ''),
    institutionType: q.institutionType,
    municipalityId: q.municipalityId,
    function: q.function,
    fieldId: q.fieldId,
    multiplier: q.multiplier === undefined ? undefined : q.multiplier === 'true',
  });
  const ids = rows.map((r) => r.id);
  const [affiliations, consents] = await Promise.all([
    repo.affiliationsOf(deps.db, ids),
    repo.mailingConsentsOf(deps.db, ids),
  ]);
  return rows.map((p) => {
    const own = affiliations.filter((a) => a.personId === p.id);
    return {
      id: p.id,
      name: displayName(p),
      email: p.email,
      phone: p.phone,
      multiplier: p.multiplier,
      affiliations: own.map(affiliationDto),
      place: own.find((a) => a.place)?.place ?? '',
      consent: consentState(consents.filter((c) => c.personId === p.id)),
    };
  });
}

export async function getPerson(deps: Deps, actor: NetworkActor, personId: string): Promise<PersonDetail> {
  authorize(actor.role, 'contacts.read');
  const p = await personById(deps.db, actor.networkId, personId);
  if (!p) throw notFound('Die Person');
  const [affiliations, fields, consents, steering, account] = await Promise.all([
    repo.affiliationsOf(deps.db, [p.id]),
    personFields(deps.db, actor.networkId, p.id),
    repo.mailingConsentsOf(deps.db, [p.id]),
    steeringOfPerson(deps.db, actor.networkId, p.id, berlinDay(deps.now())),
    p.userId ? repo.accountOf(deps.db, actor.networkId, p.userId) : undefined,
  ]);
  return {
    id: p.id,
    name: displayName(p),
    salutation: p.salutation,
    title: p.title,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    phone: p.phone,
    notes: p.notes,
    multiplier: p.multiplier,
    multiplierTopics: p.multiplierTopics,
    legalBasis: p.legalBasis,
    fields,
    source: p.source,
    affiliations: affiliations.map(affiliationDto),
    committee: steering.committee,
    guestInvitations: steering.guestInvitations,
    account: account ? { name: account.name, email: account.email, role: account.role ?? null } : null,
    consent: consentState(consents),
    example: p.example,
    erased: p.erasedAt !== null,
    mergedInto: p.mergedInto,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

/** The person's fields of action with their names, by name. */
async function personFields(db: Db, networkId: string, personId: string) {
  const names = await fieldNames(db, networkId, await repo.fieldIdsOfPerson(db, personId));
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** Every field of action the network ever agreed (a person may keep working in an ended one). */
async function networkFields(db: Db, networkId: string, day: string) {
  return (await listFieldsOfNetwork(db, networkId, day))
    .map((f) => ({ id: f.id, name: f.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

async function checkFields(tx: Db, networkId: string, fieldIds: string[]) {
  const known = new Set((await networkFields(tx, networkId, '9999-12-31')).map((f) => f.id));
  if (fieldIds.some((id) => !known.has(id)))
    throw new DomainError(
      'contacts.field_unknown',
      'Das Handlungsfeld gehört nicht zum Bildungsnetzwerk.',
      'invalid',
    );
  return [...new Set(fieldIds)];
}

const personValues = (i: Input): repo.PersonValues => ({
  salutation: i.salutation,
  title: i.title,
  firstName: i.firstName,
  lastName: i.lastName,
  email: i.email,
  phone: i.phone,
  notes: i.notes,
  multiplier: i.multiplier,
  multiplierTopics: i.multiplier ? [...new Set(i.multiplierTopics)] : [],
  legalBasis: i.legalBasis,
});

export async function createPerson(
  deps: Deps,
  actor: NetworkActor,
  input: Input,
  extra: { example?: boolean } = {},
): Promise<PersonDetail> {
  authorize(actor.role, 'contacts.manage');
  const id = await deps.db.transaction(async (tx) => {
    const fieldIds = await checkFields(tx, actor.networkId, input.fieldIds);
    const values = personValues(input);
    const p = await insertPerson(tx, {
      ...values,
      networkId: actor.networkId,
      source: { kind: 'entered' },
      example: extra.example ?? false,
      createdBy: actor.userId,
    });
    await repo.setPersonFields(tx, p.id, fieldIds);
    await refreshPersonSearch(tx, [p.id]);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'person',
      entityId: p.id,
      summary: `Person ${displayName(values)} angelegt`,
      after: { ...values, fieldIds },
    });
    return p.id;
  });
  return getPerson(deps, actor, id);
}

/** The person locked for a change: theirs, live, and the version the form was loaded with. */
async function lockPerson(
  tx: Db,
  actor: NetworkActor,
  personId: string,
  version?: number,
): Promise<PersonRow> {
  const p = await personById(tx, actor.networkId, personId, true);
  if (!p) throw notFound('Die Person');
  if (p.erasedAt || p.mergedInto)
    throw new DomainError(
      'contacts.person_gone',
      p.erasedAt
        ? 'Die Person wurde gelöscht (anonymisiert) und kann nicht mehr geändert werden.'
        : 'Die Person wurde mit einem anderen Eintrag zusammengeführt; bitte ändern Sie diesen.',
      'conflict',
    );
  if (version !== undefined && p.version !== version)
    throw staleVersion(
      'contacts.person_stale',
      'Die Person',
      await lastChangedBy(tx, actor.networkId, 'person', personId),
      '. Bitte laden Sie die Seite neu und prüfen Sie die Änderung.',
    );
  return p;
}

export async function updatePerson(
  deps: Deps,
  actor: NetworkActor,
  personId: string,
  input: Update,
): Promise<PersonDetail> {
  authorize(actor.role, 'contacts.manage');
  await deps.db.transaction(async (tx) => {
    const before = await lockPerson(tx, actor, personId, input.version);
    const fieldIds = await checkFields(tx, actor.networkId, input.fieldIds);
    const values = personValues(input);
    await repo.updatePersonRow(tx, personId, values, before.version + 1);
    await repo.setPersonFields(tx, personId, fieldIds);
    await refreshPersonSearch(tx, [personId]);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'person',
      entityId: personId,
      summary: `Person ${displayName(values)} geändert`,
      before: personValues({ ...before, fieldIds: [] } as Input),
      after: { ...values, fieldIds },
    });
  });
  return getPerson(deps, actor, personId);
}

export async function addAffiliation(
  deps: Deps,
  actor: NetworkActor,
  personId: string,
  input: z.output<typeof AffiliationInput>,
): Promise<PersonDetail> {
  authorize(actor.role, 'contacts.manage');
  await deps.db.transaction(async (tx) => {
    const p = await lockPerson(tx, actor, personId);
    const i = await inst.institutionById(tx, actor.networkId, input.institutionId);
    if (!i) throw notFound('Die Einrichtung');
    if (i.archivedAt)
      throw new DomainError(
        'contacts.institution_archived',
        `„${i.name}“ ist archiviert; dort kann niemand mehr eine Funktion haben.`,
        'conflict',
      );
    const a = await repo.insertAffiliation(tx, {
      networkId: actor.networkId,
      personId,
      institutionId: i.id,
      function: input.function,
    });
    await repo.touchPerson(tx, personId);
    await refreshPersonSearch(tx, [personId]);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'affiliation',
      entityId: a.id,
      summary: `${displayName(p)}: ${input.function} bei „${i.name}“`,
      after: { personId, institutionId: i.id, function: input.function },
    });
  });
  return getPerson(deps, actor, personId);
}

export async function removeAffiliation(
  deps: Deps,
  actor: NetworkActor,
  personId: string,
  affiliationId: string,
): Promise<PersonDetail> {
  authorize(actor.role, 'contacts.manage');
  await deps.db.transaction(async (tx) => {
    const p = await lockPerson(tx, actor, personId);
    const a = await repo.affiliationById(tx, actor.networkId, personId, affiliationId);
    if (!a) throw notFound('Die Funktion');
    const [i] = await inst.institutionsByIds(tx, actor.networkId, [a.institutionId]);
    await repo.deleteAffiliation(tx, a.id);
    await repo.touchPerson(tx, personId);
    await refreshPersonSearch(tx, [personId]);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'affiliation',
      entityId: a.id,
      summary: `${displayName(p)}: ${a.function} bei „${i?.name ?? '–'}“ entfernt`,
      before: a,
    });
  });
  return getPerson(deps, actor, personId);
}

/** As-you-type search across people and institutions (names, functions, places, fields, topics). */
export async function search(deps: Deps, actor: NetworkActor, q: string): Promise<SearchResult> {
  authorize(actor.role, 'contacts.read');
  const query = prefixQuery(q);
  if (!query) return { people: [], institutions: [] };
  const [people, institutions] = await Promise.all([
    repo.listPeople(deps.db, actor.networkId, { query }, 10),
    inst.listInstitutions(deps.db, actor.networkId, { query }),
  ]);
  const affiliations = await repo.affiliationsOf(
    deps.db,
    people.map((p) => p.id),
  );
  return {
    people: people.map((p) => ({
      id: p.id,
      name: displayName(p),
      email: p.email,
      detail: affiliations
        .filter((a) => a.personId === p.id)
        .map((a) => `${a.function}, ${a.institutionName}`)
        .join('; '),
    })),
    institutions: institutions.slice(0, 10).map(({ i }) => ({
      id: i.id,
      name: i.name,
      detail: [i.schoolType, i.place].filter(Boolean).join(', '),
    })),
  };
}

/** The network's municipalities and fields of action, for the forms and filters. */
export async function contactOptions(deps: Deps, actor: NetworkActor): Promise<ContactOptions> {
  authorize(actor.role, 'contacts.read');
  const [municipalities, fields] = await Promise.all([
    municipalitiesOf(deps.db, actor.networkId),
    networkFields(deps.db, actor.networkId, berlinDay(deps.now())),
  ]);
  return { municipalities, fields };
}
