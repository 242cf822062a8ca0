import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Page } from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { useActiveNetwork, useCan, useMe } from '../../../lib/session';
import { outboxSummaryQuery, recentFilesQuery } from '../api';
import { OpenQuestionsCard } from './open-questions-card';
import { NextMeetingsCard, OpenProceduresCard } from './steering-cards';

export function StartPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const network = useActiveNetwork();
  const can = useCan();
  const outbox = useQuery({ ...outboxSummaryQuery(networkId), enabled: can('outbox.read') });
  const files = useQuery({ ...recentFilesQuery(networkId), enabled: can('files.read') });
  if (!me || !network) return null;

  const pending = outbox.data?.items.filter((m) => m.status === 'pending').length ?? 0;
  const failed = outbox.data?.items.filter((m) => m.status === 'failed').length ?? 0;
  const recent = [...(files.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 5);

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
      <div className="bn-card-grid">
        {can('meetings.read') ? <NextMeetingsCard networkId={networkId} /> : null}
        {can('steering.manage') ? <OpenProceduresCard networkId={networkId} /> : null}
        {can('steering.manage') ? <OpenQuestionsCard networkId={networkId} /> : null}
        {can('outbox.read') ? (
          <article className="kern-card" aria-labelledby="card-outbox">
            <div className="kern-card__container">
              <header className="kern-card__header">
                <h2 className="kern-title" id="card-outbox">
                  {t('start.outboxTitle')}
                </h2>
              </header>
              <div className="kern-card__body">
                <ErrorAlert error={outbox.error} />
                <p className="bn-big-number" aria-hidden="true">
                  {pending}
                </p>
                <p className="kern-body">{t('start.outboxPending', { count: pending })}</p>
                {failed > 0 ? (
                  <p className="kern-body">{t('start.outboxFailed', { count: failed })}</p>
                ) : null}
              </div>
              <footer className="kern-card__footer">
                <Link to="/n/$networkId/verwaltung/postausgang" params={{ networkId }} className="kern-link">
                  {t('start.outboxOpen')}
                </Link>
              </footer>
            </div>
          </article>
        ) : null}
        {can('files.read') ? (
          <article className="kern-card" aria-labelledby="card-files">
            <div className="kern-card__container">
              <header className="kern-card__header">
                <h2 className="kern-title" id="card-files">
                  {t('start.filesTitle')}
                </h2>
              </header>
              <div className="kern-card__body">
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
              </div>
              <footer className="kern-card__footer">
                <Link to="/n/$networkId/dokumente" params={{ networkId }} className="kern-link">
                  {t('start.filesOpen')}
                </Link>
              </footer>
            </div>
          </article>
        ) : null}
        {can('members.manage') ? (
          <article className="kern-card" aria-labelledby="card-team">
            <div className="kern-card__container">
              <header className="kern-card__header">
                <h2 className="kern-title" id="card-team">
                  {t('start.membersTitle')}
                </h2>
              </header>
              <div className="kern-card__body">
                <p className="kern-body">{t('start.membersText')}</p>
              </div>
              <footer className="kern-card__footer">
                <Link to="/n/$networkId/verwaltung/benutzer" params={{ networkId }} className="kern-link">
                  {t('start.membersOpen')}
                </Link>
              </footer>
            </div>
          </article>
        ) : null}
        <article className="kern-card kern-card--surface" aria-labelledby="card-next">
          <div className="kern-card__container">
            <header className="kern-card__header">
              <h2 className="kern-title" id="card-next">
                {t('start.nextTitle')}
              </h2>
            </header>
            <div className="kern-card__body">
              <p className="kern-body">{t('start.nextText')}</p>
            </div>
          </div>
        </article>
      </div>
    </Page>
  );
}
