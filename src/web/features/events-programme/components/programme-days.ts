import type { Programme } from '../../../../contracts/events-programme';
import { berlinDay, berlinTime } from '../api';

/** The days an event spans (Berlin days): over several, slots name their day and forms ask for it. */
export function daysOf(p: Programme): string[] {
  const days: string[] = [];
  for (let at = new Date(p.startsAt); at <= new Date(p.endsAt); at = new Date(at.getTime() + 86400000)) {
    const d = berlinDay(at.toISOString());
    if (!days.includes(d)) days.push(d);
  }
  const last = berlinDay(p.endsAt);
  if (!days.includes(last)) days.push(last);
  return days;
}

/** "9:00": a time of the programme, Berlin wall-clock, without a leading zero. */
export const time = (iso: string) => berlinTime(iso).replace(/^0(\d)/, '$1');
