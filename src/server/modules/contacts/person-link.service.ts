import type { Db } from '../../db/client.js';
import * as repo from './people.repository.js';
import { splitName } from './people.rules.js';
import { insertPerson } from './records.service.js';

/**
 * The person of the address book a committee member or guest is: found by e-mail (else, without an
 * e-mail, by the same name), or a new person with the given source. One record each, never a copy.
 * Runs inside the caller's transaction; returns the person's id.
 */
export async function linkPerson(
  tx: Db,
  networkId: string,
  input: { name: string; email: string | null; source: 'committee' | 'guest'; userId?: string | null },
): Promise<string> {
  const found = input.email
    ? await repo.personByEmail(tx, networkId, input.email)
    : await repo.personByNameWithoutEmail(tx, networkId, input.name);
  if (found) return found.id;
  const p = await insertPerson(tx, {
    networkId,
    ...splitName(input.name),
    email: input.email,
    legalBasis: 'public_task',
    source: { kind: input.source },
    userId: input.userId ?? null,
  });
  return p.id;
}

/**
 * The person of an office account (staff are people of the address book too): found by account or
 * e-mail, else a new person with source account. For the demo and for accounts made after migration 0022.
 */
export async function linkAccountPerson(
  tx: Db,
  networkId: string,
  account: { userId: string; name: string; email: string },
): Promise<string> {
  const found = await repo.personByEmail(tx, networkId, account.email);
  if (found) {
    if (!found.userId) await repo.setPersonUser(tx, found.id, account.userId);
    return found.id;
  }
  const p = await insertPerson(tx, {
    networkId,
    ...splitName(account.name),
    email: account.email.toLowerCase(),
    legalBasis: 'public_task',
    source: { kind: 'account' },
    userId: account.userId,
  });
  return p.id;
}

/**
 * The display names of people of the network by id ("Dr. Anna Beispiel"), for other modules that show
 * people they point at (the events programme's speakers). Ids of another network are simply absent.
 */
export async function personNames(db: Db, networkId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await repo.namesOfPeople(db, networkId, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [r.id, [r.title, r.firstName, r.lastName].filter((s) => s?.trim()).join(' ')]),
  );
}
