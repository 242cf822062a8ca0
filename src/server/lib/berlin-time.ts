import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

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

/**
 * Wall-clock times in Berlin as typed → the instants, converted by the database exactly like
 * `berlinInstant`, for use cases that compare the times before they write (a session inside its event,
 * bookings that must not overlap). An absent time stays absent.
 */
export async function berlinInstants<T extends readonly (string | undefined)[]>(
  db: Db,
  locals: T,
): Promise<{ [K in keyof T]: T[K] extends string ? Date : Date | undefined }> {
  const given = locals.flatMap((l, i) => (l === undefined ? [] : [{ l, i }]));
  const out: (Date | undefined)[] = locals.map(() => undefined);
  if (given.length > 0) {
    const cols = given.map(
      ({ l, i }) => sql`(extract(epoch from ${berlinInstant(l)}) * 1000)::float8 as ${sql.raw(`t${i}`)}`,
    );
    const res = (await db.execute(sql`select ${sql.join(cols, sql`, `)}`)) as unknown as {
      rows: Record<string, unknown>[];
    };
    for (const { i } of given) out[i] = new Date(Number(res.rows[0]![`t${i}`]));
  }
  return out as { [K in keyof T]: T[K] extends string ? Date : Date | undefined };
}

/** Start of a Berlin calendar day (YYYY-MM-DD) as an instant, in SQL. */
export const berlinDayStart = (day: string): SQL =>
  sql`(${day}::date)::timestamp AT TIME ZONE 'Europe/Berlin'`;

/** Start of the Berlin calendar day after `day`, in SQL: the exclusive end of a day range. */
export const berlinDayEnd = (day: string): SQL =>
  sql`((${day}::date) + 1)::timestamp AT TIME ZONE 'Europe/Berlin'`;
