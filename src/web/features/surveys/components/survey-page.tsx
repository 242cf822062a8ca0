import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function SurveyPage(_p: { networkId: string; surveyId: string }) {
  const { t } = useTranslation();
  useTitle(t('surveys.surveyTitle'));
  return <h1 className="kern-heading-x-large">{t('surveys.surveyTitle')}</h1>;
}
