import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { isGone, LinkGone } from '../../../components/ui/link-gone';
import { LinkPageHeading } from '../../../components/ui/link-page-layout';
import { Loading } from '../../../components/ui/page';
import { invitationQuery, registerByInvitation } from '../api';
import { EventSummary } from './event-summary';
import { RegistrationFormView } from './registration-form';
import { RegistrationDone } from './registration-result';

/** The personal invitation: the event and the form prefilled with what the office knows. */
export function InvitationLinkPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const q = useQuery(invitationQuery(token));
  const send = useMutation({
    mutationFn: (body: Parameters<typeof registerByInvitation>[1]) => registerByInvitation(token, body),
  });
  const v = q.data;
  if (!v && isGone(q.error)) return <LinkGone error={q.error} />;
  if (!v)
    return (
      <>
        <LinkPageHeading title={t('eventsRegistration.invitationTitle')} />
        {q.isPending ? <Loading /> : <ErrorAlert error={q.error} />}
      </>
    );
  return (
    <>
      <LinkPageHeading title={t('eventsRegistration.invitationOf', { title: v.event.title })} />
      <EventSummary event={v.event} sessions={v.sessions} />
      <section aria-labelledby="anmeldung" className="bn-section">
        <h2 className="kern-heading-medium" id="anmeldung">
          {t('eventsRegistration.publicTitle')}
        </h2>
        {send.data ? (
          <RegistrationDone result={send.data} />
        ) : v.registered ? (
          <Alert kind="success">{t('eventsRegistration.alreadyRegistered')}</Alert>
        ) : v.open ? (
          <RegistrationFormView
            sessions={v.sessions}
            initial={v.person}
            busy={send.isPending}
            error={send.error}
            onSubmit={(body) => send.mutate(body)}
          />
        ) : (
          <Alert kind="info">{v.closedReason}</Alert>
        )}
      </section>
    </>
  );
}
