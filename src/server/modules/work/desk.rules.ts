import type { DeskBucket } from '../../../contracts/work-desk.js';

/*
 * The desk's pure rules: where an item stands against today, and what a reminder mail lists.
 * Days are ISO dates (YYYY-MM-DD) in Europe/Berlin; comparing them as strings compares the days.
 */

/** How many days ahead a reminder mail looks (the issue: "before due dates"). */
export const REMINDER_DAYS_AHEAD = 7;

/**
 * Overdue when the due day has passed; due this month when it falls between today and the end of the
 * current month; later otherwise, and always when there is no due day.
 */
export function bucketOf(dueOn: string | null, today: string): DeskBucket {
  if (dueOn === null) return 'later';
  if (dueOn < today) return 'overdue';
  if (dueOn.slice(0, 7) === today.slice(0, 7)) return 'this_month';
  return 'later';
}

/** The day `days` after `day` (calendar arithmetic, no time of day involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An item belongs in a reminder mail when it is overdue or due within the next `days` days. */
export const dueForReminder = (dueOn: string | null, today: string, days = REMINDER_DAYS_AHEAD) =>
  dueOn !== null && dueOn <= addDays(today, days);

const bucketRank: Record<DeskBucket, number> = { overdue: 0, this_month: 1, later: 2 };

/** Overdue first, then by due day (no due day last), then by title. */
export function deskOrder<T extends { bucket: DeskBucket; dueOn: string | null; title: string }>(
  a: T,
  b: T,
): number {
  return (
    bucketRank[a.bucket] - bucketRank[b.bucket] ||
    (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
    a.title.localeCompare(b.title, 'de')
  );
}

/** The hour (Berlin) from which the daily reminder goes out: in the morning, not at midnight. */
export const REMINDER_FROM_HOUR = 6;

/** Whether the scheduled job may send today's reminders at this Berlin wall-clock time ("YYYY-MM-DDTHH:mm:ss"). */
export const reminderHourReached = (berlinWallClock: string) =>
  Number(berlinWallClock.slice(11, 13)) >= REMINDER_FROM_HOUR;
