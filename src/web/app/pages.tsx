import { type ErrorComponentProps, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Page } from '../components/ui/page';
import { errorText } from '../i18n';
import { ApiError } from '../lib/api';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.text')}>
      <p>
        <Link to="/" className="kern-link">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <Alert kind="warning">{t('errors.forbidden')}</Alert>
    </Page>
  );
}

export function ErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const id = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Page title={t('errorPage.title')} intro={t('errorPage.text')}>
      <Alert kind="danger" title={t('errors.title')}>
        <p className="kern-body">{errorText(error)}</p>
        {id ? <p className="kern-body kern-body--small">{t('errorPage.reference', { id })}</p> : null}
      </Alert>
      <p className="bn-auth-links">
        <Button variant="secondary" icon="autorenew" onClick={() => window.location.reload()}>
          {t('errorPage.reload')}
        </Button>
      </p>
    </Page>
  );
}
