import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../../../../contracts/work';
import type { OrderPatch, WorkOrderDetail } from '../../../../contracts/work-orders';
import {
  Alert,
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
import { isApiError } from '../../../lib/api';
import { formatDateTime, formatDay } from '../../../lib/format';
import { projectQuery } from '../../work-projects/api';
import { ReportsCard, reportsKey } from '../../work-reports';
import { TraceLink } from '../../work-trace';
import { moveOrder, officeStaffQuery, orderQuery, ordersKey, updateOrder } from '../api';
import { OrderFlags, OrderProgress, OrderStatusBadge } from './order-parts';

/** One work order: what was ordered, its state and progress, its history, reports and trace. */
export function OrderPage({ networkId, orderId }: { networkId: string; orderId: string }) {
  const { t } = useTranslation();
  const q = useQuery(orderQuery(networkId, orderId));
  const o = q.data;
  if (!o) {
    return (
      <Page title={t('workOrders.title')}>
        <ErrorAlert error={q.error} />
        {q.isPending ? <Loading /> : null}
      </Page>
    );
  }
  return <OrderView networkId={networkId} order={o} />;
}

function OrderView({ networkId, order: o }: { networkId: string; order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [editing, setEditing] = useState(false);
  // The reports card beside shows the order's current state and progress: it refreshes too.
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ordersKey(networkId) }),
      qc.invalidateQueries({ queryKey: reportsKey(networkId) }),
    ]);
  // The answer is the order as saved: shown at once, so a form keyed by the version never resets
  // under the user's hands when the list's refetch lands later.
  const show = (saved: WorkOrderDetail) => qc.setQueryData(orderQuery(networkId, o.id).queryKey, saved);

  const move = useMutation({
    mutationFn: (x: { to: Exclude<WorkOrderStatus, 'reported'>; note?: string }) =>
      moveOrder(networkId, o.id, { ...x, version: o.version }),
    onSuccess: async (saved) => {
      show(saved);
      setReturning(false);
      setMessage(
        t('workOrders.moved', { number: saved.number, status: t(`workOrders.statuses.${saved.status}`) }),
      );
      await refresh();
    },
  });
  const save = useMutation({
    mutationFn: (input: OrderPatch) => updateOrder(networkId, o.id, input),
    onSuccess: async (saved) => {
      show(saved);
      setEditing(false);
      setMessage(t('workOrders.saved', { number: saved.number }));
      await refresh();
    },
  });
  const stale = isApiError(save.error) && save.error.status === 409;

  return (
    <Page
      title={`${o.number} ${o.title}`}
      intro={
        <Link to="/n/$networkId/arbeitsprogramm/auftraege" params={{ networkId }} className="kern-link">
          {t('workOrders.backToList')}
        </Link>
      }
      actions={<TraceLink networkId={networkId} kind="work_order" id={o.id} />}
    >
      <StatusMessage message={message} />
      <OrderFlags order={o} long />
      <Section title={t('workOrders.details')} id="order-details">
        <dl className="bn-dl">
          <dt>{t('workOrders.status')}</dt>
          <dd>
            <OrderStatusBadge status={o.status} />
          </dd>
          <dt>{t('workOrders.progress')}</dt>
          <dd>
            <OrderProgress number={o.number} value={o.progress} />
          </dd>
          <dt>{t('workOrders.fromDecision')}</dt>
          <dd>
            {/* The register opens filtered to this decision (?q=, as the trace links it). */}
            <Link
              to="/n/$networkId/lenkungskreis/beschluesse"
              params={{ networkId }}
              search={{ q: o.decision.number } as never}
              className="kern-link"
            >
              {o.decision.number}
            </Link>{' '}
            ({formatDay(o.decision.decidedOn)}): {o.decision.title}
          </dd>
          <dt>{t('workOrders.field')}</dt>
          <dd>{o.fieldName}</dd>
          {o.projectId ? <ProjectRow networkId={networkId} projectId={o.projectId} /> : null}
          <dt>{t('workOrders.assignee')}</dt>
          <dd>{o.assignee.name}</dd>
          <dt>{t('workOrders.orderedOn')}</dt>
          <dd>{formatDay(o.orderedOn)}</dd>
          <dt>{t('workOrders.dueOn')}</dt>
          <dd>
            {formatDay(o.dueOn)}
            {o.overdue ? <strong className="bn-overdue"> ({t('workOrders.overdue')})</strong> : null}
          </dd>
          <dt>{t('workOrders.reportDueOn')}</dt>
          <dd>{formatDay(o.reportDueOn)}</dd>
          <dt>{t('workOrders.expectedResult')}</dt>
          <dd className="bn-pre-line">{o.expectedResult || '–'}</dd>
        </dl>
      </Section>

      <Section title={t('workOrders.stateSection')} id="order-state">
        <ErrorAlert error={move.error} />
        {isApiError(move.error) && move.error.status === 409 && move.error.code === 'work.order_stale' ? (
          <Button
            variant="secondary"
            onClick={() => {
              move.reset();
              void refresh();
            }}
          >
            {t('workOrders.conflictReload')}
          </Button>
        ) : null}
        {o.transitions.length === 0 && !o.canEdit ? (
          <p className="kern-body">{t('workOrders.readOnly')}</p>
        ) : null}
        <div className="bn-actions bn-actions--start">
          {o.transitions.map((to) =>
            to === 'returned' ? (
              <Button key={to} variant="secondary" onClick={() => setReturning(true)}>
                {t('workOrders.actions.returned')}
              </Button>
            ) : to === 'reported' ? null : (
              <Button key={to} busy={move.isPending} onClick={() => move.mutate({ to })}>
                {t(`workOrders.actions.${to as 'accepted' | 'in_progress' | 'done'}`)}
              </Button>
            ),
          )}
          {o.canEdit ? (
            <Button variant="secondary" icon="edit" onClick={() => setEditing(true)}>
              {t('workOrders.edit')}
            </Button>
          ) : null}
        </div>
        {o.canEdit ? (
          <ProgressForm
            order={o}
            busy={save.isPending}
            onSave={(progress) => save.mutate({ version: o.version, progress })}
          />
        ) : null}
        {!editing ? <ErrorAlert error={save.error} /> : null}
        {stale && !editing ? (
          <Button
            variant="secondary"
            onClick={() => {
              save.reset();
              void refresh();
            }}
          >
            {t('workOrders.conflictReload')}
          </Button>
        ) : null}
      </Section>

      <ReportsCard networkId={networkId} subject={{ orderId: o.id }} />

      <Section title={t('workOrders.history')} id="order-history">
        {o.events.length === 0 ? (
          <p className="kern-body">{t('workOrders.noHistory')}</p>
        ) : (
          <ol className="bn-timeline">
            {o.events.map((e) => (
              <li key={e.id} className="kern-body bn-timeline__item">
                <span className="bn-timeline__date">{formatDateTime(e.at)}</span>
                <span>
                  {e.fromStatus === null
                    ? t('workOrders.eventCreated')
                    : e.fromStatus === e.toStatus
                      ? t('workOrders.eventChanged', { note: e.note })
                      : t('workOrders.eventMoved', {
                          from: t(`workOrders.statuses.${e.fromStatus}`),
                          to: t(`workOrders.statuses.${e.toStatus}`),
                        })}{' '}
                  {t('workOrders.by', { name: e.actorName })}
                  {e.note && e.fromStatus !== e.toStatus ? (
                    <span className="bn-cell-second">{e.note}</span>
                  ) : null}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <FormDialog
        open={returning}
        title={t('workOrders.returnTitle')}
        submitLabel={t('workOrders.actions.returned')}
        onClose={() => setReturning(false)}
        busy={move.isPending}
        error={move.error}
        onSubmit={(e) =>
          move.mutate({ to: 'returned', note: String(new FormData(e.currentTarget).get('note') ?? '') })
        }
      >
        <TextAreaField
          label={t('workOrders.returnReason')}
          hint={t('workOrders.returnHint')}
          name="note"
          required
          rows={3}
        />
      </FormDialog>
      {editing ? (
        <EditDialog
          networkId={networkId}
          order={o}
          busy={save.isPending}
          error={save.error}
          stale={stale}
          onClose={() => {
            setEditing(false);
            save.reset();
          }}
          onReload={() => {
            save.reset();
            void refresh();
          }}
          onSave={(input) => save.mutate(input)}
        />
      ) : null}
    </Page>
  );
}

/** The project the order belongs to, linked (its title read from the project). */
function ProjectRow({ networkId, projectId }: { networkId: string; projectId: string }) {
  const { t } = useTranslation();
  const p = useQuery(projectQuery(networkId, projectId));
  return (
    <>
      <dt>{t('workOrders.project')}</dt>
      <dd>
        <Link
          to="/n/$networkId/arbeitsprogramm/projekte/$projectId"
          params={{ networkId, projectId }}
          className="kern-link"
        >
          {p.data?.title ?? t('workOrders.project')}
        </Link>
      </dd>
    </>
  );
}

function ProgressForm({
  order: o,
  busy,
  onSave,
}: {
  order: WorkOrderDetail;
  busy: boolean;
  onSave: (p: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="bn-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(Number(new FormData(e.currentTarget).get('progress')));
      }}
    >
      <TextField
        key={o.version}
        label={`${t('workOrders.progress')} (%)`}
        name="progress"
        type="number"
        min={0}
        max={100}
        step={5}
        inputMode="numeric"
        defaultValue={o.progress}
      />
      <Button type="submit" variant="secondary" busy={busy}>
        {t('workOrders.save')}
      </Button>
    </form>
  );
}

function EditDialog({
  networkId,
  order: o,
  busy,
  error,
  stale,
  onClose,
  onReload,
  onSave,
}: {
  networkId: string;
  order: WorkOrderDetail;
  busy: boolean;
  error: unknown;
  stale: boolean;
  onClose: () => void;
  onReload: () => void;
  onSave: (input: OrderPatch) => void;
}) {
  const { t } = useTranslation();
  const staff = useQuery(officeStaffQuery(networkId));
  return (
    <FormDialog
      open
      title={t('workOrders.editTitle', { number: o.number })}
      submitLabel={t('workOrders.save')}
      onClose={onClose}
      busy={busy}
      error={error}
      onSubmit={(e) => {
        const fd = new FormData(e.currentTarget);
        const v = (k: string) => String(fd.get(k) ?? '').trim();
        onSave({
          version: o.version,
          title: v('title'),
          expectedResult: v('expectedResult'),
          assigneeId: v('assigneeId'),
          dueOn: v('dueOn'),
          reportDueOn: v('reportDueOn') || null,
        });
      }}
    >
      {stale ? (
        <Alert kind="warning">
          <Button variant="secondary" small onClick={onReload}>
            {t('workOrders.conflictReload')}
          </Button>
        </Alert>
      ) : null}
      <TextField label={t('workOrders.titleField')} name="title" required defaultValue={o.title} />
      <TextAreaField
        label={t('workOrders.expectedResult')}
        name="expectedResult"
        rows={3}
        defaultValue={o.expectedResult}
      />
      <SelectField
        label={t('workOrders.assignee')}
        name="assigneeId"
        defaultValue={o.assignee.userId}
        options={(staff.data ?? [{ userId: o.assignee.userId, name: o.assignee.name }]).map((s) => ({
          value: s.userId,
          label: s.name,
        }))}
      />
      <DateField
        label={t('workOrders.dueOn')}
        name="dueOn"
        required
        defaultValue={o.dueOn}
        min={o.decision.decidedOn}
      />
      <DateField label={t('workOrders.reportDueOn')} name="reportDueOn" defaultValue={o.reportDueOn} />
    </FormDialog>
  );
}
