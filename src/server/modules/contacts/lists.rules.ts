import type { ListExclusionReason, ListFilter } from '../../../contracts/contacts.js';
import { secondaryOneSchoolTypes } from '../../../contracts/contacts.js';
import { fold } from './fold.rules.js';

/*
 * Distribution lists, the pure part: which filter is meaningful, who of a list gets its mail and why
 * not, the mail's withdrawal footer and the CSV export.
 */

const uniq = <T>(xs: readonly T[] | undefined): T[] | undefined => {
  if (!xs || xs.length === 0) return undefined;
  return [...new Set(xs)];
};

/**
 * The filter as stored: empty conditions dropped, values de-duplicated, functions and topics trimmed
 * and kept as typed (they are compared folded). `multiplierOnly: false` means "no condition".
 */
export function normalizeFilter(f: ListFilter): ListFilter {
  const words = (xs: string[] | undefined) =>
    uniq(xs?.map((s) => s.trim()).filter((s) => fold(s).length > 0));
  const out: ListFilter = {
    institutionTypes: uniq(f.institutionTypes),
    schoolTypes: uniq(f.schoolTypes),
    municipalityIds: uniq(f.municipalityIds),
    functions: words(f.functions),
    fieldIds: uniq(f.fieldIds),
    multiplierOnly: f.multiplierOnly ? true : undefined,
    multiplierTopics: words(f.multiplierTopics),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ListFilter;
}

export const hasCondition = (f: ListFilter) => Object.keys(normalizeFilter(f)).length > 0;

/**
 * A dynamic list's filter as stored. A filter without any condition selects nobody (never the whole
 * address book): a new dynamic list starts empty until its conditions are chosen.
 */
export const dynamicFilter = (f: ListFilter | null | undefined): ListFilter => normalizeFilter(f ?? {});

/** "Sek I" shortcut: all its school types chosen. */
export const isSecondaryOne = (schoolTypes: readonly string[] | undefined) =>
  !!schoolTypes && secondaryOneSchoolTypes.every((t) => schoolTypes.includes(t));

/** The state of a person's 'mailing' consent: their latest record decides. */
export type ConsentState = 'given' | 'withdrawn' | 'none';

export function consentStateOf(
  consents: ReadonlyArray<{ givenAt: Date; withdrawnAt: Date | null; createdAt?: Date }>,
): ConsentState {
  if (consents.length === 0) return 'none';
  const latest = [...consents].sort(
    (a, b) =>
      b.givenAt.getTime() - a.givenAt.getTime() ||
      (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0),
  )[0]!;
  return latest.withdrawnAt ? 'withdrawn' : 'given';
}

export type Recipient = {
  email: string | null;
  erasedAt: Date | null;
  mergedInto: string | null;
  consent: ConsentState;
};

/**
 * Why a person on a list gets no mail from it, or null when they get it. In this order: erased or
 * merged records; no address; a withdrawn mailing consent (an objection: every list); lists that need
 * consent without a current one.
 */
export function exclusionReason(p: Recipient, needsConsent: boolean): ListExclusionReason | null {
  if (p.erasedAt || p.mergedInto) return 'erased';
  if (!p.email || p.email.trim() === '') return 'no_email';
  if (p.consent === 'withdrawn') return 'consent_withdrawn';
  if (needsConsent && p.consent !== 'given') return 'no_consent';
  return null;
}

/** The display name of a person: title, first and last name. */
export const personName = (p: { title: string; firstName: string; lastName: string }) =>
  [p.title, p.firstName, p.lastName]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');

/** Sorting people as an office reads a list: last name, then first name, umlauts folded. */
export const byName = (
  a: { lastName: string; firstName: string },
  b: { lastName: string; firstName: string },
) => fold(a.lastName).localeCompare(fold(b.lastName)) || fold(a.firstName).localeCompare(fold(b.firstName));

/** The mail text of a list mail: the office's text, then the personal link to unsubscribe. */
export const listMailText = (text: string, salutation: string, link: string) =>
  `${salutation}\n\n${text.trim()}\n\n-- \nSie erhalten diese E-Mail über einen Verteiler des Bildungsnetzwerks.\nKeine weiteren E-Mails: ${link}\n`;

/** A polite German salutation line from the person's record. */
export function salutationLine(p: {
  salutation: string;
  title: string;
  firstName: string;
  lastName: string;
}): string {
  const title = p.title.trim() ? `${p.title.trim()} ` : '';
  if (p.salutation === 'Frau') return `Sehr geehrte Frau ${title}${p.lastName},`;
  if (p.salutation === 'Herr') return `Sehr geehrter Herr ${title}${p.lastName},`;
  const full = personName(p);
  return full ? `Guten Tag ${full},` : 'Guten Tag,';
}
