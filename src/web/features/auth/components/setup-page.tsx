import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
// Single modules, not the index: the index also holds the dialogs, which would pull React Aria
// into this page that has none.
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/page';
import { NewPasswordFields, passwordsDiffer } from '../../../components/ui/password-fields';
import { meQuery, setupQuery } from '../../../lib/session';
import { runSetup, signIn } from '../api';
import { AuthCard } from './auth-layout';

export function SetupPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const status = useQuery(setupQuery);
  const [mismatch, setMismatch] = useState(false);

  const setup = useMutation({
    mutationFn: async (f: {
      name: string;
      email: string;
      password: string;
      networkName: string;
      regionKey: string;
    }) => {
      const { networkId } = await runSetup({
        admin: { name: f.name, email: f.email, password: f.password },
        network: { name: f.networkName, regionKey: f.regionKey },
      });
      await signIn(f.email, f.password);
      return networkId;
    },
    onSuccess: async (networkId) => {
      qc.setQueryData(setupQuery.queryKey, { needed: false });
      await qc.fetchQuery({ ...meQuery, staleTime: 0 });
      await navigate({ to: '/n/$networkId/start', params: { networkId } });
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const s = (k: string) => String(fd.get(k) ?? '');
    if (passwordsDiffer(fd)) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setup.mutate({
      name: s('name'),
      email: s('email'),
      password: s('password'),
      networkName: s('networkName'),
      regionKey: s('regionKey'),
    });
  }

  if (status.isPending) return <Loading />;
  if (status.data && !status.data.needed && !setup.isSuccess && !setup.isPending)
    return (
      <AuthCard title={t('setup.title')}>
        <Alert kind="info">{t('setup.done')}</Alert>
        <p className="bn-auth-links">
          <Link to="/anmelden" className="kern-link">
            {t('nav.signIn')}
          </Link>
        </p>
      </AuthCard>
    );

  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')}>
      <form className="bn-form" onSubmit={submit} noValidate={false}>
        <ErrorAlert error={setup.error} />
        <fieldset className="kern-fieldset">
          <legend className="kern-label kern-label--large">{t('setup.adminLegend')}</legend>
          <div className="kern-fieldset__body">
            <TextField label={t('common.name')} name="name" autoComplete="name" required minLength={2} />
            <TextField label={t('common.email')} name="email" type="email" autoComplete="email" required />
            <NewPasswordFields mismatch={mismatch} />
          </div>
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label kern-label--large">{t('setup.networkLegend')}</legend>
          <div className="kern-fieldset__body">
            <TextField
              label={t('setup.networkName')}
              name="networkName"
              required
              minLength={3}
              placeholder={t('setup.networkNamePlaceholder')}
            />
            <TextField
              label={t('setup.regionKey')}
              name="regionKey"
              required
              inputMode="numeric"
              pattern="[0-9]{2,12}"
              hint={t('setup.regionKeyHint')}
              className="kern-form-input__input--width-4"
            />
          </div>
        </fieldset>
        <div className="bn-form__actions">
          <Button type="submit" busy={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </div>
      </form>
    </AuthCard>
  );
}
