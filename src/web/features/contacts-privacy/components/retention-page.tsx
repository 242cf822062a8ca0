import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function RetentionPage(_p: { networkId: string }) {
  const { t } = useTranslation();
  useTitle(t('contactsPrivacy.title'));
  return <h1 className="kern-heading-x-large">{t('contactsPrivacy.title')}</h1>;
}
