import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { berlinWallClock } from '../../lib/berlin-time.js';

export type CalendarMeeting = {
  uid: string;
  sequence: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  onlineUrl: string | null;
  cancelled: boolean;
  description: string;
};

/**
 * iCalendar for Outlook and other clients: Europe/Berlin with its VTIMEZONE, a stable UID per meeting
 * and a SEQUENCE that grows with every update, METHOD REQUEST for invitations and updates, CANCEL for
 * cancellations, PUBLISH for subscriptions.
 */
export function meetingCalendar(
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH',
  meetings: CalendarMeeting[],
  opts: {
    organizer: { name: string; email: string };
    attendee?: { name: string; email: string };
    name?: string;
  },
): string {
  const cal = ical({
    prodId: { company: 'bildungsnetz', product: 'Bildungsnetz', language: 'DE' },
    name: opts.name ?? 'Lenkungskreis',
    method: ICalCalendarMethod[method],
    timezone: { name: 'Europe/Berlin', generator: getVtimezoneComponent },
  });
  for (const m of meetings) {
    cal.createEvent({
      id: m.uid,
      sequence: m.sequence,
      start: berlinWallClock(m.startsAt),
      end: berlinWallClock(m.endsAt),
      timezone: 'Europe/Berlin',
      summary: m.cancelled ? `Abgesagt: ${m.title}` : m.title,
      location: [m.location, m.onlineUrl].filter(Boolean).join(' · ') || null,
      description: m.description,
      url: m.onlineUrl,
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: opts.organizer,
      attendees: opts.attendee ? [{ ...opts.attendee, rsvp: true }] : [],
    });
  }
  return cal.toString();
}
