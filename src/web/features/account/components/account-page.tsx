import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ErrorAlert,
  NewPasswordFields,
  Page,
  passwordsDiffer,
  Section,
  StatusMessage,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { meQuery, useMe } from '../../../lib/session';
import { changePassword, disableTwoFactor, enableTwoFactor, updateName, verifyTwoFactor } from '../api';
import { CalendarLinks } from './calendar-links';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) return null;
  const required = me.networks.filter((n) => me.secondFactorRequiredBy.includes(n.id));
  return (
    <Page title={t('account.title')}>
      {required.length > 0 && !me.user.twoFactorEnabled ? (
        <Alert kind="warning">
          {t('account.twoFactorRequired', { networks: required.map((n) => n.name).join('“, „') })}
        </Alert>
      ) : null}
      <ProfileSection name={me.user.name} email={me.user.email} />
      <PasswordSection />
      <TwoFactorSection enabled={me.user.twoFactorEnabled} />
      <CalendarLinks networks={me.networks} />
      <Section title={t('account.networksTitle')}>
        {me.networks.length === 0 ? (
          <p className="kern-body">{t('account.noNetworks')}</p>
        ) : (
          <TableRegion label={t('account.networksTitle')}>
            <table className="kern-table bn-table">
              <caption className="kern-sr-only">{t('account.networksTitle')}</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('nav.network')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('common.role')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {me.networks.map((n) => (
                  <tr className="kern-table__row" key={n.id}>
                    <td className="kern-table__cell">
                      <Link to="/n/$networkId/start" params={{ networkId: n.id }} className="kern-link">
                        {n.name}
                      </Link>
                    </td>
                    <td className="kern-table__cell">{t(`roles.${n.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </Section>
    </Page>
  );
}

function ProfileSection({ name, email }: { name: string; email: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: updateName,
    onSuccess: () => qc.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    m.mutate(String(new FormData(e.currentTarget).get('name') ?? '').trim());
  }
  return (
    <Section title={t('account.profile')}>
      <form className="bn-form" onSubmit={submit}>
        <ErrorAlert error={m.error} />
        <StatusMessage message={m.isSuccess ? t('account.nameSaved') : null} />
        <TextField
          label={t('common.name')}
          name="name"
          defaultValue={name}
          required
          minLength={2}
          autoComplete="name"
        />
        <TextField label={t('common.email')} value={email} readOnly type="email" />
        <div className="bn-form__actions">
          <Button type="submit" busy={m.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [mismatch, setMismatch] = useState(false);
  const m = useMutation({
    mutationFn: (f: { current: string; next: string }) => changePassword(f.current, f.next),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const next = String(fd.get('new') ?? '');
    if (passwordsDiffer(fd, 'new', 'new2')) return setMismatch(true);
    setMismatch(false);
    m.mutate({ current: String(fd.get('current') ?? ''), next }, { onSuccess: () => form.reset() });
  }
  return (
    <Section title={t('account.passwordTitle')}>
      <form className="bn-form" onSubmit={submit}>
        <ErrorAlert error={m.error} />
        <StatusMessage message={m.isSuccess ? t('account.passwordSaved') : null} />
        <TextField
          label={t('account.currentPassword')}
          name="current"
          type="password"
          autoComplete="current-password"
          required
        />
        <NewPasswordFields
          label={t('account.newPassword')}
          name="new"
          repeatName="new2"
          mismatch={mismatch}
        />
        <div className="bn-form__actions">
          <Button type="submit" busy={m.isPending}>
            {t('account.passwordSubmit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [setup, setSetup] = useState<{ totpURI: string; backupCodes: string[] } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries();

  const enable = useMutation({
    mutationFn: enableTwoFactor,
    onSuccess: (d) => {
      setMessage(null);
      setSetup(d);
    },
  });
  const verify = useMutation({
    mutationFn: verifyTwoFactor,
    onSuccess: async () => {
      setSetup(null);
      setMessage(t('account.twoFactorEnabled'));
      await refresh();
    },
  });
  const disable = useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: async () => {
      setMessage(t('account.twoFactorDisabled'));
      await refresh();
    },
  });

  const passwordForm = (action: 'enable' | 'disable') => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const pw = String(new FormData(e.currentTarget).get('password') ?? '');
    (action === 'enable' ? enable : disable).mutate(pw);
  };

  return (
    <Section title={t('account.twoFactorTitle')}>
      <div className="bn-stack">
        <StatusMessage message={message} />
        <p className="kern-body">{enabled ? t('account.twoFactorOn') : t('account.twoFactorOff')}</p>
        {setup ? (
          <form
            className="bn-form"
            onSubmit={(e) => {
              e.preventDefault();
              verify.mutate(String(new FormData(e.currentTarget).get('code') ?? '').replace(/\s/g, ''));
            }}
          >
            <ErrorAlert error={verify.error} />
            <div>
              <h3 className="kern-heading-small">{t('account.twoFactorUri')}</h3>
              <p className="kern-body">{t('account.twoFactorUriHint')}</p>
              <code className="bn-code">{setup.totpURI}</code>
            </div>
            {setup.backupCodes.length > 0 ? (
              <div>
                <h3 className="kern-heading-small">{t('account.backupCodes')}</h3>
                <p className="kern-body">{t('account.backupCodesHint')}</p>
                <ul className="bn-codes">
                  {setup.backupCodes.map((c) => (
                    <li key={c}>
                      <code>{c}</code>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <TextField
              label={t('signIn.totpCode')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              className="kern-form-input__input--width-4"
            />
            <div className="bn-form__actions">
              <Button type="submit" busy={verify.isPending}>
                {t('account.twoFactorVerify')}
              </Button>
              <Button variant="secondary" onClick={() => setSetup(null)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <form className="bn-form" onSubmit={passwordForm(enabled ? 'disable' : 'enable')}>
            <ErrorAlert error={enabled ? disable.error : enable.error} />
            <TextField
              label={t('common.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              hint={t('account.twoFactorPasswordHint')}
            />
            <div className="bn-form__actions">
              <Button
                type="submit"
                variant={enabled ? 'secondary' : 'primary'}
                busy={enable.isPending || disable.isPending}
              >
                {enabled ? t('account.twoFactorDisable') : t('account.twoFactorEnable')}
              </Button>
            </div>
          </form>
        )}
      </div>
    </Section>
  );
}
