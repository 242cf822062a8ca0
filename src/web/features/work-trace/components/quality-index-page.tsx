import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { StepState } from '../../../../contracts/work-quality';
import { Badge, ErrorAlert, Loading, Page, TableHead, TableRegion } from '../../../components/ui';
import { qualityIndexQuery } from '../api';

export const stepKeys = ['goals', 'measures', 'evaluation', 'adjustment'] as const;
export const stepKind = { open: 'info', running: 'info', done: 'success', overdue: 'danger' } as const;

/** A step's state as a badge with its word (never colour alone). */
export function StepBadge({ state }: { state: StepState }) {
  const { t } = useTranslation();
  return <Badge kind={stepKind[state]}>{t(`quality.states.${state}`)}</Badge>;
}

/** Every field of action with the compact state of each step of its quality cycle. */
export function QualityIndexPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const q = useQuery(qualityIndexQuery(networkId));
  return (
    <Page title={t('quality.title')} intro={t('quality.intro')}>
      <ErrorAlert error={q.error} />
      {q.isPending ? (
        <Loading />
      ) : !q.data || q.data.length === 0 ? (
        <p className="kern-body">{t('quality.none')}</p>
      ) : (
        <TableRegion label={t('quality.tableCaption')}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{t('quality.tableCaption')}</caption>
            <TableHead
              columns={[
                t('quality.field'),
                ...stepKeys.map((s) => t(`quality.steps.${s}`)),
                { label: t('quality.overdueCount'), numeric: true },
              ]}
            />
            <tbody className="kern-table__body">
              {q.data.map((f) => (
                <tr key={f.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell bn-row-head bn-break">
                    <Link
                      to="/n/$networkId/arbeitsprogramm/qualitaet/$fieldId"
                      params={{ networkId, fieldId: f.id }}
                      className="kern-link"
                    >
                      {f.name}
                    </Link>
                  </th>
                  {stepKeys.map((s) => (
                    <td key={s} className="kern-table__cell">
                      <StepBadge state={f.steps[s]} />
                    </td>
                  ))}
                  <td className="kern-table__cell kern-table__cell--numeric">{f.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Page>
  );
}
