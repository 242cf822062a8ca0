import type { RetentionRecordType } from '../../../contracts/contacts-privacy.js';

/* Pure rules of the privacy part: consent state, retention periods, redaction of text. */

/** What an erased person's record and every copy of their name shows instead. */
export const ERASED_NAME = 'Gelöschte Person';
/** What replaces a name or address in mails and audit entries. */
export const REDACTED = '[gelöscht]';
/** The text version recorded for an objection through the link when no consent was on file. */
export const OBJECTION_TEXT_VERSION = 'Widerspruch über persönlichen Link';

/**
 * Default retention periods in months (the office may change them per network): people without any
 * activity 36 months (three years, the usual limitation period, § 195 BGB); people who withdrew
 * their consent for mailings 6 months (evidence of the withdrawal, then nothing to keep); outbox mails
 * 12 months; import files with their rows 12 months.
 */
export const defaultRetentionMonths: Record<RetentionRecordType, number> = {
  inactive_person: 36,
  withdrawn_person: 6,
  outbox_mail: 12,
  contact_import: 12,
};

export type ConsentRow = { purpose: string; givenAt: Date; withdrawnAt: Date | null; createdAt: Date };

/**
 * The state of a purpose's consent: the latest row decides (a consent given again after a withdrawal
 * is a new row). 'none' when nothing was ever recorded.
 */
export function consentState(rows: ConsentRow[], purpose: string): 'given' | 'withdrawn' | 'none' {
  const latest = rows
    .filter((r) => r.purpose === purpose)
    .sort(
      (a, b) => b.givenAt.getTime() - a.givenAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime(),
    )[0];
  if (!latest) return 'none';
  return latest.withdrawnAt ? 'withdrawn' : 'given';
}

/** The instant `months` calendar months before `now` (the cut-off for a retention period). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** The strings to take out of text: longest first (a full name before its last name), no blanks. */
export function secretsOf(values: Array<string | null | undefined>): string[] {
  const set = new Set<string>();
  for (const v of values) {
    const s = v?.trim();
    if (s && s.length >= 3) set.add(s);
  }
  return [...set].sort((a, b) => b.length - a.length);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every occurrence of the secrets (case-insensitive) by "[gelöscht]". */
export function redactText(text: string, secrets: string[]): string {
  if (secrets.length === 0) return text;
  const re = new RegExp(secrets.map(escapeRe).join('|'), 'giu');
  return text.replace(re, REDACTED);
}

/** redactText through a JSON value: every string, and object keys stay. */
export function redactValue(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets)]));
  }
  return value;
}

/** Keys of a person's own record in audit entries about it: their values go whatever they are. */
const PERSONAL_KEYS = /^(firstName|lastName|name|title|email|phone|notes|toAddress|toName|salutation)$/;

/** For entries about the erased person's own records: personal fields emptied outright. */
export function redactOwnRecord(value: unknown, secrets: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => redactOwnRecord(v, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        PERSONAL_KEYS.test(k) && v !== null && v !== '' ? REDACTED : redactOwnRecord(v, secrets),
      ]),
    );
  }
  return redactValue(value, secrets);
}
