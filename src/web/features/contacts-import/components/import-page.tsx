import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function ImportPage(_p: { networkId: string }) {
  const { t } = useTranslation();
  useTitle(t('contactsImport.title'));
  return <h1 className="kern-heading-x-large">{t('contactsImport.title')}</h1>;
}
