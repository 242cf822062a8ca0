import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/page';
import { useTitle } from '../../../lib/use-title';
import { PublicProgramme } from '../../events-programme';
import { formQuery, registerPublic } from '../api';
import { EventSummary } from './event-summary';
import { RegistrationFormView } from './registration-form';
import { RegistrationDone } from './registration-result';

/**
 * The public page of an event: its details, the public timetable (the programme part's, with times,
 * rooms and confirmed speakers), and the registration form while open.
 */
export function PublicEventPage({ slug, eventId }: { slug: string; eventId: string }) {
  const { t } = useTranslation();
  const q = useQuery(formQuery(slug, eventId));
  const send = useMutation({
    mutationFn: (body: Parameters<typeof registerPublic>[2]) => registerPublic(slug, eventId, body),
  });
  const f = q.data;
  useTitle(f?.event.title ?? t('eventsRegistration.publicTitle'));
  if (!f)
    return (
      <>
        <h1 className="kern-heading-x-large">{t('eventsRegistration.publicTitle')}</h1>
        {q.isPending ? <Loading /> : <ErrorAlert error={q.error} />}
      </>
    );
  return (
    <div className="bn-link-page">
      <h1 className="kern-heading-x-large">{f.event.title}</h1>
      <EventSummary event={f.event} />
      <PublicProgramme slug={slug} eventId={eventId} />
      <section aria-labelledby="anmeldung" className="bn-section">
        <h2 className="kern-heading-medium" id="anmeldung">
          {t('eventsRegistration.publicTitle')}
        </h2>
        {send.data ? (
          <RegistrationDone result={send.data} />
        ) : f.open ? (
          <>
            {f.freePlaces === 0 ? <Alert kind="info">{t('eventsRegistration.fullNote')}</Alert> : null}
            <RegistrationFormView
              sessions={f.sessions}
              busy={send.isPending}
              error={send.error}
              onSubmit={(body) => send.mutate(body)}
            />
          </>
        ) : (
          <Alert kind="info">{f.closedReason}</Alert>
        )}
      </section>
    </div>
  );
}
