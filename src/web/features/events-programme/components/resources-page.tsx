import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function ResourcesPage(_p: { networkId: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsProgramme.resourcesTitle'));
  return <h1 className="kern-heading-x-large">{t('eventsProgramme.resourcesTitle')}</h1>;
}
