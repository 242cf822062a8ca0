import { formatTime } from '../../lib/format.js';

export { matchesWords } from '../../../contracts/search.js';

/*
 * Pure rules of the day of an event: reading the QR code, the order of names, the retention period and
 * the capacity warning for walk-ins.
 */

const LINK_PATH = /\/veranstaltung\/anmeldung\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/;

/**
 * The token in what the scanner typed: the full URL of the personal registration page (what the QR code
 * encodes) or the bare token. Null when it is neither.
 */
export function tokenOfCode(code: string): string | null {
  const s = code.trim();
  const inUrl = LINK_PATH.exec(s);
  if (inUrl) return inUrl[1]!;
  return /^[A-Za-z0-9_-]{16,}$/.test(s) ? s : null;
}

const collator = new Intl.Collator('de-DE', { sensitivity: 'base' });

/** Surname, then first name, in German order (Ä with A). */
export const bySurname = (
  a: { lastName: string; firstName: string },
  b: { lastName: string; firstName: string },
): number => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);

/** "Müller, Anna" – or only the surname when the first name is empty. */
export const listName = (r: { lastName: string; firstName: string }): string =>
  r.firstName ? `${r.lastName}, ${r.firstName}` : r.lastName;

/** "9:12" – the hour without a leading zero, as one says it at the door. */
export const doorTime = (at: Date): string => formatTime(at).replace(/^0(\d)/, '$1');

export const alreadyCheckedIn = (at: Date): string =>
  `Die Person wurde bereits eingelassen um ${doorTime(at)} Uhr.`;

/** The retention period of an event's personal data: months after its end. */
export const DEFAULT_EVENT_RETENTION_MONTHS = 12;

/** The moment from which an event's personal data is due for anonymisation. */
export function retentionDueAt(endsAt: Date, months: number): Date {
  const d = new Date(endsAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  // The 31st of a month without one is the month's last day.
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export const retentionDue = (endsAt: Date, months: number, now: Date): boolean =>
  retentionDueAt(endsAt, months) <= now;

/** The warning when a walk-in takes the event over its places (they are admitted anyway). */
export function capacityWarning(confirmed: number, capacity: number | null): string | null {
  if (capacity === null || confirmed <= capacity) return null;
  return `Die Veranstaltung hat ${capacity} Plätze; mit dieser Person sind ${confirmed} eingelassen oder angemeldet.`;
}
