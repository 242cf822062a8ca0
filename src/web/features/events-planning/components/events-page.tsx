import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function EventsPage(_p: { networkId: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsPlanning.title'));
  return <h1 className="kern-heading-x-large">{t('eventsPlanning.title')}</h1>;
}
