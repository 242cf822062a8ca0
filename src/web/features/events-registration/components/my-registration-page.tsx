import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function MyRegistrationPage(_p: { token: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsRegistration.mineTitle'));
  return <h1 className="kern-heading-x-large">{t('eventsRegistration.mineTitle')}</h1>;
}
