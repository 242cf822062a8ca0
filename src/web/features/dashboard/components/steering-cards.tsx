import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { meetingsQuery } from '../api';

/** The next three meetings that still take place, each linked to its page. */
export function NextMeetingsCard({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const meetings = useQuery(meetingsQuery(networkId));
  const now = new Date().toISOString();
  const next = (meetings.data ?? [])
    .filter((m) => m.status !== 'cancelled' && m.endsAt >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, 3);
  return (
    <article className="kern-card" aria-labelledby="card-meetings">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 className="kern-title" id="card-meetings">
            {t('start.meetingsTitle')}
          </h2>
        </header>
        <div className="kern-card__body">
          <ErrorAlert error={meetings.error} />
          {meetings.isPending ? null : next.length === 0 ? (
            <p className="kern-body">{t('start.meetingsNone')}</p>
          ) : (
            <ul className="bn-card-list">
              {next.map((m) => (
                <li key={m.id} className="kern-body">
                  <Link
                    to="/n/$networkId/lenkungskreis/sitzungen/$meetingId"
                    params={{ networkId, meetingId: m.id }}
                    className="kern-link"
                  >
                    {m.title}
                  </Link>{' '}
                  <span className="bn-muted">
                    ({t('start.meetingWhen', { date: formatDateTime(m.startsAt) })})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <footer className="kern-card__footer">
          <Link to="/n/$networkId/lenkungskreis/sitzungen" params={{ networkId }} className="kern-link">
            {t('start.meetingsOpen')}
          </Link>
        </footer>
      </div>
    </article>
  );
}
