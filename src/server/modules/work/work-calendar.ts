import ical, { ICalCalendarMethod } from 'ical-generator';

export type DueDate = { uid: string; day: string; summary: string; description: string; url: string };

/**
 * The desk's calendar feed: one all-day event per due date (an order's due day or report day, a task's
 * due day, a project's report day). UIDs are stable, so a calendar updates an event instead of adding
 * it again when its day moves.
 */
export function dueDatesCalendar(name: string, dates: DueDate[]): string {
  const cal = ical({
    prodId: { company: 'bildungsnetz', product: 'Bildungsnetz', language: 'DE' },
    name,
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const d of dates) {
    const start = new Date(`${d.day}T00:00:00Z`);
    const end = new Date(start.getTime() + 24 * 3600 * 1000);
    cal.createEvent({
      id: d.uid,
      start,
      end,
      allDay: true,
      summary: d.summary,
      description: d.description,
      url: d.url,
    });
  }
  return cal.toString();
}
