import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanEntryKind, PlanVersion, WorkPlanDetail } from '../../../../contracts/work-goals';
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
  TableHead,
  TableRegion,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDate, formatDay } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { TraceLink } from '../../work-trace';
import {
  addPlanVersion,
  agreePlan,
  comparisonQuery,
  decisionsAvailableKey,
  goalsQuery,
  planQuery,
  plansKey,
  publishPlan,
} from '../api';
import { DecisionPicker } from './goal-form';
import { PlanState } from './plans-page';

const kinds: PlanEntryKind[] = ['goal', 'project', 'event', 'product', 'measure'];
const versionKind = { draft: 'warning', agreed: 'success', superseded: 'info' } as const;

/** One work plan: the entries of a version, the versions with the agreed one marked, and the office's steps. */
export function PlanPage({ networkId, planId }: { networkId: string; planId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('work.manage');
  const plan = useQuery(planQuery(networkId, planId));
  const qc = useQueryClient();
  const [shown, setShown] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'version' | 'agree' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const publish = useMutation({
    mutationFn: (published: boolean) => publishPlan(networkId, planId, published),
    onSuccess: async (p) => {
      qc.setQueryData(planQuery(networkId, planId).queryKey, p);
      setMessage(p.published ? t('workGoals.publishedOn') : t('workGoals.publishedOff'));
      await qc.invalidateQueries({ queryKey: plansKey(networkId) });
    },
  });
  const p = plan.data;
  const agreed = p?.versions.find((v) => v.status === 'agreed');
  const current = p?.versions.find((v) => v.version === shown) ?? agreed ?? p?.versions[0];
  const done = async (text: string) => {
    setDialog(null);
    setMessage(text);
    await qc.invalidateQueries({ queryKey: plansKey(networkId) });
  };
  return (
    <Page
      title={p ? p.title : t('workGoals.planTitle')}
      intro={p ? `${p.fieldName} · ${p.year}` : null}
      actions={
        p && manage ? (
          <>
            <Button icon="add" onClick={() => setDialog('version')}>
              {t('workGoals.newVersion')}
            </Button>
            {p.versions.some((v) => v.status === 'draft') ? (
              <Button variant="secondary" icon="check" onClick={() => setDialog('agree')}>
                {t('workGoals.markAgreed')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      <p className="kern-body">
        <Link to="/n/$networkId/arbeitsprogramm/planung" params={{ networkId }} className="kern-link">
          {t('workGoals.backPlans')}
        </Link>
      </p>
      <StatusMessage message={message} />
      <ErrorAlert error={plan.error ?? publish.error} />
      {!p || !current ? (
        plan.isPending ? (
          <Loading />
        ) : null
      ) : (
        <>
          <PlanState plan={p} />
          {manage && p.agreed ? (
            <CheckboxField
              label={t('workGoals.publish')}
              hint={t('workGoals.publishHint')}
              checked={p.published}
              disabled={publish.isPending}
              onChange={(e) => publish.mutate(e.target.checked)}
            />
          ) : null}
          <TraceLink networkId={networkId} kind="work_plan" id={p.id} />
          <Section
            title={`${t('workGoals.entriesTitle')} – ${t('workGoals.entriesOf', { version: current.version })}`}
            id="eintraege"
          >
            <p className="kern-body">
              <Badge kind={versionKind[current.status]}>
                {t(`workGoals.versionStatuses.${current.status}`)}
              </Badge>
              {current.decision
                ? ` ${t('workGoals.agreedBy', { number: current.decision.number, date: formatDay(current.decision.decidedOn) })}`
                : ''}
            </p>
            {current.note ? <p className="kern-body bn-break">{current.note}</p> : null}
            <Entries networkId={networkId} version={current} />
          </Section>
          <Section title={t('workGoals.versionsOfPlan')} id="fassungen">
            <TableRegion label={t('workGoals.versionsOfPlan')}>
              <table className="kern-table bn-table">
                <caption className="kern-sr-only">{t('workGoals.versionsOfPlan')}</caption>
                <TableHead
                  columns={[
                    t('workGoals.versionLabel', { version: '' }).trim(),
                    t('workGoals.planState'),
                    '',
                  ]}
                />
                <tbody className="kern-table__body">
                  {p.versions.map((v) => (
                    <tr className="kern-table__row" key={v.id}>
                      <th scope="row" className="kern-table__cell bn-row-head">
                        {v.version}
                        <span className="bn-cell-second">{formatDate(v.createdAt)}</span>
                      </th>
                      <td className="kern-table__cell">
                        <Badge kind={versionKind[v.status]}>
                          {t(`workGoals.versionStatuses.${v.status}`)}
                        </Badge>
                        {v.decision ? <span className="bn-cell-second">{v.decision.number}</span> : null}
                      </td>
                      <td className="kern-table__cell">
                        <Button variant="tertiary" onClick={() => setShown(v.version)}>
                          {t('workGoals.showVersion', { version: v.version })}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
            {p.versions.length > 1 && current.version > 1 ? (
              <Comparison
                networkId={networkId}
                planId={p.id}
                from={current.version - 1}
                to={current.version}
              />
            ) : null}
          </Section>
          {dialog === 'version' ? (
            <VersionDialog
              networkId={networkId}
              plan={p}
              base={p.versions[0]!}
              onClose={() => setDialog(null)}
              onSaved={(v) => {
                setShown(v);
                void done(t('workGoals.versionSaved', { version: v }));
              }}
            />
          ) : null}
          {dialog === 'agree' ? (
            <AgreeDialog
              networkId={networkId}
              plan={p}
              onClose={() => setDialog(null)}
              onAgreed={(v) => {
                setShown(v);
                void done(t('workGoals.agreed', { version: v }));
              }}
            />
          ) : null}
        </>
      )}
    </Page>
  );
}

function Entries({ networkId, version }: { networkId: string; version: PlanVersion }) {
  const { t } = useTranslation();
  if (version.entries.length === 0) return <p className="kern-body">{t('workGoals.noEntries')}</p>;
  return (
    <ul className="bn-plain-list bn-stack">
      {version.entries.map((e) => (
        <li key={`${e.kind}-${e.goalId ?? e.title}`} className="bn-break">
          <strong>{t(`workGoals.entryKinds.${e.kind}`)}:</strong>{' '}
          {e.goalId ? (
            <Link
              to="/n/$networkId/arbeitsprogramm/ziele/$goalId"
              params={{ networkId, goalId: e.goalId }}
              className="kern-link"
            >
              {e.goalStatement ?? e.title}
            </Link>
          ) : (
            e.title
          )}
          {e.dueOn ? ` (${t('workGoals.dueOn', { date: formatDay(e.dueOn) })})` : ''}
          {e.description ? <span className="bn-cell-second">{e.description}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Comparison({
  networkId,
  planId,
  from,
  to,
}: {
  networkId: string;
  planId: string;
  from: number;
  to: number;
}) {
  const { t } = useTranslation();
  const cmp = useQuery(comparisonQuery(networkId, planId, from, to));
  if (!cmp.data) return null;
  const c = cmp.data;
  const none = c.added.length + c.removed.length + c.changed.length === 0;
  return (
    <>
      <h3 className="kern-heading-small">{t('workGoals.compareTitle', { from, to })}</h3>
      {none ? <p className="kern-body">{t('workGoals.noChanges')}</p> : null}
      <ul className="kern-list">
        {c.added.map((e) => (
          <li key={`a-${e.kind}-${e.title}`}>
            {t('workGoals.added')}: {t(`workGoals.entryKinds.${e.kind}`)} „{e.title}“
          </li>
        ))}
        {c.removed.map((e) => (
          <li key={`r-${e.kind}-${e.title}`}>
            {t('workGoals.removed')}: {t(`workGoals.entryKinds.${e.kind}`)} „{e.title}“
          </li>
        ))}
        {c.changed.map((x) => (
          <li key={`c-${x.after.kind}-${x.after.title}`}>
            {t('workGoals.changedEntries')}: {t(`workGoals.entryKinds.${x.after.kind}`)} „{x.after.title}“
          </li>
        ))}
      </ul>
    </>
  );
}

type Row = {
  key: number;
  kind: PlanEntryKind;
  title: string;
  description: string;
  goalId: string;
  dueOn: string;
};

function VersionDialog({
  networkId,
  plan,
  base,
  onClose,
  onSaved,
}: {
  networkId: string;
  plan: WorkPlanDetail;
  base: PlanVersion;
  onClose: () => void;
  onSaved: (version: number) => void;
}) {
  const { t } = useTranslation();
  const goals = useQuery(goalsQuery(networkId, { fieldId: plan.fieldId }));
  const [rows, setRows] = useState<Row[]>(() =>
    base.entries.map((e, i) => ({
      key: i,
      kind: e.kind,
      title: e.kind === 'goal' ? '' : e.title,
      description: e.description,
      goalId: e.goalId ?? '',
      dueOn: e.dueOn ?? '',
    })),
  );
  const [next, setNext] = useState(rows.length);
  const set = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const save = useMutation({
    mutationFn: (fd: FormData) =>
      addPlanVersion(networkId, plan.id, {
        baseVersion: base.version,
        note: String(fd.get('note') ?? ''),
        entries: rows.map((r) => ({
          kind: r.kind,
          title: r.title,
          description: r.description,
          goalId: r.kind === 'goal' ? r.goalId || null : null,
          dueOn: String(fd.get(`dueOn-${r.key}`) ?? '') || null,
        })),
      }),
    onSuccess: (p) => onSaved(p.versions[0]!.version),
  });
  return (
    <FormDialog
      open
      title={t('workGoals.newVersion')}
      submitLabel={t('workGoals.newVersion')}
      onClose={onClose}
      onSubmit={(e) => save.mutate(new FormData(e.currentTarget))}
      busy={save.isPending}
      error={save.error}
    >
      <p className="kern-body">{t('workGoals.newVersionIntro')}</p>
      {rows.map((r, i) => (
        <fieldset key={r.key} className="bn-filters">
          <legend>{t('workGoals.entry', { n: i + 1 })}</legend>
          <SelectField
            label={t('workGoals.kind')}
            value={r.kind}
            onChange={(e) => set(r.key, { kind: e.target.value as PlanEntryKind })}
            options={kinds.map((k) => ({ value: k, label: t(`workGoals.entryKinds.${k}`) }))}
          />
          {r.kind === 'goal' ? (
            <SelectField
              label={t('workGoals.entryGoal')}
              value={r.goalId}
              required
              onChange={(e) => set(r.key, { goalId: e.target.value })}
              options={[
                { value: '', label: t('workGoals.choose') },
                ...(goals.data ?? []).map((g) => ({ value: g.id, label: g.statement })),
              ]}
            />
          ) : (
            <TextField
              label={t('workGoals.entryTitle')}
              value={r.title}
              required
              onChange={(e) => set(r.key, { title: e.target.value })}
            />
          )}
          <TextField
            label={t('workGoals.description')}
            value={r.description}
            onChange={(e) => set(r.key, { description: e.target.value })}
          />
          <DateField label={t('workGoals.due')} name={`dueOn-${r.key}`} defaultValue={r.dueOn || null} />
          <div className="bn-filters__actions">
            <Button
              variant="tertiary"
              icon="delete"
              onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
            >
              {t('workGoals.removeEntry', { n: i + 1 })}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        icon="add"
        onClick={() => {
          setRows((rs) => [
            ...rs,
            { key: next, kind: 'measure', title: '', description: '', goalId: '', dueOn: '' },
          ]);
          setNext((n) => n + 1);
        }}
      >
        {t('workGoals.addEntry')}
      </Button>
      <TextAreaField label={t('workGoals.note')} name="note" rows={2} />
    </FormDialog>
  );
}

function AgreeDialog({
  networkId,
  plan,
  onClose,
  onAgreed,
}: {
  networkId: string;
  plan: WorkPlanDetail;
  onClose: () => void;
  onAgreed: (version: number) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const drafts = plan.versions.filter((v) => v.status === 'draft');
  const agree = useMutation({
    mutationFn: (fd: FormData) =>
      agreePlan(networkId, plan.id, {
        versionId: String(fd.get('versionId') ?? ''),
        decisionId: String(fd.get('decisionId') ?? ''),
      }),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: decisionsAvailableKey(networkId) });
      onAgreed(p.agreed?.version ?? 0);
    },
  });
  return (
    <FormDialog
      open
      title={t('workGoals.markAgreed')}
      submitLabel={t('workGoals.markAgreed')}
      onClose={onClose}
      onSubmit={(e) => agree.mutate(new FormData(e.currentTarget))}
      busy={agree.isPending}
      error={agree.error}
    >
      <p className="kern-body">{t('workGoals.agreeIntro')}</p>
      <SelectField
        label={t('workGoals.versionsOfPlan')}
        name="versionId"
        defaultValue={drafts[0]?.id}
        options={drafts.map((v) => ({
          value: v.id,
          label: t('workGoals.versionLabel', { version: v.version }),
        }))}
      />
      <DecisionPicker networkId={networkId} type="work_plan" hint={t('workGoals.agreeDecisionHint')} />
    </FormDialog>
  );
}
