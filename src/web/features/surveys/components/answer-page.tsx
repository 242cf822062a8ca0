import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';

/** Placeholder until the part is built. */
export function AnswerPage(_p: { token: string }) {
  const { t } = useTranslation();
  useTitle(t('surveys.answerTitle'));
  return <h1 className="kern-heading-x-large">{t('surveys.answerTitle')}</h1>;
}
