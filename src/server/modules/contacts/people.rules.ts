import type { ConsentState } from '../../../contracts/contacts-people.js';
import { DomainError } from '../../http/errors.js';

/* Pure rules of people and institutions: names, consent state, what a school needs, CSV for Excel. */

const TITLE = /^((?:(?:Prof|Dr|PD)\.(?:\s*[a-z]+\.)*\s+)+)/;

/**
 * A name as committee and guest forms take it ("Dr. Jana Müller-Beispiel") split into title, first and
 * last name: academic titles in front, the last word the last name (as migration 0022 did).
 */
export function splitName(full: string): { title: string; firstName: string; lastName: string } {
  const name = full.trim().replace(/\s+/g, ' ');
  const title = name.match(TITLE)?.[1]?.trim() ?? '';
  const rest = name.slice(name.match(TITLE)?.[1]?.length ?? 0).trim();
  const at = rest.lastIndexOf(' ');
  if (at < 0) return { title, firstName: '', lastName: rest || name };
  return { title, firstName: rest.slice(0, at), lastName: rest.slice(at + 1) };
}

/** "Dr. Jana Müller-Beispiel": title, first and last name as one reads them. */
export const displayName = (p: { title?: string; firstName?: string; lastName: string }) =>
  [p.title, p.firstName, p.lastName].filter((s): s is string => !!s?.trim()).join(' ');

/** The state of the newest `mailing` consent: given and not withdrawn, withdrawn, or none at all. */
export function consentState(consents: Array<{ givenAt: Date; withdrawnAt: Date | null }>): ConsentState {
  if (consents.length === 0) return 'none';
  const newest = [...consents].sort((a, b) => b.givenAt.getTime() - a.givenAt.getTime())[0]!;
  return newest.withdrawnAt ? 'withdrawn' : 'given';
}

/**
 * A school has a school number, a school type and an operator; other institutions have none of these
 * (a Kita's operator is named in the notes). Throws a 400 naming the field.
 */
export function checkInstitution(i: {
  type: string;
  schoolNumber: string | null;
  schoolType: string | null;
  operatorId: string | null;
}): void {
  if (i.type === 'school') {
    if (!i.schoolNumber)
      throw new DomainError(
        'contacts.school_number_missing',
        'Eine Schule braucht ihre sechsstellige Schulnummer.',
        'invalid',
      );
    if (!i.schoolType)
      throw new DomainError('contacts.school_type_missing', 'Bitte wählen Sie die Schulform.', 'invalid');
    return;
  }
  if (i.schoolNumber || i.schoolType)
    throw new DomainError(
      'contacts.not_a_school',
      'Schulnummer und Schulform gibt es nur bei Schulen.',
      'invalid',
    );
}
