import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading, Page } from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { useActiveNetwork, useCan, useMe } from '../../../lib/session';
import { dashboardQuery, recentFilesQuery } from '../api';
import { EventStepsCard } from './event-steps-card';
import { MemberCards } from './member-cards';
import { OfficeCards } from './office-cards';
import { OpenQuestionsCard } from './open-questions-card';
import { StartCard } from './start-card';
import { NextMeetingsCard } from './steering-cards';
import { WorkCard } from './work-card';

/**
 * Start: what needs the person now, as cards in one grid, each linking to where it is done. Further
 * cards (e.g. open questions on agenda items) are one line each in the grid.
 */
export function StartPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const network = useActiveNetwork();
  const can = useCan();
  const work = useQuery(dashboardQuery(networkId));
  const files = useQuery({ ...recentFilesQuery(networkId), enabled: can('files.read') });
  if (!me || !network) return null;

  const recent = [...(files.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 5);
  const member = work.data?.member ?? null;
  const office = work.data?.office ?? null;

  return (
    <Page
      title={t('start.title')}
      intro={
        <>
          <strong>{t('start.greeting', { name: me.user.name })}.</strong>{' '}
          {t('start.yourRole', { network: network.name, role: t(`roles.${network.role}`) })}
        </>
      }
    >
      <ErrorAlert error={work.error} />
      {work.isPending ? <Loading /> : null}
      <div className="bn-card-grid">
        {can('work.manage') ? <WorkCard networkId={networkId} /> : null}
        {work.data?.eventSteps ? <EventStepsCard networkId={networkId} steps={work.data.eventSteps} /> : null}
        {office ? <OfficeCards networkId={networkId} work={office} /> : null}
        {member ? <MemberCards networkId={networkId} work={member} onlyOpen={office !== null} /> : null}
        {can('steering.manage') ? <OpenQuestionsCard networkId={networkId} /> : null}
        {!member && !work.isPending && can('meetings.read') ? (
          <NextMeetingsCard networkId={networkId} />
        ) : null}
        {can('files.read') ? (
          <StartCard
            id="card-files"
            title={t('start.filesTitle')}
            footer={
              <Link to="/n/$networkId/dokumente" params={{ networkId }} className="kern-link">
                {t('start.filesOpen')}
              </Link>
            }
          >
            <ErrorAlert error={files.error} />
            {recent.length === 0 ? (
              <p className="kern-body">{t('start.filesNone')}</p>
            ) : (
              <ul className="bn-card-list">
                {recent.map((f) => (
                  <li key={f.id} className="kern-body">
                    <a
                      className="kern-link"
                      href={`/api/networks/${networkId}/files/${f.id}/content`}
                      download
                    >
                      {f.name}
                    </a>{' '}
                    <span className="bn-muted">({formatDateTime(f.createdAt)})</span>
                  </li>
                ))}
              </ul>
            )}
          </StartCard>
        ) : null}
        {can('members.manage') ? (
          <StartCard
            id="card-team"
            title={t('start.membersTitle')}
            footer={
              <Link to="/n/$networkId/verwaltung/benutzer" params={{ networkId }} className="kern-link">
                {t('start.membersOpen')}
              </Link>
            }
          >
            <p className="kern-body">{t('start.membersText')}</p>
          </StartCard>
        ) : null}
      </div>
    </Page>
  );
}
