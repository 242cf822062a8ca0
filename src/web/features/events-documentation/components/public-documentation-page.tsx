import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function PublicDocumentationPage(_p: { slug: string; eventId: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsDocumentation.publicTitle'));
  return <h1 className="kern-heading-x-large">{t('eventsDocumentation.publicTitle')}</h1>;
}
