import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalStatus } from '../../../../contracts/work';
import type { Goal } from '../../../../contracts/work-goals';
import {
  Badge,
  Button,
  CheckboxField,
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
import { formatDay, today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import {
  createGoal,
  decisionsAvailableKey,
  fieldsQuery,
  type GoalFilters,
  goalsKey,
  goalsQuery,
} from '../api';
import { DecisionPicker, textOrNull } from './goal-form';

export const goalStatuses: GoalStatus[] = ['active', 'achieved', 'adjusted', 'dropped'];
const goalStatusKind = {
  active: 'info',
  achieved: 'success',
  adjusted: 'warning',
  dropped: 'danger',
} as const;

/** A goal's state in words, and whether its review is due. */
export function GoalBadges({ goal: g }: { goal: Pick<Goal, 'status' | 'reviewDue'> }) {
  const { t } = useTranslation();
  return (
    <p className="kern-body">
      <Badge kind={goalStatusKind[g.status]}>{t(`workGoals.statuses.${g.status}`)}</Badge>{' '}
      {g.reviewDue ? (
        <Badge kind="warning" icon="calendar-today">
          {t('workGoals.reviewDue')}
        </Badge>
      ) : null}
    </p>
  );
}

/** The goals of the network, grouped by field of action; the office sets new ones from decisions. */
export function GoalsPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('work.manage');
  const [filters, setFilters] = useState<GoalFilters>({});
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const goals = useQuery(goalsQuery(networkId, filters));
  const fields = useQuery(fieldsQuery(networkId));

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const v = (k: string) => String(fd.get(k) ?? '') || undefined;
    setFilters({
      fieldId: v('fieldId'),
      status: v('status') as GoalStatus | undefined,
      reviewDue: fd.get('reviewDue') ? 'true' : undefined,
    });
  }

  const list = goals.data ?? [];
  const shownFields = (fields.data ?? []).filter(
    (f) => (filters.fieldId ? f.id === filters.fieldId : f.joint) || list.some((g) => g.fieldId === f.id),
  );
  return (
    <Page
      title={t('workGoals.goalsTitle')}
      intro={t('workGoals.goalsIntro')}
      actions={
        manage ? (
          <Button icon="add" onClick={() => setCreating(true)}>
            {t('workGoals.createGoal')}
          </Button>
        ) : null
      }
    >
      <StatusMessage message={message} />
      <form onSubmit={apply} aria-label={t('workGoals.filters')}>
        <fieldset className="bn-filters">
          <legend>{t('workGoals.filters')}</legend>
          <SelectField
            label={t('workGoals.field')}
            name="fieldId"
            defaultValue=""
            options={[
              { value: '', label: t('workGoals.all') },
              ...(fields.data ?? []).map((f) => ({ value: f.id, label: f.name })),
            ]}
          />
          <SelectField
            label={t('workGoals.status')}
            name="status"
            defaultValue=""
            options={[
              { value: '', label: t('workGoals.all') },
              ...goalStatuses.map((s) => ({ value: s, label: t(`workGoals.statuses.${s}`) })),
            ]}
          />
          <CheckboxField label={t('workGoals.reviewDueOnly')} name="reviewDue" />
          <div className="bn-filters__actions">
            <Button type="submit" icon="search">
              {t('workGoals.apply')}
            </Button>
          </div>
        </fieldset>
      </form>
      <ErrorAlert error={goals.error} />
      {goals.isPending || fields.isPending ? (
        <Loading />
      ) : (
        <>
          <p className="kern-body" aria-live="polite">
            {t('workGoals.goalCount', { count: list.length })}
          </p>
          {shownFields.map((f) => (
            <Section key={f.id} title={f.name} id={`feld-${f.id}`}>
              <GoalList networkId={networkId} goals={list.filter((g) => g.fieldId === f.id)} />
            </Section>
          ))}
        </>
      )}
      {creating ? (
        <CreateGoalDialog
          networkId={networkId}
          onClose={() => setCreating(false)}
          onCreated={(statement) => {
            setCreating(false);
            setMessage(`${t('workGoals.goalCreated')} ${statement}`);
          }}
        />
      ) : null}
    </Page>
  );
}

function GoalList({ networkId, goals }: { networkId: string; goals: Goal[] }) {
  const { t } = useTranslation();
  if (goals.length === 0) return <p className="kern-body">{t('workGoals.noField')}</p>;
  return (
    <ul className="bn-plain-list bn-stack">
      {goals.map((g) => (
        <li key={g.id}>
          <article className="kern-card" aria-labelledby={`ziel-${g.id}`}>
            <div className="kern-card__container">
              <header className="kern-card__header">
                <h3 className="kern-title bn-break" id={`ziel-${g.id}`}>
                  <Link
                    to="/n/$networkId/arbeitsprogramm/ziele/$goalId"
                    params={{ networkId, goalId: g.id }}
                    className="kern-link"
                  >
                    {g.statement}
                  </Link>
                </h3>
              </header>
              <div className="kern-card__body">
                <p className="kern-body bn-break">
                  <strong>{t('workGoals.targetLabel')}:</strong> {g.target}
                </p>
                <GoalBadges goal={g} />
                <p className="kern-body kern-body--small bn-muted">
                  {t('workGoals.horizon', { year: g.horizonYear })}
                  {g.reviewOn ? ` · ${t('workGoals.reviewOn', { date: formatDay(g.reviewOn) })}` : ''}
                  {' · '}
                  {t('workGoals.setBy', { number: g.decision.number, date: formatDay(g.decision.decidedOn) })}
                </p>
              </div>
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}

function CreateGoalDialog({
  networkId,
  onClose,
  onCreated,
}: {
  networkId: string;
  onClose: () => void;
  onCreated: (statement: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fields = useQuery(fieldsQuery(networkId));
  const [fieldId, setFieldId] = useState('');
  const year = Number(today().slice(0, 4));
  const create = useMutation({
    mutationFn: (fd: FormData) =>
      createGoal(networkId, {
        decisionId: String(fd.get('decisionId') ?? ''),
        fieldId: String(fd.get('fieldId') ?? ''),
        statement: String(fd.get('statement') ?? ''),
        target: String(fd.get('target') ?? ''),
        indicatorName: textOrNull(fd, 'indicatorName'),
        indicatorTarget: textOrNull(fd, 'indicatorTarget'),
        indicatorYear: textOrNull(fd, 'indicatorYear'),
        horizonYear: String(fd.get('horizonYear') ?? ''),
        owner: String(fd.get('owner') ?? ''),
        reviewOn: textOrNull(fd, 'reviewOn'),
      }),
    onSuccess: async (g) => {
      await qc.invalidateQueries({ queryKey: goalsKey(networkId) });
      await qc.invalidateQueries({ queryKey: decisionsAvailableKey(networkId) });
      onCreated(g.statement);
    },
  });
  return (
    <FormDialog
      open
      title={t('workGoals.createGoal')}
      submitLabel={t('workGoals.createGoal')}
      onClose={onClose}
      onSubmit={(e) => create.mutate(new FormData(e.currentTarget))}
      busy={create.isPending}
      error={create.error}
    >
      <DecisionPicker
        networkId={networkId}
        type="goal"
        hint={t('workGoals.decisionHint')}
        onPick={(d) => {
          if (d?.fieldId) setFieldId(d.fieldId);
        }}
      />
      <SelectField
        label={t('workGoals.field')}
        name="fieldId"
        required
        value={fieldId}
        onChange={(e) => setFieldId(e.target.value)}
        options={[
          { value: '', label: t('workGoals.choose') },
          ...(fields.data ?? []).filter((f) => f.joint).map((f) => ({ value: f.id, label: f.name })),
        ]}
      />
      <TextAreaField
        label={t('workGoals.statement')}
        hint={t('workGoals.statementHint')}
        name="statement"
        required
        rows={2}
      />
      <TextAreaField label={t('workGoals.target')} name="target" required rows={2} />
      <TextField label={t('workGoals.indicatorName')} name="indicatorName" />
      <TextField label={t('workGoals.indicatorTarget')} name="indicatorTarget" />
      <TextField label={t('workGoals.indicatorYear')} name="indicatorYear" inputMode="numeric" />
      <TextField
        label={t('workGoals.horizonYear')}
        name="horizonYear"
        inputMode="numeric"
        required
        defaultValue={String(year)}
      />
      <TextField label={t('workGoals.owner')} name="owner" defaultValue="Bildungsbüro" />
      <DateField label={t('workGoals.reviewOnLabel')} name="reviewOn" className="kern-form-input--width-10" />
    </FormDialog>
  );
}
