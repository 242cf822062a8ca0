import { useTranslation } from 'react-i18next';
import type { EventHead, SessionOption } from '../../../../contracts/events-registration';
import { formatMeetingTime, formatTimeRange } from '../../../lib/format';

/** The event's date, place and (when the programme part shows none) its sessions as a plain list. */
export function EventSummary({ event, sessions }: { event: EventHead; sessions?: SessionOption[] }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="bn-facts">
        <dt className="bn-facts__term">{t('eventsRegistration.when')}</dt>
        <dd className="bn-facts__value">{formatMeetingTime(event.startsAt, event.endsAt)}</dd>
        {event.venue ? (
          <>
            <dt className="bn-facts__term">{t('eventsRegistration.where')}</dt>
            <dd className="bn-facts__value">
              {[event.venue, event.venueAddress].filter(Boolean).join(', ')}
            </dd>
          </>
        ) : null}
      </dl>
      {event.description ? <p className="kern-body">{event.description}</p> : null}
      {sessions && sessions.length > 0 ? (
        <section aria-labelledby="programm">
          <h2 className="kern-heading-medium" id="programm">
            {t('eventsRegistration.programme')}
          </h2>
          <ul className="kern-list">
            {sessions.map((s) => (
              <li key={s.id}>
                {formatTimeRange(s.startsAt, s.endsAt)}: {s.title}
                {s.choosable && s.capacity !== null
                  ? ` – ${s.free === 0 ? t('eventsRegistration.form.full') : t('eventsRegistration.freePlaces', { count: s.free ?? 0 })}`
                  : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
