import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
// Single modules, not the index: the index also holds the dialogs, which would pull React Aria
// into this page that has none.
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField, TextField } from '../../../components/ui/field';
import { meQuery } from '../../../lib/session';
import { publicNetworksQuery, signIn, verifyTotp } from '../api';
import { AuthCard } from './auth-layout';

/** Only same-site paths are followed after sign-in, never another origin. */
export const safeNext = (next: string | undefined) =>
  next?.startsWith('/') && !next.startsWith('//') ? next : '/';

export function SignInPage({ next }: { next?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const codeRef = useRef<HTMLInputElement>(null);

  const done = async () => {
    await qc.invalidateQueries();
    await qc.fetchQuery({ ...meQuery, staleTime: 0 });
    await navigate({ to: safeNext(next) });
  };

  const password = useMutation({
    mutationFn: (f: { email: string; password: string }) => signIn(f.email, f.password),
    onSuccess: async (r) => {
      if (r.twoFactor) setStep('totp');
      else await done();
    },
  });
  const totp = useMutation({
    mutationFn: (f: { code: string; trust: boolean }) => verifyTotp(f.code, f.trust),
    onSuccess: done,
  });

  useEffect(() => {
    if (step === 'totp') codeRef.current?.focus();
  }, [step]);

  function submitPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    password.mutate({ email: String(fd.get('email') ?? ''), password: String(fd.get('password') ?? '') });
  }
  function submitTotp(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    totp.mutate({ code: String(fd.get('code') ?? '').replace(/\s/g, ''), trust: fd.get('trust') === 'on' });
  }

  if (step === 'totp')
    return (
      <AuthCard title={t('signIn.totpTitle')} intro={t('signIn.totpIntro')}>
        <form className="bn-form" onSubmit={submitTotp}>
          <ErrorAlert error={totp.error} />
          <TextField
            ref={codeRef}
            label={t('signIn.totpCode')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,8}"
            required
            className="kern-form-input__input--width-4"
          />
          <CheckboxField label={t('signIn.trustDevice')} name="trust" />
          <div className="bn-form__actions">
            <Button type="submit" busy={totp.isPending}>
              {t('signIn.totpSubmit')}
            </Button>
          </div>
        </form>
      </AuthCard>
    );

  return (
    <AuthCard title={t('signIn.title')} intro={t('signIn.intro')}>
      <form className="bn-form" onSubmit={submitPassword}>
        <ErrorAlert error={password.error} />
        <TextField label={t('common.email')} name="email" type="email" autoComplete="username" required />
        <TextField
          label={t('common.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <div className="bn-form__actions">
          <Button type="submit" busy={password.isPending}>
            {t('signIn.submit')}
          </Button>
          <Link to="/passwort-vergessen" className="kern-link">
            {t('signIn.forgot')}
          </Link>
        </div>
      </form>
      <PublicPages />
    </AuthCard>
  );
}

/** Visitors who came here by mistake find the public pages of the networks. */
function PublicPages() {
  const { t } = useTranslation();
  const list = useQuery(publicNetworksQuery);
  if (!list.data || list.data.length === 0) return null;
  return (
    <section className="bn-public-list" aria-labelledby="public-pages">
      <h2 className="kern-heading-small" id="public-pages">
        {t('signIn.publicTitle')}
      </h2>
      <p className="kern-body kern-body--small">{t('signIn.publicIntro')}</p>
      <ul className="bn-plain-list bn-stack">
        {list.data.map((n) => (
          <li key={n.slug}>
            <Link to="/netzwerk/$slug" params={{ slug: n.slug }} className="kern-link">
              {n.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
