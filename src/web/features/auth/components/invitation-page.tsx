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
import { meQuery, useMe } from '../../../lib/session';
import { acceptInvitation, invitationQuery, signIn } from '../api';
import { AuthCard } from './auth-layout';

export function InvitationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const preview = useQuery(invitationQuery(token));
  const [mismatch, setMismatch] = useState(false);

  const accept = useMutation({
    mutationFn: async (f: { name?: string; password?: string }) => {
      const { networkId } = await acceptInvitation(token, f);
      if (f.password && preview.data) await signIn(preview.data.email, f.password);
      return networkId;
    },
    onSuccess: async (networkId) => {
      await qc.invalidateQueries();
      await qc.fetchQuery({ ...meQuery, staleTime: 0 });
      await navigate({ to: '/n/$networkId/start', params: { networkId } });
    },
  });

  if (preview.isPending) return <Loading />;
  if (preview.isError)
    return (
      <AuthCard title={t('invitation.title')}>
        <Alert kind="danger">{t('invitation.invalid')}</Alert>
      </AuthCard>
    );
  const p = preview.data;

  function submitNew(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const password = String(fd.get('password') ?? '');
    if (passwordsDiffer(fd)) return setMismatch(true);
    setMismatch(false);
    accept.mutate({ name: String(fd.get('name') ?? ''), password });
  }

  const signedInAsInvitee = me && me.user.email.toLowerCase() === p.email.toLowerCase();

  return (
    <AuthCard
      title={t('invitation.title')}
      intro={t('invitation.intro', { name: p.name, network: p.networkName })}
    >
      <dl className="bn-dl">
        <dt>{t('invitation.email')}</dt>
        <dd>{p.email}</dd>
        <dt>{t('invitation.role')}</dt>
        <dd>{t(`roles.${p.role}`)}</dd>
      </dl>
      <ErrorAlert error={accept.error} />
      {!p.accountExists ? (
        <form className="bn-form" onSubmit={submitNew}>
          <p className="kern-body">{t('invitation.createAccount')}</p>
          <TextField
            label={t('common.name')}
            name="name"
            defaultValue={p.name}
            autoComplete="name"
            required
            minLength={2}
          />
          <NewPasswordFields mismatch={mismatch} />
          <div className="bn-form__actions">
            <Button type="submit" busy={accept.isPending}>
              {t('invitation.acceptAndCreate')}
            </Button>
          </div>
        </form>
      ) : signedInAsInvitee ? (
        <div className="bn-form__actions">
          <Button onClick={() => accept.mutate({})} busy={accept.isPending}>
            {t('invitation.accept')}
          </Button>
        </div>
      ) : (
        <div className="bn-stack">
          <Alert kind="info">
            {me
              ? t('invitation.existingOtherUser', { current: me.user.email, email: p.email })
              : t('invitation.existingSignedOut', { email: p.email })}
          </Alert>
          <p>
            <Link to="/anmelden" search={{ weiter: `/einladung/${token}` }} className="kern-link">
              {t('invitation.signInFirst')}
            </Link>
          </p>
        </div>
      )}
    </AuthCard>
  );
}
