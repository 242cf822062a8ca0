import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function InstitutionPage(_p: { networkId: string; institutionId: string }) {
  const { t } = useTranslation();
  useTitle(t('contactsInstitutions.title'));
  return <h1 className="kern-heading-x-large">{t('contactsInstitutions.title')}</h1>;
}
