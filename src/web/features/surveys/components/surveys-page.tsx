import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function SurveysPage(_p: { networkId: string }) {
  const { t } = useTranslation();
  useTitle(t('surveys.title'));
  return <h1 className="kern-heading-x-large">{t('surveys.title')}</h1>;
}
