import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TraceKind } from '../../../../contracts/trace';
import { useCan } from '../../../lib/session';

/**
 * "Verlauf anzeigen": the link from any decision, goal, order, project or report to its trace. Every
 * page of these things shows it (only for people who may read the work programme).
 */
export function TraceLink({
  networkId,
  kind,
  id,
  label,
}: {
  networkId: string;
  kind: TraceKind;
  id: string;
  /** What the link leads from, for screen readers when several links share a page ("AA-2027-03"). */
  label?: string;
}) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('work.read')) return null;
  return (
    <Link
      to="/n/$networkId/verlauf/$kind/$entityId"
      params={{ networkId, kind, entityId: id }}
      className="kern-link"
      aria-label={label ? t('trace.showOf', { label }) : undefined}
    >
      <span className="kern-icon kern-icon--arrow-forward" aria-hidden="true" />
      {t('trace.show')}
    </Link>
  );
}
