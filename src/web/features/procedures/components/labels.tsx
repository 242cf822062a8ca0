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

/**
 * Ten days ahead at noon, Berlin wall-clock, moved to the next working day in NRW (never a weekend or
 * public holiday), in the form the API reads.
 */
export { defaultDeadline } from '../../../../contracts/working-days';
