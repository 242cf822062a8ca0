import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function PublicEventsPage(_p: { slug: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsPlanning.publicTitle'));
  return <h1 className="kern-heading-x-large">{t('eventsPlanning.publicTitle')}</h1>;
}
