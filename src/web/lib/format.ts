const dateTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "26.11.2026, 14:05" in Europe/Berlin, whatever the browser's zone. */
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '–';
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(iso)) : '–');

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
