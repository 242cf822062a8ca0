import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PublicEvent } from '../../../../contracts/events-planning';
import { Badge, ErrorAlert, Loading, Page } from '../../../components/ui';
import { publicEventsQuery } from '../api';
import { eventWhen } from './event-when';

/** The network's public events: upcoming with date, place and a link; the past below; the calendar feed. */
export function PublicEventsPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const events = useQuery(publicEventsQuery(slug));
  return (
    <Page title={t('eventsPlanning.publicTitle')} intro={t('eventsPlanning.publicIntro')}>
      <ErrorAlert error={events.error} />
      <p className="kern-body">
        <a className="kern-link" href={`/api/public/networks/${slug}/events.ics`}>
          <span className="kern-icon kern-icon--calendar-today" aria-hidden="true" />
          {t('eventsPlanning.calendarFeed')}
        </a>
      </p>
      {events.isPending ? <Loading /> : null}
      {events.data ? (
        <>
          <section aria-labelledby="upcoming">
            <h2 id="upcoming" className="kern-heading-medium">
              {t('eventsPlanning.upcoming')}
            </h2>
            <EventList slug={slug} list={events.data.upcoming} empty={t('eventsPlanning.noneUpcoming')} />
          </section>
          {events.data.past.length ? (
            <section aria-labelledby="past">
              <h2 id="past" className="kern-heading-medium">
                {t('eventsPlanning.past')}
              </h2>
              <EventList slug={slug} list={events.data.past} empty="" />
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function EventList({ slug, list, empty }: { slug: string; list: PublicEvent[]; empty: string }) {
  const { t } = useTranslation();
  if (list.length === 0) return <p className="kern-body">{empty}</p>;
  return (
    <ul className="bn-event-cards">
      {list.map((e) => (
        <li key={e.id} className="bn-event-card">
          <h3 className="kern-heading-small">
            <Link
              to="/netzwerk/$slug/veranstaltungen/$eventId"
              params={{ slug, eventId: e.id }}
              className="kern-link"
            >
              {e.title}
            </Link>
          </h3>
          <p className="kern-body">
            {eventWhen(e.startsAt, e.endsAt)}
            {e.venue ? (
              <>
                <br />
                {[e.venue, e.venueAddress].filter(Boolean).join(', ')}
              </>
            ) : null}
          </p>
          {e.registrationOpen ? <Badge kind="success">{t('eventsPlanning.registrationOpen')}</Badge> : null}
        </li>
      ))}
    </ul>
  );
}
