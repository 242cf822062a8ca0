import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function ListPage(_p: { networkId: string; listId: string }) {
  const { t } = useTranslation();
  useTitle(t('contactsLists.title'));
  return <h1 className="kern-heading-x-large">{t('contactsLists.title')}</h1>;
}
