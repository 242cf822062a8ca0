import { useTranslation } from 'react-i18next';
import { exportUrl } from '../api';

const exports = [
  { format: 'pdf', label: 'workDesk.exportPdf' },
  { format: 'pdf', kind: 'orders', label: 'workDesk.exportOrders' },
  { format: 'xlsx', label: 'workDesk.exportXlsx' },
] as const;

/** The year's work programme to download (work.read): whole as PDF, only the orders, and Excel. */
export function ExportLinks({ networkId, year }: { networkId: string; year: number }) {
  const { t } = useTranslation();
  return (
    <ul className="bn-card-list bn-card-list--plain">
      {exports.map((e) => (
        <li key={e.label} className="kern-body">
          <a
            className="kern-link"
            href={exportUrl(networkId, e.format, year, 'kind' in e ? e.kind : undefined)}
            download
          >
            {t(e.label, { year })}
          </a>
        </li>
      ))}
    </ul>
  );
}
