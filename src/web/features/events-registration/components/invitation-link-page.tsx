import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function InvitationLinkPage(_p: { token: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsRegistration.invitationTitle'));
  return <h1 className="kern-heading-x-large">{t('eventsRegistration.invitationTitle')}</h1>;
}
