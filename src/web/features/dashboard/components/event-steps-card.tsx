import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DueEventTask } from '../../../../contracts/events-planning';
import { formatDay } from '../../../lib/format';
import { StartCard } from './start-card';

const SHOWN = 6;

/**
 * Start for those who plan events: open checklist steps overdue or due within 14 days, the earliest
 * first; each step links to its event's overview, where it is ticked off.
 */
export function EventStepsCard({ networkId, steps }: { networkId: string; steps: DueEventTask[] }) {
  const { t } = useTranslation();
  const overdue = steps.filter((s) => s.overdue).length;
  return (
    <StartCard
      id="card-event-steps"
      title={t('eventsPlanning.startSteps.title')}
      footer={
        <Link to="/n/$networkId/veranstaltungen" params={{ networkId }} className="kern-link">
          {t('eventsPlanning.startSteps.open')}
        </Link>
      }
    >
      {steps.length === 0 ? <p className="kern-body">{t('eventsPlanning.startSteps.none')}</p> : null}
      {overdue > 0 ? (
        <p className="kern-body bn-overdue">{t('eventsPlanning.startSteps.overdue', { count: overdue })}</p>
      ) : null}
      {steps.length > 0 ? (
        <ul className="bn-card-list">
          {steps.slice(0, SHOWN).map((s) => (
            <li key={s.taskId} className="kern-body">
              <Link
                to="/n/$networkId/veranstaltungen/$eventId"
                params={{ networkId, eventId: s.eventId }}
                className="kern-link"
              >
                {s.title}
              </Link>
              <br />
              <span className="bn-muted">{s.eventTitle}</span>
              {' · '}
              <span className={s.overdue ? 'bn-overdue' : 'bn-muted'}>
                {s.overdue
                  ? t('eventsPlanning.startSteps.overdueSince', { date: formatDay(s.dueOn) })
                  : t('eventsPlanning.startSteps.due', { date: formatDay(s.dueOn) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {steps.length > SHOWN ? (
        <p className="kern-body">{t('eventsPlanning.startSteps.more', { count: steps.length - SHOWN })}</p>
      ) : null}
    </StartCard>
  );
}
