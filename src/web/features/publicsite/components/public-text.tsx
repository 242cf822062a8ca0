import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/alert';
import { Page } from '../../../components/ui/page';
import { isApiError } from '../../../lib/api';

/** Plain text with paragraphs separated by blank lines, as the server stores it. */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text, never reordered
        <p key={i} className="kern-body bn-pre-line">
          {p}
        </p>
      ))}
    </>
  );
}

export function PublicNotFound({ error }: { error: unknown }) {
  const { t } = useTranslation(undefined, { lng: 'de' });
  const missing = isApiError(error) && error.status === 404;
  return (
    <Page title={missing ? t('publicSite.notFound') : t('errorPage.title')}>
      {missing ? <p className="kern-body">{t('publicSite.notFoundText')}</p> : <ErrorAlert error={error} />}
    </Page>
  );
}
