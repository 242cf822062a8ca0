import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DeskItem } from '../../contracts/work-desk';

/** An order or task of the desk as a link: an order to its page, a task to its project's page. */
export function WorkItemLink({
  networkId,
  item,
}: {
  networkId: string;
  item: Pick<DeskItem, 'kind' | 'id' | 'number' | 'title' | 'projectId'>;
}) {
  const { t } = useTranslation();
  return item.kind === 'order' ? (
    <Link
      to="/n/$networkId/arbeitsprogramm/auftraege/$orderId"
      params={{ networkId, orderId: item.id }}
      className="kern-link"
    >
      {item.number} {item.title}
    </Link>
  ) : (
    <Link
      to="/n/$networkId/arbeitsprogramm/projekte/$projectId"
      params={{ networkId, projectId: item.projectId! }}
      className="kern-link"
    >
      {t('workDesk.task')}: {item.title}
    </Link>
  );
}
