import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api';

/** The year's work programme to download (work.read): whole as PDF, only the orders, and Excel. */
export function ExportLinks({ networkId, year }: { networkId: string; year: number }) {
  const { t } = useTranslation();
  return (
    <ul className="bn-card-list bn-card-list--plain">
      <li className="kern-body">
        <a className="kern-link" href={exportUrl(networkId, 'pdf', year)} download>
          {t('workDesk.exportPdf', { year })}
        </a>
      </li>
      <li className="kern-body">
        <a className="kern-link" href={exportUrl(networkId, 'pdf', year, 'orders')} download>
          {t('workDesk.exportOrders', { year })}
        </a>
      </li>
      <li className="kern-body">
        <a className="kern-link" href={exportUrl(networkId, 'xlsx', year)} download>
          {t('workDesk.exportXlsx', { year })}
        </a>
      </li>
    </ul>
  );
}
