import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function EventEvaluationPage(_p: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  useTitle(t('surveys.eventTitle'));
  return <h1 className="kern-heading-x-large">{t('surveys.eventTitle')}</h1>;
}
