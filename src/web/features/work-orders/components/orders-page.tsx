import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../../../../contracts/work';
import type { WorkOrder } from '../../../../contracts/work-orders';
import {
  Button,
  CheckboxField,
  ErrorAlert,
  Loading,
  Page,
  SelectField,
  TableHead,
  TableRegion,
} from '../../../components/ui';
import { formatDay } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { fieldsQuery, type OrderFilters, officeStaffQuery, ordersQuery } from '../api';
import { CreateOrderDialog } from './create-order-dialog';
import { OrderFlags, OrderProgress, OrderStatusBadge } from './order-parts';

export const orderStatuses: WorkOrderStatus[] = [
  'new',
  'accepted',
  'in_progress',
  'done',
  'reported',
  'returned',
];

/** The work orders of the network: filter, read, and (office) create one from a decision. */
export function OrdersPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('work.manage');
  const [filters, setFilters] = useState<OrderFilters>({});
  const [formKey, setFormKey] = useState(0);
  const [creating, setCreating] = useState(false);
  const orders = useQuery(ordersQuery(networkId, filters));
  const fields = useQuery(fieldsQuery(networkId));
  const staff = useQuery({ ...officeStaffQuery(networkId), enabled: manage });

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const v = (k: string) => String(fd.get(k) ?? '').trim() || undefined;
    setFilters({
      status: v('status') as WorkOrderStatus | undefined,
      fieldId: v('fieldId'),
      assigneeId: v('assigneeId'),
      overdue: fd.get('overdue') ? 'true' : undefined,
    });
  }
  function reset() {
    setFilters({});
    setFormKey((k) => k + 1);
  }

  const list = orders.data ?? [];
  return (
    <Page
      title={t('workOrders.title')}
      intro={t('workOrders.intro')}
      actions={
        manage ? (
          <Button icon="add" onClick={() => setCreating(true)}>
            {t('workOrders.create')}
          </Button>
        ) : null
      }
    >
      {manage ? (
        <CreateOrderDialog networkId={networkId} open={creating} onClose={() => setCreating(false)} />
      ) : null}
      <form key={formKey} onSubmit={apply} aria-label={t('workOrders.filters')}>
        <fieldset className="bn-filters">
          <legend>{t('workOrders.filters')}</legend>
          <SelectField
            label={t('workOrders.status')}
            name="status"
            defaultValue={filters.status ?? ''}
            options={[
              { value: '', label: t('workOrders.all') },
              ...orderStatuses.map((s) => ({ value: s, label: t(`workOrders.statuses.${s}`) })),
            ]}
          />
          <SelectField
            label={t('workOrders.field')}
            name="fieldId"
            defaultValue={filters.fieldId ?? ''}
            options={[
              { value: '', label: t('workOrders.all') },
              ...(fields.data ?? []).map((f) => ({ value: f.id, label: f.name })),
            ]}
          />
          {manage ? (
            <SelectField
              label={t('workOrders.assignee')}
              name="assigneeId"
              defaultValue={filters.assigneeId ?? ''}
              options={[
                { value: '', label: t('workOrders.all') },
                ...(staff.data ?? []).map((s) => ({ value: s.userId, label: s.name })),
              ]}
            />
          ) : null}
          <CheckboxField
            label={t('workOrders.overdueOnly')}
            name="overdue"
            defaultChecked={!!filters.overdue}
          />
          <div className="bn-filters__actions">
            <Button type="submit" icon="search">
              {t('workOrders.apply')}
            </Button>
            <Button variant="secondary" onClick={reset}>
              {t('workOrders.reset')}
            </Button>
          </div>
        </fieldset>
      </form>
      <ErrorAlert error={orders.error} />
      <p className="kern-body" aria-live="polite">
        {orders.data ? t('workOrders.total', { count: list.length }) : null}
      </p>
      {orders.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="kern-body">{t('workOrders.none')}</p>
      ) : (
        <TableRegion label={t('workOrders.tableCaption')}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{t('workOrders.tableCaption')}</caption>
            <TableHead
              columns={[
                t('workOrders.numberTitle'),
                t('workOrders.fieldAssignee'),
                t('workOrders.due'),
                t('workOrders.status'),
              ]}
            />
            <tbody className="kern-table__body">
              {list.map((o) => (
                <OrderRow key={o.id} networkId={networkId} order={o} />
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Page>
  );
}

function OrderRow({ networkId, order: o }: { networkId: string; order: WorkOrder }) {
  const { t } = useTranslation();
  return (
    <tr className="kern-table__row">
      <th scope="row" className="kern-table__cell bn-row-head bn-break">
        <Link
          to="/n/$networkId/arbeitsprogramm/auftraege/$orderId"
          params={{ networkId, orderId: o.id }}
          className="kern-link"
        >
          {o.number}
        </Link>
        <span className="bn-cell-second">{o.title}</span>
        <OrderFlags order={o} />
      </th>
      <td className="kern-table__cell bn-break">
        {o.fieldName}
        <span className="bn-cell-second">{o.assignee.name}</span>
      </td>
      <td className="kern-table__cell bn-nowrap">
        {formatDay(o.dueOn)}
        {o.overdue ? <span className="bn-cell-second bn-overdue">{t('workOrders.overdue')}</span> : null}
      </td>
      <td className="kern-table__cell">
        <OrderStatusBadge status={o.status} />
        <OrderProgress number={o.number} value={o.progress} />
      </td>
    </tr>
  );
}
