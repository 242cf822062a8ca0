import type { Db } from '../../db/client.js';
import { fieldNames } from '../contract/contract.service.js';
import { municipalitiesOf } from '../structure/structure.service.js';
import * as repo from './contacts.repository.js';
import type { institution, person } from './contacts.tables.js';
import { searchWords } from './fold.rules.js';

/*
 * Writing people and institutions, and keeping their search words current. Every part (people, import,
 * lists, privacy, the demo) writes through these, so a record is findable right after it is written.
 * The names of municipalities and fields of action come through their modules' faces.
 */

export async function insertInstitution(tx: Db, values: typeof institution.$inferInsert) {
  const row = await repo.insertInstitutionRow(tx, values);
  await refreshInstitutionSearch(tx, [row.id]);
  return row;
}

export async function insertPerson(tx: Db, values: typeof person.$inferInsert) {
  const row = await repo.insertPersonRow(tx, values);
  await refreshPersonSearch(tx, [row.id]);
  return row;
}

/**
 * Rewrites the search words of institutions: name, school number and type, place, municipality and
 * e-mail. Call after every change of an institution. All ids are of one network.
 */
export async function refreshInstitutionSearch(tx: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await repo.institutionsByIds(tx, ids);
  if (rows.length === 0) return;
  const municipalities = new Map((await municipalitiesOf(tx, rows[0]!.networkId)).map((m) => [m.id, m.name]));
  for (const r of rows) {
    const where = r.municipalityId ? municipalities.get(r.municipalityId) : undefined;
    const text = searchWords(r.name, r.schoolNumber, r.schoolType, r.place, where, r.email);
    await repo.setInstitutionSearchText(tx, r.id, text);
  }
}

/**
 * Rewrites the search words of people: names, e-mail, functions and institutions (with their places),
 * fields of action and multiplier topics. Call after every change of a person, of their affiliations
 * or fields, and for an institution's people when it is renamed. Erased people have none. All ids are
 * of one network.
 */
export async function refreshPersonSearch(tx: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const people = await repo.peopleByIds(tx, ids);
  if (people.length === 0) return;
  const places = await repo.placesOfPeople(tx, ids);
  const fields = await repo.fieldIdsOfPeople(tx, ids);
  const names = await fieldNames(
    tx,
    people[0]!.networkId,
    fields.map((f) => f.id),
  );
  for (const p of people) {
    const text = p.erasedAt
      ? ''
      : searchWords(
          p.title,
          p.firstName,
          p.lastName,
          p.email,
          ...places.filter((a) => a.personId === p.id).flatMap((a) => [a.function, a.name, a.place]),
          ...fields.filter((f) => f.personId === p.id).map((f) => names.get(f.id)),
          ...p.multiplierTopics,
        );
    await repo.setPersonSearchText(tx, p.id, text);
  }
}

/**
 * The institutions of a network that point at any of these municipalities, as operator (Schulträger)
 * or as the municipality they are in; archived ones count too. The structure module asks before it
 * removes a municipality, and refreshes their search words after a rename.
 */
export const institutionsInMunicipalities = repo.institutionsInMunicipalities;
