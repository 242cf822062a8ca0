import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../../../../contracts/work';
import type { WorkOrder } from '../../../../contracts/work-orders';
import { Badge, ProgressBar } from '../../../components/ui';
import { formatDay } from '../../../lib/format';

const statusKind = {
  new: 'info',
  accepted: 'info',
  in_progress: 'info',
  done: 'success',
  reported: 'success',
  returned: 'warning',
} as const;

/** The state in words (never colour alone). */
export function OrderStatusBadge({ status }: { status: WorkOrderStatus }) {
  const { t } = useTranslation();
  return <Badge kind={statusKind[status]}>{t(`workOrders.statuses.${status}`)}</Badge>;
}

/** An order's progress bar, named with its number. */
export function OrderProgress({ number, value }: { number: string; value: number }) {
  const { t } = useTranslation();
  return <ProgressBar value={value} label={t('workOrders.progressOf', { number, value })} />;
}

/** What needs the committee: the field of action ended by the contract, or the order returned. */
export function OrderFlags({ order: o, long }: { order: WorkOrder; long?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {o.fieldEndedOn ? (
        <span className="bn-cell-second">
          <Badge kind="danger" icon="warning">
            {long
              ? t('workOrders.fieldEndedOn', { date: formatDay(o.fieldEndedOn) })
              : t('workOrders.fieldEnded')}
          </Badge>
        </span>
      ) : null}
      {long && o.status === 'returned' && o.returnReason ? (
        <span className="bn-cell-second">{t('workOrders.returned', { reason: o.returnReason })}</span>
      ) : null}
    </>
  );
}
