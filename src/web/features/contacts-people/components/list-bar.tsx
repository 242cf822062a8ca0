import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api';

/** Above a list view: the live result count (announced) and the view as Excel and CSV with its filters. */
export function ListBar({
  networkId,
  what,
  count,
  filters,
}: {
  networkId: string;
  what: 'people' | 'institutions';
  count: string | null;
  filters: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <div className="bn-contacts-bar">
      <p className="kern-body" aria-live="polite" role="status">
        {count}
      </p>
      <p className="kern-body bn-contacts-exports">
        {t('contactsPeople.export')}:{' '}
        <a className="kern-link" href={exportUrl(networkId, what, 'xlsx', filters)} download>
          {t('contactsPeople.excel')}
        </a>{' '}
        ·{' '}
        <a className="kern-link" href={exportUrl(networkId, what, 'csv', filters)} download>
          {t('contactsPeople.csv')}
        </a>
      </p>
    </div>
  );
}
