/**
 * Dates and times as German readers expect them, in Europe/Berlin, for everything the server writes for
 * people: mails, iCalendar descriptions, agenda and minutes (PDF and Word), pages. One place, so a mail
 * and the minutes say "02.12.2026, 14:00 Uhr" and "von 14:00 bis 16:30 Uhr" alike (issue 8, point 3).
 * Pure: no I/O, usable from rules too. The web app has its twin in src/web/lib/format.ts.
 */
const ZONE = 'Europe/Berlin';

const date = new Intl.DateTimeFormat('de-DE', {
  timeZone: ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const time = new Intl.DateTimeFormat('de-DE', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const weekday = new Intl.DateTimeFormat('de-DE', { timeZone: ZONE, weekday: 'long' });

/** "02.12.2026" */
export const formatDate = (at: Date): string => date.format(at);

/** "14:00" */
export const formatTime = (at: Date): string => time.format(at);

/** "02.12.2026, 14:00 Uhr" */
export const formatDateTime = (at: Date): string => `${formatDate(at)}, ${formatTime(at)} Uhr`;

/** "Mittwoch, 02.12.2026" */
export const formatWeekdayDate = (at: Date): string => `${weekday.format(at)}, ${formatDate(at)}`;

/** "2026-08-01" → "01.08.2026": a calendar day is shown as it is, without any time zone. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : day;
}

/**
 * "von 14:00 bis 16:30 Uhr" within one Berlin day; across days both ends carry their date:
 * "vom 02.12.2026, 14:00 Uhr bis 03.12.2026, 10:00 Uhr".
 */
export function formatTimeRange(start: Date, end: Date): string {
  if (formatDate(start) === formatDate(end)) return `von ${formatTime(start)} bis ${formatTime(end)} Uhr`;
  return `vom ${formatDateTime(start)} bis ${formatDateTime(end)}`;
}

/** When a meeting takes place: "Mittwoch, 02.12.2026, von 14:00 bis 16:30 Uhr". */
export function formatMeetingTime(start: Date, end: Date): string {
  if (formatDate(start) !== formatDate(end)) return formatTimeRange(start, end);
  return `${formatWeekdayDate(start)}, ${formatTimeRange(start, end)}`;
}
