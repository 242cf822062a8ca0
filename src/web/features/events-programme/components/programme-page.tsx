import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function ProgrammePage(_p: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsProgramme.title'));
  return <h1 className="kern-heading-x-large">{t('eventsProgramme.title')}</h1>;
}
