import { useTranslation } from 'react-i18next';
import type { FieldOfAction, Party, VersionSummary } from '../../../../contracts/contract';
import { Badge } from '../../../components/ui';
import type { MessageKey } from '../../../i18n';
import { formatDay } from '../../../lib/format';

export const parties: Party[] = ['land', 'municipality'];
export const owners = ['land', 'school_operator', 'municipality', 'other'] as const;
export const categories = ['inner_school', 'outer_school', 'youth', 'other'] as const;

export function useOwnerOptions() {
  const { t } = useTranslation();
  return owners.map((o) => ({ value: o, label: t(`contract.owners.${o}`) }));
}

export function StatusBadge({ status }: { status: VersionSummary['status'] }) {
  const { t } = useTranslation();
  const kind = status === 'in_force' ? 'success' : status === 'draft' ? 'warning' : 'info';
  return <Badge kind={kind}>{t(`contract.statuses.${status}`)}</Badge>;
}

/** "✓ Land  ○ Kommune": which party has consented, readable without the symbols too. */
export function ConsentMarks({ version }: { version: VersionSummary }) {
  const { t } = useTranslation();
  return (
    <ul className="bn-consents">
      {parties.map((p) => {
        const c = version.consents.find((x) => x.party === p);
        return (
          <li key={p} className={c ? 'bn-consents__yes' : 'bn-consents__no'}>
            <span aria-hidden="true">{c ? '✓' : '○'}</span> {t(`contract.parties.${p}`)}
            <span className="kern-sr-only">
              : {c ? t('contract.consentGiven') : t('contract.consentMissing')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** What a field of action is on the day asked: joint since, ended since, a draft, or not yet. */
export function fieldStatus(
  f: FieldOfAction,
  on: string,
): {
  kind: 'success' | 'info' | 'warning';
  key: MessageKey;
  values: Record<string, unknown>;
} {
  const intro = f.introducedBy;
  const end = f.endedBy;
  if (f.joint) {
    return { kind: 'success', key: 'fields.jointSince', values: { date: formatDay(intro.effectiveFrom) } };
  }
  if (intro.status === 'withdrawn') return { kind: 'info', key: 'fields.withdrawn', values: {} };
  if (intro.status === 'draft')
    return {
      kind: 'warning',
      key: 'fields.draft',
      values: { number: intro.number, date: formatDay(intro.effectiveFrom) },
    };
  if (end && end.status === 'in_force' && end.effectiveFrom <= on)
    return { kind: 'info', key: 'fields.endedSince', values: { date: formatDay(end.effectiveFrom) } };
  return { kind: 'info', key: 'fields.notYet', values: { date: formatDay(intro.effectiveFrom) } };
}
