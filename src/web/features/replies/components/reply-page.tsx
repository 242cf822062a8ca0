import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
// Single modules, not the index: the index also holds the dialogs, which would pull React Aria
// into this page that has none.
import { ErrorAlert } from '../../../components/ui/alert';
import { isGone, LinkGone } from '../../../components/ui/link-gone';
import { LinkPageHeading } from '../../../components/ui/link-page-layout';
import { Loading } from '../../../components/ui/page';
import { isApiError } from '../../../lib/api';
import { preparationQuery } from '../api';
import { PreparationView } from './preparation-view';

/**
 * The personal link of a meeting invitation opens the member's meeting page ("Ihre Sitzung"): the
 * token names the invitation, no account is needed.
 */
export function ReplyPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const source = { token };
  const q = useQuery(preparationQuery(source));
  const p = q.data;
  if (!p && isGone(q.error)) return <LinkGone error={q.error} />;
  if (!p) {
    const missing = isApiError(q.error) && q.error.status === 404;
    return (
      <>
        <LinkPageHeading title={missing ? t('vote.invalidTitle') : t('reply.title')} />
        {q.isPending ? <Loading /> : null}
        {missing ? <p className="kern-body">{t('vote.invalidText')}</p> : <ErrorAlert error={q.error} />}
      </>
    );
  }
  return (
    <>
      <LinkPageHeading title={t('prep.title', { title: p.title })} />
      <PreparationView source={source} p={p} />
    </>
  );
}
