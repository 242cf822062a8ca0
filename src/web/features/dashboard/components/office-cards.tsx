import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OfficeWork } from '../../../../contracts/dashboard';
import { MeetingStateBadge } from '../../../components/meeting-state-badge';
import { formatDateTime } from '../../../lib/format';
import { StartCard } from './start-card';

const meetingLink = '/n/$networkId/lenkungskreis/sitzungen/$meetingId' as const;

/** A meeting in a card's list: its title as the link to its page, and when it takes place. */
function MeetingLink({
  networkId,
  meeting,
}: {
  networkId: string;
  meeting: { id: string; title: string; startsAt: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={meetingLink} params={{ networkId, meetingId: meeting.id }} className="kern-link">
        {meeting.title}
      </Link>{' '}
      <span className="bn-muted">({t('start.meetingWhen', { date: formatDateTime(meeting.startsAt) })})</span>
    </>
  );
}

/** The office's errands: meetings to prepare and follow up, missing replies, deadlines, failed mails. */
export function OfficeCards({ networkId, work }: { networkId: string; work: OfficeWork }) {
  const { t } = useTranslation();
  return (
    <>
      <StartCard id="card-prepare" title={t('start.prepareTitle')}>
        {work.toPrepare.length === 0 ? (
          <p className="kern-body">{t('start.prepareNone')}</p>
        ) : (
          <ul className="bn-card-list">
            {work.toPrepare.map((m) => (
              <li key={m.id} className="kern-body">
                <MeetingLink networkId={networkId} meeting={m} />
                <br />
                {[
                  m.items === 0 ? t('start.prepareNoAgenda') : null,
                  m.status === 'planned' ? t('start.prepareNotInvited') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        )}
      </StartCard>
      <StartCard id="card-replies-missing" title={t('start.repliesMissingTitle')}>
        {work.repliesMissing.length === 0 ? (
          <p className="kern-body">{t('start.repliesMissingNone')}</p>
        ) : (
          <ul className="bn-card-list">
            {work.repliesMissing.map((m) => (
              <li key={m.id} className="kern-body">
                <MeetingLink networkId={networkId} meeting={m} />
                <br />
                {t('start.repliesMissing', { count: m.missing, invited: m.invited })}
              </li>
            ))}
          </ul>
        )}
      </StartCard>
      <StartCard id="card-follow-up" title={t('start.followUpTitle')}>
        {work.toFollowUp.length === 0 ? (
          <p className="kern-body">{t('start.followUpNone')}</p>
        ) : (
          <ul className="bn-card-list bn-card-list--plain">
            {work.toFollowUp.map((m) => (
              <li key={m.id} className="kern-body">
                <Link to={meetingLink} params={{ networkId, meetingId: m.id }} className="kern-link">
                  {m.title}
                </Link>
                <br />
                <MeetingStateBadge meeting={m} />
              </li>
            ))}
          </ul>
        )}
      </StartCard>
      <StartCard
        id="card-procedures"
        title={t('start.proceduresTitle')}
        footer={
          <Link to="/n/$networkId/lenkungskreis/umlaufverfahren" params={{ networkId }} className="kern-link">
            {t('start.proceduresOpen')}
          </Link>
        }
      >
        {work.proceduresClosing.length === 0 ? (
          <p className="kern-body">{t('start.proceduresNone')}</p>
        ) : (
          <ul className="bn-card-list">
            {work.proceduresClosing.map((p) => (
              <li key={p.id} className="kern-body">
                <Link
                  to="/n/$networkId/lenkungskreis/umlaufverfahren/$procedureId"
                  params={{ networkId, procedureId: p.id }}
                  className="kern-link"
                >
                  {p.title}
                </Link>
                <br />
                <span className="bn-muted">
                  {t('start.procedureDue', {
                    date: formatDateTime(p.deadline),
                    answered: p.answered,
                    count: p.total,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </StartCard>
      <StartCard
        id="card-outbox"
        title={t('start.outboxTitle')}
        footer={
          <Link to="/n/$networkId/verwaltung/postausgang" params={{ networkId }} className="kern-link">
            {t('start.outboxOpen')}
          </Link>
        }
      >
        <p className="kern-body">
          {work.mailsFailed === 0
            ? t('start.outboxNoneFailed')
            : t('start.outboxFailed', { count: work.mailsFailed })}
        </p>
      </StartCard>
    </>
  );
}
