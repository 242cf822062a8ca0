import { useTranslation } from 'react-i18next';
import { useTitle } from '../../../lib/use-title';
import { PrivacySection } from '../../contacts-privacy';

/** Placeholder until the people part is built; renders the privacy section (its slot on the person page). */
export function PersonPage({ networkId, personId }: { networkId: string; personId: string }) {
  const { t } = useTranslation();
  useTitle(t('contactsPeople.title'));
  return (
    <>
      <h1 className="kern-heading-x-large">{t('contactsPeople.title')}</h1>
      <PrivacySection networkId={networkId} personId={personId} />
    </>
  );
}
