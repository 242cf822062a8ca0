import { formatDate, formatTime } from '../../../lib/format';

const weekdayShort = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'short' });

/** "Do., 25.02.2027, 9:00–16:00 Uhr"; over several days "Do., 25.02.2027, 9:00 Uhr – Fr., 26.02.2027, 13:00 Uhr". */
export function eventWhen(startIso: string, endIso: string): string {
  // "Do.": some ICU versions give the short weekday without its period.
  const day = (iso: string) =>
    `${weekdayShort.format(new Date(iso)).replace(/\.?$/, '.')}, ${formatDate(iso)}`;
  const time = (iso: string) => formatTime(iso).replace(/^0(\d)/, '$1');
  if (formatDate(startIso) === formatDate(endIso))
    return `${day(startIso)}, ${time(startIso)}–${time(endIso)} Uhr`;
  return `${day(startIso)}, ${time(startIso)} Uhr – ${day(endIso)}, ${time(endIso)} Uhr`;
}

export const statusKind = {
  planned: 'info',
  announced: 'info',
  registration_open: 'success',
  closed: 'warning',
  held: 'info',
  documented: 'success',
} as const;
