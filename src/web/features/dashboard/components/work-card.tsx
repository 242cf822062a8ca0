import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui';
import { WorkItemLink } from '../../../components/work-item-link';
import { formatDay } from '../../../lib/format';
import { myWorkQuery } from '../api';
import { StartCard } from './start-card';

const SHOWN = 5;

/** Start for the office: my work orders and tasks, overdue first, linking to the desk. */
export function WorkCard({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const desk = useQuery(myWorkQuery(networkId));
  const items = desk.data?.items ?? [];
  return (
    <StartCard
      id="card-my-work"
      title={t('workDesk.startTitle')}
      footer={
        <Link to="/n/$networkId/arbeitsprogramm/schreibtisch" params={{ networkId }} className="kern-link">
          {t('workDesk.startOpen')}
        </Link>
      }
    >
      <ErrorAlert error={desk.error} />
      {desk.data && items.length === 0 ? <p className="kern-body">{t('workDesk.startNone')}</p> : null}
      {desk.data && desk.data.counts.overdue > 0 ? (
        <p className="kern-body bn-overdue">
          {t('workDesk.startOverdue', { count: desk.data.counts.overdue })}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="bn-card-list">
          {items.slice(0, SHOWN).map((i) => (
            <li key={`${i.kind}-${i.id}`} className="kern-body">
              <WorkItemLink networkId={networkId} item={i} />
              <br />
              <span className={i.bucket === 'overdue' ? 'bn-overdue' : 'bn-muted'}>
                {i.bucket === 'overdue' ? `${t('workDesk.overdue')}: ` : ''}
                {i.dueOn ? t('workDesk.due', { date: formatDay(i.dueOn) }) : t('workDesk.noDue')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > SHOWN ? (
        <p className="kern-body">{t('workDesk.startMore', { count: items.length - SHOWN })}</p>
      ) : null}
    </StartCard>
  );
}
