import { type SQL, sql } from 'drizzle-orm';

/**
 * Europe/Berlin is the network's clock: contract days, meeting times, deadlines, the audit filter. Every
 * conversion between an instant and Berlin wall-clock time goes through here, so summer time is handled
 * by one set of rules (the runtime's ICU data for formatting, PostgreSQL's tz data for parsing).
 */
const ZONE = 'Europe/Berlin';

const isoDay = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE });
const wallClockParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The calendar day in Berlin as YYYY-MM-DD ("today" for contracts, terms and decisions). */
export const berlinDay = (at: Date): string => isoDay.format(at);

// Dates and times for people to read (mails, documents) are formatted in ./format.ts.

/**
 * The wall-clock time in Berlin as "YYYY-MM-DDTHH:mm:ss": with a TZID, ical-generator writes a plain
 * Date's UTC fields, so the local time must be handed over already converted.
 */
export function berlinWallClock(at: Date): string {
  const parts = Object.fromEntries(wallClockParts.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * Wall-clock time in Berlin as typed ("2027-03-12T14:00") → the instant, converted by PostgreSQL's time
 * zone rules (an hour that does not exist in spring or exists twice in autumn resolves as PostgreSQL does).
 */
export const berlinInstant = (local: string): SQL =>
  sql`(${local.replace('T', ' ')}::timestamp AT TIME ZONE 'Europe/Berlin')`;

/** Start of a Berlin calendar day (YYYY-MM-DD) as an instant, in SQL. */
export const berlinDayStart = (day: string): SQL =>
  sql`(${day}::date)::timestamp AT TIME ZONE 'Europe/Berlin'`;

/** Start of the Berlin calendar day after `day`, in SQL: the exclusive end of a day range. */
export const berlinDayEnd = (day: string): SQL =>
  sql`((${day}::date) + 1)::timestamp AT TIME ZONE 'Europe/Berlin'`;
