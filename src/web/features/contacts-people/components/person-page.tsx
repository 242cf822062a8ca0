import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function PersonPage(_p: { networkId: string; personId: string }) {
  const { t } = useTranslation();
  useTitle(t('contactsPeople.title'));
  return <h1 className="kern-heading-x-large">{t('contactsPeople.title')}</h1>;
}
