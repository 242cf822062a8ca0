import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { openQuestionsQuery } from '../../replies/api';

/** The office's Start: members' questions on coming meetings that still wait for an answer. */
export function OpenQuestionsCard({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const q = useQuery(openQuestionsQuery(networkId));
  const open = q.data ?? [];
  return (
    <article className="kern-card" aria-labelledby="card-questions">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 className="kern-title" id="card-questions">
            {t('questions.cardTitle')}
          </h2>
        </header>
        <div className="kern-card__body">
          <ErrorAlert error={q.error} />
          {q.isPending ? null : open.length === 0 ? (
            <p className="kern-body">{t('questions.cardNone')}</p>
          ) : (
            <ul className="bn-card-list">
              {open.slice(0, 5).map((x) => (
                <li key={x.id} className="kern-body">
                  <Link
                    to="/n/$networkId/lenkungskreis/sitzungen/$meetingId"
                    params={{ networkId, meetingId: x.meetingId }}
                    hash="rueckfragen"
                    className="kern-link"
                  >
                    {t('questions.cardItem', {
                      number: x.itemNumber,
                      title: x.itemTitle,
                      meeting: x.meetingTitle,
                    })}
                  </Link>{' '}
                  <span className="bn-muted">
                    {t('questions.cardAsked', { name: x.askedByName, at: formatDateTime(x.askedAt) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {open.length > 5 ? (
            <p className="kern-body">{t('questions.cardMore', { count: open.length - 5 })}</p>
          ) : null}
        </div>
      </div>
    </article>
  );
}
