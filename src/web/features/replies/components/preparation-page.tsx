import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../../app/pages';
import { ErrorAlert, Loading, Page } from '../../../components/ui';
import { isApiError } from '../../../lib/api';
import { preparationQuery } from '../api';
import { PreparationView } from './preparation-view';

/**
 * A committee member's or guest's meeting in the app: the same preparation view as the mail link while
 * the meeting is ahead; once it is held, `afterwards` (the meeting page with attendance and minutes).
 */
export function PreparationPage({
  networkId,
  meetingId,
  afterwards,
}: {
  networkId: string;
  meetingId: string;
  afterwards?: ReactNode;
}) {
  const { t } = useTranslation();
  const source = { networkId, meetingId };
  const q = useQuery(preparationQuery(source));
  const p = q.data;
  // A meeting outside the guest's invitations, or one that does not exist: the app's own page.
  if (!p && isApiError(q.error) && (q.error.status === 404 || q.error.status === 403))
    return <NotFoundPage />;
  if (!p) {
    return (
      <Page title={t('meetings.meeting')}>{q.isPending ? <Loading /> : <ErrorAlert error={q.error} />}</Page>
    );
  }
  if (afterwards && p.status !== 'planned' && p.status !== 'invited' && p.status !== 'cancelled')
    return <>{afterwards}</>;
  return (
    <Page title={t('prep.title', { title: p.title })}>
      <PreparationView source={source} p={p} />
      <p className="bn-section">
        <Link to="/n/$networkId/lenkungskreis/sitzungen" params={{ networkId }} className="kern-link">
          {t('meetings.back')}
        </Link>
      </p>
    </Page>
  );
}
