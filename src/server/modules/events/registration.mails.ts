import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { berlinWallClock } from '../../lib/berlin-time.js';
import { formatDateTime, formatMeetingTime } from '../../lib/format.js';

/*
 * The texts and the calendar file of the registration mails (built here, queued by the service). They
 * name places but not waiting positions: a position in a mail is stale with the next cancellation, the
 * personal registration page shows the current one.
 */

export type MailKind = 'confirmed' | 'waiting' | 'offer' | 'accepted' | 'cancelled' | 'expired' | 'declined';

type Ev = { id: string; title: string; startsAt: Date; endsAt: Date; venue: string; venueAddress: string };
type Choice = {
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  priority: number;
  status: string;
  /** Set when the choice is on its session's waiting list (not while it waits for the event's place). */
  waitingSince: Date | null;
  offerExpiresAt: Date | null;
};

const choiceLine = (c: Choice) => {
  const state =
    c.status === 'confirmed'
      ? 'Platz bestätigt'
      : c.status === 'offered'
        ? `Platz frei geworden – gültig bis ${formatDateTime(c.offerExpiresAt!)}`
        : c.status === 'waiting'
          ? c.waitingSince
            ? 'Warteliste'
            : 'wartet auf Ihren Platz für die Veranstaltung'
          : 'abgemeldet';
  return `${c.priority}. Wahl: ${c.title} – ${state}`;
};

export function registrationMail(
  kind: MailKind,
  ctx: {
    event: Ev;
    networkName: string;
    name: string;
    offerExpiresAt: Date | null;
    choices: Choice[];
    offeredSessions: string[];
    link: string;
  },
): { subject: string; text: string } {
  const ev = ctx.event;
  const when = `${formatMeetingTime(ev.startsAt, ev.endsAt)}${ev.venue ? `, ${ev.venue}` : ''}`;
  const subject = {
    confirmed: `Anmeldebestätigung: ${ev.title}`,
    waiting: `Warteliste: ${ev.title}`,
    offer: `Ein Platz ist frei geworden: ${ev.title}`,
    accepted: `Platz bestätigt: ${ev.title}`,
    cancelled: `Abmeldung bestätigt: ${ev.title}`,
    expired: `Angebot abgelaufen: ${ev.title}`,
    declined: `Angebot abgelehnt: ${ev.title}`,
  }[kind];
  const lines = [`Guten Tag ${ctx.name},`, ''];
  if (kind === 'confirmed')
    lines.push(
      `vielen Dank für Ihre Anmeldung zur Veranstaltung „${ev.title}“ (${when}).`,
      '',
      'Ihr Platz ist bestätigt.',
    );
  if (kind === 'waiting')
    lines.push(
      `vielen Dank für Ihre Anmeldung zur Veranstaltung „${ev.title}“ (${when}).`,
      '',
      'Die Veranstaltung ist ausgebucht: Sie stehen auf der Warteliste. Wird ein Platz frei, bieten wir ihn Ihnen per E-Mail an. Ihren aktuellen Platz auf der Warteliste sehen Sie auf Ihrer persönlichen Anmeldeseite.',
    );
  if (kind === 'offer') {
    const what =
      ctx.offeredSessions.length > 0
        ? `Für „${ctx.offeredSessions.join('“, „')}“ ist ein Platz frei geworden`
        : `Für die Veranstaltung „${ev.title}“ (${when}) ist ein Platz frei geworden`;
    lines.push(
      `${what} – gültig bis ${formatDateTime(ctx.offerExpiresAt!)}.`,
      '',
      'Bitte nehmen Sie den Platz auf Ihrer persönlichen Anmeldeseite an oder sagen Sie ab. Danach geht er an die nächste Person auf der Warteliste.',
    );
  }
  if (kind === 'accepted') lines.push(`Ihr Platz bei „${ev.title}“ (${when}) ist bestätigt.`);
  if (kind === 'cancelled') lines.push(`Sie sind von der Veranstaltung „${ev.title}“ (${when}) abgemeldet.`);
  if (kind === 'expired')
    lines.push(
      `Das Angebot eines Platzes bei „${ev.title}“ ist abgelaufen; der Platz geht an die nächste Person.`,
    );
  if (kind === 'declined') lines.push(`Sie haben den angebotenen Platz bei „${ev.title}“ abgelehnt.`);
  const live = ctx.choices.filter((c) => c.status !== 'cancelled');
  if (kind !== 'cancelled' && live.length > 0) lines.push('', 'Ihre Programmwahl:', ...live.map(choiceLine));
  lines.push(
    '',
    kind === 'cancelled'
      ? 'Ihre Anmeldeseite:'
      : 'Ihre persönliche Anmeldeseite (Programmwahl ändern, abmelden, QR-Code für den Einlass):',
    ctx.link,
    '',
    'Mit freundlichen Grüßen',
    `Regionales Bildungsbüro – ${ctx.networkName}`,
  );
  return { subject, text: lines.join('\n') };
}

/** The event and the confirmed sessions as an iCalendar file (Europe/Berlin with its VTIMEZONE). */
export function registrationCalendar(
  registrationId: string,
  ev: Ev,
  sessions: Array<{ id: string; title: string; startsAt: Date; endsAt: Date }>,
  organizer: { name: string; email: string },
): string {
  const cal = ical({
    prodId: { company: 'bildungsnetz', product: 'Bildungsnetz', language: 'DE' },
    name: ev.title,
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: 'Europe/Berlin', generator: getVtimezoneComponent },
  });
  const location = [ev.venue, ev.venueAddress].filter(Boolean).join(', ') || null;
  cal.createEvent({
    id: `registration-${registrationId}@bildungsnetz`,
    start: berlinWallClock(ev.startsAt),
    end: berlinWallClock(ev.endsAt),
    timezone: 'Europe/Berlin',
    summary: ev.title,
    location,
    status: ICalEventStatus.CONFIRMED,
    organizer,
  });
  for (const s of sessions)
    cal.createEvent({
      id: `registration-${registrationId}-${s.id}@bildungsnetz`,
      start: berlinWallClock(s.startsAt),
      end: berlinWallClock(s.endsAt),
      timezone: 'Europe/Berlin',
      summary: `${s.title} (${ev.title})`,
      location,
      status: ICalEventStatus.CONFIRMED,
      organizer,
    });
  return cal.toString();
}
