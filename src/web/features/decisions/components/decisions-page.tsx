import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, DecisionType } from '../../../../contracts/steering';
import {
  Badge,
  Button,
  ErrorAlert,
  Loading,
  LoadMore,
  Page,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { formatDay, today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { CreateOrderDialog } from '../../work-orders/components/create-order-dialog';
import { TraceLink } from '../../work-trace/components/trace-link';
import {
  type DecisionFilters,
  type DecisionStatus,
  decisionsKey,
  decisionsQuery,
  exportUrl,
  fieldsQuery,
  setDecisionStatus,
} from '../api';

export const decisionTypes: DecisionType[] = [
  'goal',
  'work_plan',
  'work_order',
  'recommendation',
  'contract_amendment',
  'procedural',
];
const statuses: DecisionStatus[] = ['open', 'in_progress', 'done'];
const statusKind = { open: 'warning', in_progress: 'info', done: 'success' } as const;
const outcomes: Decision['outcome'][] = ['open', 'implemented', 'overdue'];
const outcomeKind = { open: 'info', implemented: 'success', overdue: 'danger' } as const;

/** The register of decisions (Beschlusssammlung): filter, read, follow up, export. */
export function DecisionsPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('steering.manage');
  // The office creates a work order from a work-order decision right here (preselected in the dialog).
  const orderManage = can('work.manage');
  const [ordering, setOrdering] = useState<Decision | null>(null);
  // The trace links a decision here as ?q=<number>: the register opens filtered to it.
  const [filters, setFilters] = useState<DecisionFilters>(() => {
    const q = new URLSearchParams(window.location.search).get('q');
    return q ? { q } : {};
  });
  const [formKey, setFormKey] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const decisions = useInfiniteQuery(decisionsQuery(networkId, filters));
  const fields = useQuery(fieldsQuery(networkId));
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: (x: { decision: Decision; status: DecisionStatus }) =>
      setDecisionStatus(networkId, x.decision.id, x.status),
    onSuccess: async (d) => {
      setMessage(
        t('decisions.statusSaved', { number: d.number, status: t(`decisions.statuses.${d.status}`) }),
      );
      await qc.invalidateQueries({ queryKey: decisionsKey(networkId) });
    },
  });

  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const v = (k: string) => String(fd.get(k) ?? '').trim() || undefined;
    const year = v('year');
    setFilters({
      year: year ? Number(year) : undefined,
      fieldId: v('fieldId'),
      type: v('type') as DecisionType | undefined,
      status: v('status') as DecisionStatus | undefined,
      outcome: v('outcome') as Decision['outcome'] | undefined,
      q: v('q'),
    });
  }
  function reset() {
    setFilters({});
    setFormKey((k) => k + 1);
  }

  const list = decisions.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title={t('decisions.title')}
      intro={t('decisions.intro')}
      actions={
        <a className="kern-btn kern-btn--secondary" href={exportUrl(networkId, filters)} download>
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{t('decisions.export')}</span>
        </a>
      }
    >
      <StatusMessage message={message} />
      <form key={formKey} onSubmit={apply} aria-label={t('decisions.filters')}>
        <fieldset className="bn-filters">
          <legend>{t('decisions.filters')}</legend>
          <TextField label={t('decisions.search')} name="q" defaultValue={filters.q ?? ''} />
          <SelectField
            label={t('decisions.year')}
            name="year"
            defaultValue={filters.year ? String(filters.year) : ''}
            options={[
              { value: '', label: t('decisions.all') },
              ...years.map((y) => ({ value: String(y), label: String(y) })),
            ]}
          />
          <SelectField
            label={t('decisions.field')}
            name="fieldId"
            defaultValue={filters.fieldId ?? ''}
            options={[
              { value: '', label: t('decisions.all') },
              ...(fields.data ?? []).map((f) => ({ value: f.id, label: f.name })),
            ]}
          />
          <SelectField
            label={t('decisions.type')}
            name="type"
            defaultValue={filters.type ?? ''}
            options={[
              { value: '', label: t('decisions.all') },
              ...decisionTypes.map((d) => ({ value: d, label: t(`decisions.types.${d}`) })),
            ]}
          />
          <SelectField
            label={t('decisions.status')}
            name="status"
            defaultValue={filters.status ?? ''}
            options={[
              { value: '', label: t('decisions.all') },
              ...statuses.map((s) => ({ value: s, label: t(`decisions.statuses.${s}`) })),
            ]}
          />
          <SelectField
            label={t('trace.outcomeFilter')}
            name="outcome"
            defaultValue={filters.outcome ?? ''}
            options={[
              { value: '', label: t('decisions.all') },
              ...outcomes.map((o) => ({ value: o, label: t(`trace.outcomes.${o}`) })),
            ]}
          />
          <div className="bn-filters__actions">
            <Button type="submit" icon="search">
              {t('decisions.apply')}
            </Button>
            <Button variant="secondary" onClick={reset}>
              {t('decisions.reset')}
            </Button>
          </div>
        </fieldset>
      </form>
      <ErrorAlert error={decisions.error} />
      <ErrorAlert error={change.error} />
      <p className="kern-body" aria-live="polite">
        {decisions.data ? t('decisions.total', { count: list.length }) : null}
      </p>
      {decisions.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="kern-body">{t('decisions.none')}</p>
      ) : (
        <TableRegion label={t('decisions.tableCaption')}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{t('decisions.tableCaption')}</caption>
            <TableHead
              columns={[
                t('decisions.numberDate'),
                t('decisions.titleColumn'),
                t('decisions.typeField'),
                `${t('decisions.status')} · ${t('trace.outcomeColumn')}`,
              ]}
            />
            <tbody className="kern-table__body">
              {list.map((d) => (
                <DecisionRow
                  key={d.id}
                  networkId={networkId}
                  decision={d}
                  manage={manage}
                  onStatus={(status) => change.mutate({ decision: d, status })}
                  onOrder={orderManage && d.type === 'work_order' ? () => setOrdering(d) : undefined}
                />
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {orderManage ? (
        <CreateOrderDialog
          key={ordering?.id ?? 'none'}
          networkId={networkId}
          open={ordering !== null}
          onClose={() => setOrdering(null)}
          decisionId={ordering?.id}
        />
      ) : null}
      <LoadMore
        hasMore={decisions.hasNextPage}
        loading={decisions.isFetchingNextPage}
        onLoad={() => decisions.fetchNextPage()}
      />
    </Page>
  );
}

function DecisionRow({
  networkId,
  decision: d,
  manage,
  onStatus,
  onOrder,
}: {
  networkId: string;
  decision: Decision;
  manage: boolean;
  onStatus: (s: DecisionStatus) => void;
  onOrder?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <tr className="kern-table__row">
      {/* Two facts a cell, so the register fits the page beside the navigation (no sideways scrolling). */}
      <th scope="row" className="kern-table__cell bn-row-head bn-nowrap">
        {d.number}
        <span className="bn-cell-second">{formatDay(d.decidedOn)}</span>
      </th>
      <td className="kern-table__cell bn-break bn-decision-title">
        {d.title}
        <span className="bn-cell-second bn-decision-source">
          {t('decisions.source')}:{' '}
          {d.meetingId ? (
            <Link
              to="/n/$networkId/lenkungskreis/sitzungen/$meetingId"
              params={{ networkId, meetingId: d.meetingId }}
              className="kern-link"
            >
              {d.meetingTitle ?? t('decisions.meeting')}
            </Link>
          ) : (
            t('decisions.writtenProcedure')
          )}
        </span>
        <details className="bn-details">
          <summary>{t('decisions.showText', { number: d.number })}</summary>
          <p className="kern-body bn-pre-line">{d.text}</p>
          <p className="kern-body kern-body--small bn-muted">
            {d.meetingId ? t('decisions.rounds', { count: d.rounds }) : t('decisions.writtenProcedure')}
          </p>
        </details>
      </td>
      {/* No bn-break here: a type is one bounded word ("Verfahrensbeschluss") and must not split. */}
      <td className="kern-table__cell">
        {t(`decisions.types.${d.type}`)}
        <span className="bn-cell-second">{d.fieldName ?? '–'}</span>
      </td>
      <td className="kern-table__cell">
        {manage && !d.statusFollowsOrders ? (
          <SelectField
            label={t('decisions.statusOf', { number: d.number })}
            hideLabel
            value={d.status}
            onChange={(e) => onStatus(e.target.value as DecisionStatus)}
            options={statuses.map((s) => ({ value: s, label: t(`decisions.statuses.${s}`) }))}
          />
        ) : (
          <>
            <Badge kind={statusKind[d.status]}>{t(`decisions.statuses.${d.status}`)}</Badge>
            {d.statusFollowsOrders ? (
              <span className="bn-cell-second">{t('decisions.statusFollowsOrders')}</span>
            ) : null}
          </>
        )}
        {/* Was daraus wurde: derived from the trace; the link opens the whole chain. In the status cell,
            so the register still fits beside the navigation. */}
        <span className="bn-cell-second">
          {t('trace.outcomeColumn')}:{' '}
          <Badge kind={outcomeKind[d.outcome]}>{t(`trace.outcomes.${d.outcome}`)}</Badge>
        </span>
        {d.outcomeSummary ? <span className="bn-cell-second bn-break">{d.outcomeSummary}</span> : null}
        <span className="bn-cell-second">
          <TraceLink networkId={networkId} kind="decision" id={d.id} label={d.number} />
        </span>
        {onOrder ? (
          <span className="bn-cell-second">
            <Button
              variant="secondary"
              small
              icon="add"
              onClick={onOrder}
              aria-label={t('workOrders.createFromDecision', { number: d.number })}
            >
              {t('workOrders.create')}
            </Button>
          </span>
        ) : null}
      </td>
    </tr>
  );
}
