import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { Alert } from './alert';
import { LinkPageHeading } from './link-page-layout';

/** A personal link answered 410: it worked once and no longer does (deadline, meeting over, term, replaced). */
export const isGone = (error: unknown) => isApiError(error) && error.status === 410;

/** The page a member sees for a personal link that no longer works, in place of the form. */
export function LinkGone({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = isApiError(error) ? error.code.replace(/^links\./, '') : '';
  const key = `personalLinks.gone.${code}`;
  return (
    <>
      <LinkPageHeading title={t('personalLinks.goneTitle')} />
      <Alert kind="info" title={t('personalLinks.goneTitle')}>
        <p className="kern-body">
          {t(key, { defaultValue: isApiError(error) ? error.message : t('personalLinks.goneTitle') })}
        </p>
      </Alert>
      <p className="kern-body">{t('personalLinks.goneHelp')}</p>
    </>
  );
}
