import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { berlinWallClock } from '../../lib/berlin-time.js';
import type { Deps } from '../../lib/context.js';
import { publicEventRows } from './planning.service.js';

/** The calendar feed of a network's public events (Europe/Berlin, a stable UID per event). */
export async function publicEventsCalendar(deps: Deps, slug: string): Promise<string> {
  const rows = await publicEventRows(deps, slug);
  const cal = ical({
    prodId: { company: 'bildungsnetz', product: 'Bildungsnetz', language: 'DE' },
    name: 'Veranstaltungen',
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: 'Europe/Berlin', generator: getVtimezoneComponent },
  });
  for (const e of rows) {
    cal.createEvent({
      id: `event-${e.id}@bildungsnetz`,
      sequence: e.version,
      start: berlinWallClock(e.startsAt),
      end: berlinWallClock(e.endsAt),
      timezone: 'Europe/Berlin',
      summary: e.title,
      location: [e.venue, e.venueAddress].filter(Boolean).join(', ') || null,
      description: e.description,
      url: `${deps.config.baseUrl}/netzwerk/${slug}/veranstaltungen/${e.id}`,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
