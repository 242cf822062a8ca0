import type { ListFilter } from '../../../contracts/contacts.js';
import type { ListPerson, ListPreview } from '../../../contracts/contacts-lists.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { prefixQuery } from './fold.rules.js';
import * as repo from './lists.repository.js';
import {
  byName,
  consentStateOf,
  exclusionReason,
  hasCondition,
  personName,
  salutationLine,
} from './lists.rules.js';

/*
 * Who of a list (or of chosen people) can get a mail, who not and why: the lists' evaluation, shared by
 * the list pages and other modules (event invitations) through contacts.service.
 */

export type Evaluated = ListPreview & {
  /** Everyone, in the order of names (last name first). */
  all: ListPerson[];
  /** Included people with what a mail needs. */
  recipients: Array<ListPerson & { email: string; salutation: string }>;
};

/** Who of these people gets a mail of a list, who not and why. */
export async function evaluate(
  db: Db,
  networkId: string,
  ids: string[],
  needsConsent: boolean,
): Promise<Evaluated> {
  const data = await repo.recipientsData(db, networkId, ids);
  const people = [...data.people].sort(byName);
  const included: Evaluated['included'] = [];
  const excluded: Evaluated['excluded'] = [];
  const recipients: Evaluated['recipients'] = [];
  const all: ListPerson[] = [];
  const counts = { included: 0, excluded: 0, noEmail: 0, noConsent: 0, consentWithdrawn: 0, erased: 0 };
  for (const p of people) {
    const consent = consentStateOf(data.consents.filter((c) => c.personId === p.id));
    const reason = exclusionReason({ ...p, consent }, needsConsent);
    const entry: ListPerson = {
      personId: p.id,
      name: p.erasedAt ? 'Gelöschte Person' : personName(p) || '–',
      email: p.erasedAt ? null : p.email,
      affiliations: data.affiliations
        .filter((a) => a.personId === p.id)
        .map((a) => ({ institution: a.institution, function: a.function, place: a.place })),
    };
    all.push(entry);
    if (reason === null) {
      included.push(entry);
      recipients.push({ ...entry, email: p.email!, salutation: salutationLine(p) });
      counts.included += 1;
    } else {
      excluded.push({ ...entry, reason });
      counts.excluded += 1;
      if (reason === 'no_email') counts.noEmail += 1;
      if (reason === 'no_consent') counts.noConsent += 1;
      if (reason === 'consent_withdrawn') counts.consentWithdrawn += 1;
      if (reason === 'erased') counts.erased += 1;
    }
  }
  return { included, excluded, counts, recipients, all };
}

/** The people on a list: its static members, or whom its filter selects right now. */
export const peopleOf = (db: Db, l: repo.ListRow) =>
  l.kind === 'static' ? repo.memberIdsOf(db, l.id) : matching(db, l.networkId, l.filter ?? {});

/** Whom a filter selects; nobody without a condition. */
export const matching = async (db: Db, networkId: string, f: ListFilter) =>
  hasCondition(f) ? repo.peopleMatching(db, networkId, f) : [];

/**
 * For other modules (event invitations): who of a list and of chosen people can get a mail, who not and
 * why (no e-mail, consent withdrawn or missing where the list needs it, erased). Chosen people need no
 * consent beyond not having objected. Each person once; list order first, then the chosen.
 */
export async function mailRecipients(
  db: Db,
  networkId: string,
  opts: { listId?: string | null; personIds?: string[] },
) {
  const list = opts.listId ? await repo.listById(db, networkId, opts.listId) : null;
  if (opts.listId && !list) throw notFound('Der Verteiler');
  const fromList = list ? await evaluate(db, networkId, await peopleOf(db, list), list.needsConsent) : null;
  const chosen = [...new Set(opts.personIds ?? [])];
  const known = chosen.length > 0 ? await repo.peopleIdsInNetwork(db, networkId, chosen) : [];
  if (known.length !== chosen.length) throw notFound('Die Person');
  const picked = known.length > 0 ? await evaluate(db, networkId, known, false) : null;
  const seen = new Set<string>();
  const recipients: Array<Evaluated['recipients'][number] & { viaList: boolean }> = [];
  const excluded: Evaluated['excluded'] = [];
  for (const [e, viaList] of [
    [fromList, true],
    [picked, false],
  ] as const) {
    if (!e) continue;
    for (const r of e.recipients)
      if (!seen.has(r.personId)) {
        seen.add(r.personId);
        recipients.push({ ...r, viaList });
      }
    for (const x of e.excluded)
      if (!seen.has(x.personId)) {
        seen.add(x.personId);
        excluded.push(x);
      }
  }
  return {
    list: list ? { id: list.id, name: list.name, needsConsent: list.needsConsent } : null,
    recipients,
    excluded,
  };
}

/** People of the network as one types (pickers), with their address. */
export async function peopleCandidates(db: Db, networkId: string, q: string): Promise<ListPerson[]> {
  const ids = await repo.searchPeople(db, networkId, prefixQuery(q));
  return (await evaluate(db, networkId, ids, false)).all;
}

/** The network's distribution lists by name (for other modules' pickers). */
export async function listNames(db: Db, networkId: string) {
  return (await repo.listsOf(db, networkId)).map((l) => ({ id: l.id, name: l.name }));
}
