import { getHolidays } from 'feiertagejs';

/**
 * Working days of a network's office in North Rhine-Westphalia: Monday to Friday except the public
 * holidays of NRW (feiertagejs, region NW: e.g. Fronleichnam and Allerheiligen are holidays there,
 * Buß- und Bettag is not). Default deadlines land on a working day, so nobody is asked to answer by a
 * Sunday or by Christmas (issue 8, point 3). Shared by the server and the web app: the form proposes
 * the same day the server would. Days are calendar days 'YYYY-MM-DD'.
 */
const holidaysByYear = new Map<number, ReadonlySet<string>>();

function holidaysOf(year: number): ReadonlySet<string> {
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Set(getHolidays(year, 'NW').map((h) => h.dateString));
    holidaysByYear.set(year, set);
  }
  return set;
}

const parts = (day: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a calendar day: ${day}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
};

/** The calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const { y, m, d } = parts(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Monday to Friday and not a public holiday in NRW. */
export function isWorkingDay(day: string): boolean {
  const { y, m, d } = parts(day);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaysOf(y).has(day);
}

/** `day` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(day: string): string {
  let next = day;
  while (!isWorkingDay(next)) next = addDays(next, 1);
  return next;
}

/**
 * The default deadline `days` calendar days after `today`, moved to the next working day, at noon Berlin
 * wall-clock time, in the form the API reads ('YYYY-MM-DDTHH:mm'): written procedures, replies.
 */
export function defaultDeadline(today: string, days = 10, time = '12:00'): string {
  return `${nextWorkingDay(addDays(today, days))}T${time}`;
}
