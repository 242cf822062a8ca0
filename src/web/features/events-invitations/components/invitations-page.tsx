import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function InvitationsPage(_p: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsInvitations.title'));
  return <h1 className="kern-heading-x-large">{t('eventsInvitations.title')}</h1>;
}
