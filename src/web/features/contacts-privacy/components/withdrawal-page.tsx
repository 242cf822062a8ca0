import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
// Single modules, not the index: this public page needs no dialogs (no React Aria).
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isGone, LinkGone } from '../../../components/ui/link-gone';
import { LinkPageHeading } from '../../../components/ui/link-page-layout';
import { Loading } from '../../../components/ui/page';
import { isApiError } from '../../../lib/api';
import { withdrawalQuery, withdrawThroughLink } from '../api';

/**
 * "Keine weiteren E-Mails": the personal link in every list mail. One click withdraws the consent (or
 * records the objection); no account, as easy as giving it.
 */
export function WithdrawalPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery(withdrawalQuery(token));
  const withdraw = useMutation({
    mutationFn: () => withdrawThroughLink(token),
    onSuccess: (info) => qc.setQueryData(withdrawalQuery(token).queryKey, info),
  });
  const info = q.data;
  if (!info && isGone(q.error)) return <LinkGone error={q.error} />;
  if (isGone(withdraw.error)) return <LinkGone error={withdraw.error} />;
  if (!info) {
    const missing = isApiError(q.error) && q.error.status === 404;
    return (
      <>
        <LinkPageHeading
          title={
            missing ? t('contactsPrivacy.withdrawal.invalidTitle') : t('contactsPrivacy.withdrawal.title')
          }
        />
        {q.isPending ? <Loading /> : null}
        {missing ? (
          <p className="kern-body">{t('contactsPrivacy.withdrawal.invalidText')}</p>
        ) : (
          <ErrorAlert error={q.error} />
        )}
      </>
    );
  }
  return (
    <>
      <LinkPageHeading title={t('contactsPrivacy.withdrawal.title')} />
      <p className="kern-body kern-body--large">
        {t('contactsPrivacy.withdrawal.intro', { person: info.personName, network: info.networkName })}
      </p>
      <div aria-live="polite">
        {info.withdrawn ? (
          <Alert kind="success">{t('contactsPrivacy.withdrawal.done', { network: info.networkName })}</Alert>
        ) : null}
      </div>
      {info.withdrawn ? null : (
        <>
          <ErrorAlert error={withdraw.error} />
          <Button onClick={() => withdraw.mutate()} busy={withdraw.isPending}>
            {t('contactsPrivacy.withdrawal.button')}
          </Button>
          <p className="kern-body">{t('contactsPrivacy.withdrawal.hint')}</p>
        </>
      )}
    </>
  );
}
