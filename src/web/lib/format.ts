/**
 * Dates and times as German readers expect them, in Europe/Berlin whatever the browser's zone and
 * language: "02.12.2026, 14:00 Uhr", "von 14:00 bis 16:30 Uhr" (issue 8, point 3). Every page formats
 * through here; the server has its twin for mails and documents (src/server/lib/format.ts).
 */
const ZONE = 'Europe/Berlin';
const dateOnly = new Intl.DateTimeFormat('de-DE', {
  timeZone: ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeOnly = new Intl.DateTimeFormat('de-DE', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const weekday = new Intl.DateTimeFormat('de-DE', { timeZone: ZONE, weekday: 'long' });

/** "02.12.2026" */
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(iso)) : '–');

/** "14:00" */
export const formatTime = (iso: string | null | undefined) => (iso ? timeOnly.format(new Date(iso)) : '–');

/** "02.12.2026, 14:00 Uhr" */
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? `${formatDate(iso)}, ${formatTime(iso)} Uhr` : '–';

/** "Mittwoch, 02.12.2026" */
export const formatWeekdayDate = (iso: string) => `${weekday.format(new Date(iso))}, ${formatDate(iso)}`;

/**
 * "von 14:00 bis 16:30 Uhr" within one Berlin day; across days both ends carry their date:
 * "vom 02.12.2026, 22:00 Uhr bis 03.12.2026, 10:00 Uhr".
 */
export function formatTimeRange(startIso: string, endIso: string): string {
  if (formatDate(startIso) === formatDate(endIso)) {
    return `von ${formatTime(startIso)} bis ${formatTime(endIso)} Uhr`;
  }
  return `vom ${formatDateTime(startIso)} bis ${formatDateTime(endIso)}`;
}

/** When a meeting takes place: "Mittwoch, 02.12.2026, von 14:00 bis 16:30 Uhr". */
export function formatMeetingTime(startIso: string, endIso: string): string {
  if (formatDate(startIso) !== formatDate(endIso)) return formatTimeRange(startIso, endIso);
  return `${formatWeekdayDate(startIso)}, ${formatTimeRange(startIso, endIso)}`;
}

const num = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} Byte`;
  if (n < 1024 * 1024) return `${num.format(n / 1024)} KB`;
  if (n < 1024 * 1024 * 1024) return `${num.format(n / (1024 * 1024))} MB`;
  return `${num.format(n / (1024 * 1024 * 1024))} GB`;
}

/** "2026-08-01" → "01.08.2026": calendar days are shown as they are, without any time zone. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : day;
}

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** Today in Europe/Berlin as YYYY-MM-DD, the form the API expects. */
export const today = () => isoDay.format(new Date());
