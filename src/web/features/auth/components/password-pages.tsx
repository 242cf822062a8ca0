import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
// Single modules, not the index: the index also holds the dialogs, which would pull React Aria
// into this page that has none.
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { NewPasswordFields, passwordsDiffer } from '../../../components/ui/password-fields';
import { requestPasswordReset, resetPassword } from '../api';
import { AuthCard } from './auth-layout';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const m = useMutation({ mutationFn: (email: string) => requestPasswordReset(email) });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    m.mutate(String(new FormData(e.currentTarget).get('email') ?? ''));
  }
  return (
    <AuthCard title={t('forgot.title')} intro={m.isSuccess ? undefined : t('forgot.intro')}>
      {m.isSuccess ? (
        <Alert kind="success">{t('forgot.sent')}</Alert>
      ) : (
        <form className="bn-form" onSubmit={submit}>
          <ErrorAlert error={m.error} />
          <TextField label={t('common.email')} name="email" type="email" autoComplete="email" required />
          <div className="bn-form__actions">
            <Button type="submit" busy={m.isPending}>
              {t('forgot.submit')}
            </Button>
          </div>
        </form>
      )}
      <p className="bn-auth-links">
        <Link to="/anmelden" className="kern-link">
          {t('forgot.backToSignIn')}
        </Link>
      </p>
    </AuthCard>
  );
}

export function ResetPasswordPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  const [mismatch, setMismatch] = useState(false);
  const m = useMutation({ mutationFn: (pw: string) => resetPassword(pw, token ?? '') });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const pw = String(fd.get('password') ?? '');
    if (passwordsDiffer(fd)) return setMismatch(true);
    setMismatch(false);
    m.mutate(pw);
  }
  return (
    <AuthCard title={t('reset.title')}>
      {!token ? (
        <Alert kind="danger">{t('reset.missingToken')}</Alert>
      ) : m.isSuccess ? (
        <Alert kind="success">{t('reset.done')}</Alert>
      ) : (
        <form className="bn-form" onSubmit={submit}>
          <ErrorAlert error={m.error} />
          <NewPasswordFields label={t('reset.newPassword')} mismatch={mismatch} />
          <div className="bn-form__actions">
            <Button type="submit" busy={m.isPending}>
              {t('reset.submit')}
            </Button>
          </div>
        </form>
      )}
      <p className="bn-auth-links">
        <Link to={token ? '/anmelden' : '/passwort-vergessen'} className="kern-link">
          {!token ? t('forgot.title') : t('forgot.backToSignIn')}
        </Link>
      </p>
    </AuthCard>
  );
}
