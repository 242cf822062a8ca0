import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalDetail } from '../../../../contracts/work-goals';
import {
  Button,
  DateField,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  Section,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDate, formatDay } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { TraceLink } from '../../work-trace';
import { changeGoal, decisionsAvailableKey, goalQuery, goalsKey } from '../api';
import { DecisionPicker, textOrNull } from './goal-form';
import { GoalBadges, goalStatuses } from './goals-page';

/** One goal: its current state, its history with the decisions and reasons, and a change by decision. */
export function GoalPage({ networkId, goalId }: { networkId: string; goalId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const goal = useQuery(goalQuery(networkId, goalId));
  const [changing, setChanging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const g = goal.data;
  return (
    <Page
      title={g ? g.statement : t('workGoals.goalTitle')}
      intro={g ? `${t('workGoals.goalTitle')} · ${g.fieldName}` : null}
      actions={
        g && can('work.manage') ? (
          <Button icon="edit" onClick={() => setChanging(true)}>
            {t('workGoals.changeGoal')}
          </Button>
        ) : null
      }
    >
      <p className="kern-body">
        <Link to="/n/$networkId/arbeitsprogramm/ziele" params={{ networkId }} className="kern-link">
          {t('workGoals.back')}
        </Link>
      </p>
      <StatusMessage message={message} />
      <ErrorAlert error={goal.error} />
      {!g ? (
        goal.isPending ? (
          <Loading />
        ) : null
      ) : (
        <>
          <Section title={t('workGoals.currentState')} id="stand">
            <GoalBadges goal={g} />
            <dl className="bn-dl">
              <dt>{t('workGoals.targetLabel')}</dt>
              <dd className="bn-break">{g.target}</dd>
              {g.indicatorName ? (
                <>
                  <dt>{t('workGoals.indicator')}</dt>
                  <dd>
                    {t('workGoals.indicatorValue', {
                      name: g.indicatorName,
                      target: g.indicatorTarget ?? '–',
                      year: g.indicatorYear ?? g.horizonYear,
                    })}
                  </dd>
                </>
              ) : null}
              <dt>{t('workGoals.horizonYear')}</dt>
              <dd>{g.horizonYear}</dd>
              <dt>{t('workGoals.owner')}</dt>
              <dd>{g.owner || '–'}</dd>
              <dt>{t('workGoals.reviewOnLabel')}</dt>
              <dd>{formatDay(g.reviewOn)}</dd>
              <dt>{t('workGoals.decision')}</dt>
              <dd>
                {t('workGoals.setBy', { number: g.decision.number, date: formatDay(g.decision.decidedOn) })}
              </dd>
            </dl>
            <TraceLink networkId={networkId} kind="goal" id={g.id} />
          </Section>
          <Section title={t('workGoals.versionsTitle')} id="geschichte">
            <ol className="bn-plain-list bn-stack">
              {g.versions.map((v) => (
                <li key={v.version}>
                  <article className="kern-card" aria-labelledby={`fassung-${v.version}`}>
                    <div className="kern-card__container">
                      <header className="kern-card__header">
                        <h3 className="kern-title" id={`fassung-${v.version}`}>
                          {t('workGoals.versionLabel', { version: v.version })}:{' '}
                          {v.version === 1
                            ? t('workGoals.firstVersion')
                            : t(`workGoals.statuses.${v.status}`)}
                        </h3>
                        <p className="kern-body kern-body--small bn-muted">
                          {t('workGoals.setBy', {
                            number: v.decision.number,
                            date: formatDay(v.decision.decidedOn),
                          })}
                          {v.decision.title ? ` – ${v.decision.title}` : ''}
                        </p>
                      </header>
                      <div className="kern-card__body">
                        {v.reason ? (
                          <p className="kern-body bn-break">
                            <strong>{t('workGoals.reason')}:</strong> {v.reason}
                          </p>
                        ) : null}
                        <p className="kern-body bn-break">{v.statement}</p>
                        <p className="kern-body bn-break">
                          <strong>{t('workGoals.targetLabel')}:</strong> {v.target}
                        </p>
                        <p className="kern-body kern-body--small bn-muted">
                          {t('workGoals.versionBy', {
                            date: formatDate(v.createdAt),
                            name: v.changedBy ?? '–',
                          })}
                        </p>
                      </div>
                    </div>
                  </article>
                </li>
              ))}
            </ol>
          </Section>
          {changing ? (
            <ChangeGoalDialog
              networkId={networkId}
              goal={g}
              onClose={() => setChanging(false)}
              onChanged={(version) => {
                setChanging(false);
                setMessage(t('workGoals.changed', { version }));
              }}
            />
          ) : null}
        </>
      )}
    </Page>
  );
}

function ChangeGoalDialog({
  networkId,
  goal: g,
  onClose,
  onChanged,
}: {
  networkId: string;
  goal: GoalDetail;
  onClose: () => void;
  onChanged: (version: number) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: (fd: FormData) =>
      changeGoal(networkId, g.id, {
        decisionId: String(fd.get('decisionId') ?? ''),
        reason: String(fd.get('reason') ?? ''),
        version: g.version,
        status: String(fd.get('status')) as GoalDetail['status'],
        statement: String(fd.get('statement') ?? ''),
        target: String(fd.get('target') ?? ''),
        horizonYear: String(fd.get('horizonYear') ?? ''),
        reviewOn: textOrNull(fd, 'reviewOn'),
      }),
    onSuccess: async (updated) => {
      await qc.invalidateQueries({ queryKey: goalsKey(networkId) });
      await qc.invalidateQueries({ queryKey: decisionsAvailableKey(networkId) });
      onChanged(updated.version);
    },
  });
  return (
    <FormDialog
      open
      title={t('workGoals.changeGoal')}
      submitLabel={t('workGoals.changeGoal')}
      onClose={onClose}
      onSubmit={(e) => change.mutate(new FormData(e.currentTarget))}
      busy={change.isPending}
      error={change.error}
    >
      <p className="kern-body">{t('workGoals.changeIntro')}</p>
      <DecisionPicker networkId={networkId} type="goal" alsoPlans hint={t('workGoals.changeDecisionHint')} />
      <TextAreaField label={t('workGoals.reason')} name="reason" required rows={3} />
      <SelectField
        label={t('workGoals.newStatus')}
        name="status"
        defaultValue={g.status}
        options={goalStatuses.map((s) => ({ value: s, label: t(`workGoals.statuses.${s}`) }))}
      />
      <TextAreaField label={t('workGoals.statement')} name="statement" defaultValue={g.statement} rows={2} />
      <TextAreaField label={t('workGoals.target')} name="target" defaultValue={g.target} rows={2} />
      <TextField
        label={t('workGoals.horizonYear')}
        name="horizonYear"
        inputMode="numeric"
        defaultValue={String(g.horizonYear)}
      />
      <DateField label={t('workGoals.reviewOnLabel')} name="reviewOn" defaultValue={g.reviewOn} />
    </FormDialog>
  );
}
