import type { z } from 'zod';
import { institutionTypes, schoolTypes, secondaryOneSchoolTypes } from '../../../contracts/contacts.js';
import type {
  GuestsFromListResult,
  ListDetail,
  ListInput,
  ListMailInput,
  ListMailResult,
  ListOptions,
  ListPerson,
  ListPreview,
  ListSummary,
  ListUpdate,
  PreviewInput,
} from '../../../contracts/contacts-lists.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { listFieldsOfNetwork } from '../contract/contract.service.js';
import { linkForMail } from '../links/links.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { inviteGuestsOfList } from '../steering/steering.service.js';
import { municipalitiesOf } from '../structure/structure.service.js';
import { prefixQuery } from './fold.rules.js';
import * as repo from './lists.repository.js';
import { dynamicFilter, listMailText, personName } from './lists.rules.js';
import { type Evaluated, evaluate, matching, peopleOf } from './recipients.service.js';

/* Distribution lists (Verteiler): CRUD, who gets the mail (and who not, why), mail, guests, export. */

type ListInputData = z.output<typeof ListInput>;
type ListUpdateData = z.output<typeof ListUpdate>;

/** A withdrawal link in a list mail works for a year. */
const LINK_VALID_MS = 365 * 24 * 60 * 60 * 1000;

async function loadList(db: Db, actor: NetworkActor, listId: string, lock = false) {
  const l = await repo.listById(db, actor.networkId, listId, lock);
  if (!l) throw notFound('Der Verteiler');
  return l;
}

const summaryOf = (l: repo.ListRow, e: Evaluated): ListSummary => ({
  id: l.id,
  name: l.name,
  description: l.description,
  kind: l.kind,
  needsConsent: l.needsConsent,
  includedCount: e.counts.included,
  excludedCount: e.counts.excluded,
  version: l.version,
  updatedAt: l.updatedAt.toISOString(),
});

async function detailOf(db: Db, l: repo.ListRow): Promise<ListDetail> {
  const ids = await peopleOf(db, l);
  const e = await evaluate(db, l.networkId, ids, l.needsConsent);
  return {
    ...summaryOf(l, e),
    filter: l.kind === 'dynamic' ? (l.filter ?? {}) : null,
    members: l.kind === 'static' ? e.all : [],
  };
}

export async function listLists(deps: Deps, actor: NetworkActor): Promise<ListSummary[]> {
  authorize(actor.role, 'contacts.read');
  const lists = await repo.listsOf(deps.db, actor.networkId);
  const out: ListSummary[] = [];
  for (const l of lists) {
    const ids = await peopleOf(deps.db, l);
    out.push(summaryOf(l, await evaluate(deps.db, actor.networkId, ids, l.needsConsent)));
  }
  return out;
}

export async function getList(deps: Deps, actor: NetworkActor, listId: string): Promise<ListDetail> {
  authorize(actor.role, 'contacts.read');
  return detailOf(deps.db, await loadList(deps.db, actor, listId));
}

async function assertNameFree(tx: Db, networkId: string, name: string, self?: string) {
  const other = await repo.listByName(tx, networkId, name);
  if (other && other.id !== self)
    throw new DomainError(
      'contacts.list_name_taken',
      `Es gibt schon einen Verteiler „${name}“. Bitte wählen Sie einen anderen Namen.`,
      'conflict',
    );
}

const auditState = (l: repo.ListRow) => ({
  name: l.name,
  description: l.description,
  kind: l.kind,
  needsConsent: l.needsConsent,
  filter: l.filter,
});

export async function createList(deps: Deps, actor: NetworkActor, i: ListInputData): Promise<ListDetail> {
  authorize(actor.role, 'contacts.manage');
  const filter = i.kind === 'dynamic' ? dynamicFilter(i.filter) : null;
  const l = await deps.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.networkId, i.name);
    const row = await repo.insertList(tx, {
      networkId: actor.networkId,
      name: i.name,
      description: i.description,
      kind: i.kind,
      filter,
      needsConsent: i.needsConsent,
      createdBy: actor.userId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'distribution_list',
      entityId: row.id,
      summary: `Verteiler „${row.name}“ angelegt (${row.kind === 'dynamic' ? 'dynamisch' : 'fest'})`,
      after: auditState(row),
    });
    return row;
  });
  return detailOf(deps.db, l);
}

export async function updateList(
  deps: Deps,
  actor: NetworkActor,
  listId: string,
  i: ListUpdateData,
): Promise<ListDetail> {
  authorize(actor.role, 'contacts.manage');
  const l = await deps.db.transaction(async (tx) => {
    const before = await loadList(tx, actor, listId, true);
    if (i.version !== before.version)
      throw staleVersion(
        'contacts.list_stale',
        'Der Verteiler',
        await lastChangedBy(tx, actor.networkId, 'distribution_list', before.id),
        '. Bitte laden Sie die Seite neu und prüfen Sie die Änderung.',
      );
    const filter = before.kind === 'dynamic' ? dynamicFilter(i.filter) : null;
    await assertNameFree(tx, actor.networkId, i.name, before.id);
    const after = await repo.updateList(tx, before.id, {
      name: i.name,
      description: i.description,
      needsConsent: i.needsConsent,
      filter,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'distribution_list',
      entityId: after.id,
      summary: `Verteiler „${after.name}“ geändert`,
      before: auditState(before),
      after: auditState(after),
    });
    return after;
  });
  return detailOf(deps.db, l);
}

export async function deleteList(deps: Deps, actor: NetworkActor, listId: string): Promise<void> {
  authorize(actor.role, 'contacts.manage');
  await deps.db.transaction(async (tx) => {
    const l = await loadList(tx, actor, listId, true);
    const members = l.kind === 'static' ? (await repo.memberIdsOf(tx, l.id)).length : null;
    await repo.deleteList(tx, l.id);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'distribution_list',
      entityId: l.id,
      summary: `Verteiler „${l.name}“ gelöscht${members === null ? '' : ` (${members} Personen)`}`,
      before: auditState(l),
    });
  });
}

function assertStatic(l: repo.ListRow) {
  if (l.kind !== 'static')
    throw new DomainError(
      'contacts.list_dynamic',
      'Ein dynamischer Verteiler wählt seine Personen über den Filter; einzelne Personen lassen sich nur bei festen Verteilern hinzufügen.',
      'rule',
    );
}

export async function addMembers(
  deps: Deps,
  actor: NetworkActor,
  listId: string,
  personIds: string[],
): Promise<ListDetail> {
  authorize(actor.role, 'contacts.manage');
  const l = await deps.db.transaction(async (tx) => {
    const l = await loadList(tx, actor, listId, true);
    assertStatic(l);
    const known = await repo.peopleIdsInNetwork(tx, actor.networkId, [...new Set(personIds)]);
    if (known.length !== new Set(personIds).size) throw notFound('Die Person');
    const added = await repo.addMembers(tx, l.id, known, actor.userId);
    if (added.length > 0) {
      const names = (
        await repo.recipientsData(
          tx,
          actor.networkId,
          added.map((a) => a.personId),
        )
      ).people;
      await recordAudit(tx, auditActorOf(actor), {
        action: 'update',
        entityType: 'distribution_list',
        entityId: l.id,
        summary: `Verteiler „${l.name}“: ${names.map(personName).join(', ')} hinzugefügt`,
        after: { added: added.map((a) => a.personId) },
      });
      await repo.updateList(tx, l.id, {});
    }
    return (await repo.listById(tx, actor.networkId, l.id))!;
  });
  return detailOf(deps.db, l);
}

export async function removeMember(
  deps: Deps,
  actor: NetworkActor,
  listId: string,
  personId: string,
): Promise<ListDetail> {
  authorize(actor.role, 'contacts.manage');
  const l = await deps.db.transaction(async (tx) => {
    const l = await loadList(tx, actor, listId, true);
    assertStatic(l);
    const [p] = (await repo.recipientsData(tx, actor.networkId, [personId])).people;
    if (!p || !(await repo.removeMember(tx, l.id, personId))) throw notFound('Die Person auf dem Verteiler');
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'distribution_list',
      entityId: l.id,
      summary: `Verteiler „${l.name}“: ${personName(p)} entfernt`,
      before: { removed: personId },
    });
    return repo.updateList(tx, l.id, {});
  });
  return detailOf(deps.db, l);
}

const strip = (e: Evaluated): ListPreview => ({
  included: e.included,
  excluded: e.excluded,
  counts: e.counts,
});

export async function previewList(deps: Deps, actor: NetworkActor, listId: string): Promise<ListPreview> {
  authorize(actor.role, 'contacts.read');
  const l = await loadList(deps.db, actor, listId);
  return strip(await evaluate(deps.db, actor.networkId, await peopleOf(deps.db, l), l.needsConsent));
}

/** The live preview of the filter builder, for a filter not saved yet. */
export async function previewFilter(
  deps: Deps,
  actor: NetworkActor,
  i: z.output<typeof PreviewInput>,
): Promise<ListPreview> {
  authorize(actor.role, 'contacts.read');
  const filter = dynamicFilter(i.filter);
  const ids = await matching(deps.db, actor.networkId, filter);
  return strip(await evaluate(deps.db, actor.networkId, ids, i.needsConsent));
}

/**
 * A mail to a list ("Rundmail"): one outbox mail per included person, each with their own link to stop
 * further mails (valid a year); the people's last activity is now. All or nothing.
 */
export async function mailList(
  deps: Deps,
  actor: NetworkActor,
  listId: string,
  i: z.output<typeof ListMailInput>,
): Promise<ListMailResult> {
  authorize(actor.role, 'contacts.manage');
  return deps.db.transaction(async (tx) => {
    const l = await loadList(tx, actor, listId, true);
    const e = await evaluate(tx, actor.networkId, await peopleOf(tx, l), l.needsConsent);
    if (e.recipients.length === 0)
      throw new DomainError(
        'contacts.list_no_recipients',
        'Niemand auf diesem Verteiler kann die E-Mail erhalten. Bitte prüfen Sie die Vorschau.',
        'rule',
      );
    const now = deps.now();
    const expiresAt = new Date(now.getTime() + LINK_VALID_MS);
    for (const r of e.recipients) {
      const link = await linkForMail(tx, {
        networkId: actor.networkId,
        purpose: 'consent_withdrawal',
        personId: r.personId,
        expiresAt,
      });
      await enqueueMail(tx, {
        networkId: actor.networkId,
        to: r.email,
        toName: r.name,
        subject: i.subject,
        text: listMailText(i.text, r.salutation, link),
      });
    }
    await repo.touchActivity(
      tx,
      e.recipients.map((r) => r.personId),
      now,
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'distribution_list',
      entityId: l.id,
      summary: `Rundmail „${i.subject}“ an Verteiler „${l.name}“: ${e.recipients.length} E-Mails, ${e.counts.excluded} ausgelassen`,
      after: { subject: i.subject, sent: e.recipients.length, excluded: e.counts.excluded },
    });
    return { sent: e.recipients.length, excluded: e.counts.excluded };
  });
}

/** The included people of a list become guests of a meeting (office, meeting in planning). */
export async function guestsFromList(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  listId: string,
): Promise<GuestsFromListResult> {
  authorize(actor.role, 'contacts.read');
  authorize(actor.role, 'steering.manage');
  const l = await loadList(deps.db, actor, listId);
  const e = await evaluate(deps.db, actor.networkId, await peopleOf(deps.db, l), l.needsConsent);
  const r = await inviteGuestsOfList(
    deps,
    actor,
    meetingId,
    l.name,
    e.recipients.map((p) => ({ personId: p.personId, name: p.name, email: p.email })),
  );
  return { ...r, excluded: e.counts.excluded };
}

/** The list's people for the export (included first, then those left out with the reason). */
export async function exportRows(deps: Deps, actor: NetworkActor, listId: string) {
  authorize(actor.role, 'contacts.read');
  const l = await loadList(deps.db, actor, listId);
  const e = await evaluate(deps.db, actor.networkId, await peopleOf(deps.db, l), l.needsConsent);
  return { list: l, preview: strip(e) };
}

/** The static list's picker: people of the network as one types. */
export async function candidates(deps: Deps, actor: NetworkActor, q: string): Promise<ListPerson[]> {
  authorize(actor.role, 'contacts.read');
  const ids = await repo.searchPeople(deps.db, actor.networkId, prefixQuery(q));
  return (await evaluate(deps.db, actor.networkId, ids, false)).all;
}

export async function listOptions(deps: Deps, actor: NetworkActor): Promise<ListOptions> {
  authorize(actor.role, 'contacts.read');
  const [municipalities, fields, used] = await Promise.all([
    municipalitiesOf(deps.db, actor.networkId),
    listFieldsOfNetwork(deps.db, actor.networkId, berlinDay(deps.now())),
    repo.functionsAndTopics(deps.db, actor.networkId),
  ]);
  return {
    institutionTypes: [...institutionTypes],
    schoolTypes: [...schoolTypes],
    secondaryOne: [...secondaryOneSchoolTypes],
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
    fields: fields.map((f) => ({ id: f.id, name: f.name })),
    ...used,
  };
}
