import { useTranslation } from 'react-i18next';
import type { DecisionType, Procedure } from '../../../../contracts/steering';
import { Badge } from '../../../components/ui';

export const decisionTypes: DecisionType[] = [
  'goal',
  'work_plan',
  'work_order',
  'recommendation',
  'contract_amendment',
  'procedural',
];

const kinds = { open: 'info', taken: 'success', not_taken: 'danger' } as const;

export function ProcedureStatus({ status }: { status: Procedure['status'] }) {
  const { t } = useTranslation();
  return <Badge kind={kinds[status]}>{t(`procedures.statuses.${status}`)}</Badge>;
}

/** Ten days ahead at noon, Berlin wall-clock, in the form the API and datetime-local share. */
export function defaultDeadline(todayIso: string): string {
  const [y, m, d] = todayIso.split('-').map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d! + 10));
  return `${day.toISOString().slice(0, 10)}T12:00`;
}
