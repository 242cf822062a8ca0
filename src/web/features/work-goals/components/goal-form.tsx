import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailableDecision } from '../../../../contracts/work-goals';
import { SelectField } from '../../../components/ui';
import { formatDay } from '../../../lib/format';
import { availableDecisionsQuery } from '../api';

/** The decision picker: taken decisions of a type, the ones already used marked (not hidden). */
export function DecisionPicker({
  networkId,
  type,
  alsoPlans = false,
  hint,
  onPick,
  name = 'decisionId',
}: {
  networkId: string;
  type: 'goal' | 'work_plan';
  /** A goal's change may also be decided with the work plan. */
  alsoPlans?: boolean;
  hint: string;
  onPick?: (d: AvailableDecision | undefined) => void;
  name?: string;
}) {
  const { t } = useTranslation();
  const decisions = useQuery(availableDecisionsQuery(networkId, type));
  const plans = useQuery(availableDecisionsQuery(networkId, 'work_plan', alsoPlans));
  const [value, setValue] = useState('');
  const list = [...(decisions.data ?? []), ...(alsoPlans ? (plans.data ?? []) : [])].sort((a, b) =>
    b.decidedOn.localeCompare(a.decidedOn),
  );
  if (decisions.data && list.length === 0)
    return (
      <p className="kern-body" role="status">
        {type === 'goal' ? t('workGoals.noDecisions') : t('workGoals.noPlanDecisions')}
      </p>
    );
  const label = (d: AvailableDecision) =>
    `${d.number} (${formatDay(d.decidedOn)}): ${d.title}${d.fieldName ? ` – ${d.fieldName}` : ''}`;
  return (
    <SelectField
      label={t('workGoals.decision')}
      hint={hint}
      name={name}
      required
      value={value}
      onChange={(e) => {
        setValue(e.target.value);
        onPick?.(list.find((d) => d.id === e.target.value));
      }}
      options={[
        { value: '', label: t('workGoals.choose') },
        ...list.map((d) => ({
          value: d.id,
          label: d.used ? t('workGoals.decisionUsed', { label: label(d) }) : label(d),
        })),
      ]}
    />
  );
}

/** Empty text → null, for the optional fields of a form. */
export const textOrNull = (fd: FormData, k: string) => {
  const v = String(fd.get(k) ?? '').trim();
  return v ? v : null;
};
