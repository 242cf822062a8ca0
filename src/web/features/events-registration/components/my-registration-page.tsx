import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyRegistration } from '../../../../contracts/events-registration';
import { Alert, ErrorAlert, StatusMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isGone, LinkGone } from '../../../components/ui/link-gone';
import { LinkPageHeading } from '../../../components/ui/link-page-layout';
import { Loading } from '../../../components/ui/page';
import { formatDateTime } from '../../../lib/format';
import { actOnMine, changeMine, myQuery } from '../api';
import { EventSummary } from './event-summary';
import { RegistrationFormView } from './registration-form';
import { ChoiceList, statusText } from './registration-result';

/**
 * The participant's own page behind the link of the confirmation mail: the place for the event and per
 * session, an offer to accept or decline with its deadline, the QR code for the entrance (it encodes
 * this page's address), changing the choices and needs, cancelling.
 */
export function MyRegistrationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery(myQuery(token));
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const done = (text: string) => (next: MyRegistration) => {
    qc.setQueryData(myQuery(token).queryKey, next);
    setMessage(text);
    setEditing(false);
  };
  const act = useMutation({
    mutationFn: (a: 'cancel' | 'accept' | 'decline') => actOnMine(token, a),
    onSuccess: (next, a) => done(t(`eventsRegistration.mine.done.${a}`))(next),
  });
  const change = useMutation({
    mutationFn: (body: Parameters<typeof changeMine>[1]) => changeMine(token, body),
    onSuccess: done(t('eventsRegistration.mine.done.change')),
  });
  const m = q.data;
  if (!m && isGone(q.error)) return <LinkGone error={q.error} />;
  if (!m)
    return (
      <>
        <LinkPageHeading title={t('eventsRegistration.mineTitle')} />
        {q.isPending ? <Loading /> : <ErrorAlert error={q.error} />}
      </>
    );
  const r = m.registration;
  const offers = [
    ...(r.status === 'offered' ? [{ title: m.event.title, until: r.offerExpiresAt }] : []),
    ...m.choices
      .filter((c) => c.status === 'offered')
      .map((c) => ({ title: c.title, until: c.offerExpiresAt })),
  ];
  return (
    <>
      <LinkPageHeading title={t('eventsRegistration.mineOf', { title: m.event.title })} />
      <EventSummary event={m.event} />
      <StatusMessage message={message} />
      <ErrorAlert error={act.error} />
      {offers.length > 0 && m.changeable ? (
        <section className="bn-section" aria-labelledby="angebot">
          <Alert kind="info" title={t('eventsRegistration.mine.offerTitle')}>
            <h2 className="kern-sr-only" id="angebot">
              {t('eventsRegistration.mine.offerTitle')}
            </h2>
            <ul className="kern-list">
              {offers.map((o) => (
                <li key={o.title}>
                  {t('eventsRegistration.mine.offer', { title: o.title, until: formatDateTime(o.until) })}
                </li>
              ))}
            </ul>
          </Alert>
          <div className="bn-form__actions">
            <Button busy={act.isPending && act.variables === 'accept'} onClick={() => act.mutate('accept')}>
              {t('eventsRegistration.mine.accept')}
            </Button>
            <Button
              variant="secondary"
              busy={act.isPending && act.variables === 'decline'}
              onClick={() => act.mutate('decline')}
            >
              {t('eventsRegistration.mine.decline')}
            </Button>
          </div>
        </section>
      ) : null}
      <section className="bn-section" aria-labelledby="stand">
        <h2 className="kern-heading-medium" id="stand">
          {t('eventsRegistration.mine.state')}
        </h2>
        <p className="kern-body">
          {r.firstName} {r.lastName}
          {r.institution ? `, ${r.institution}` : ''}:{' '}
          <strong>
            {r.status === 'waiting' && r.waitingPosition
              ? t('eventsRegistration.status.eventWaitingAt', { n: r.waitingPosition })
              : t(`eventsRegistration.status.event_${r.status}`)}
          </strong>
        </p>
        <ChoiceList choices={m.choices} />
        {r.needsConsent ? (
          <p className="kern-body bn-muted">{t('eventsRegistration.mine.needsKept')}</p>
        ) : null}
      </section>
      {r.status === 'confirmed' ? (
        <section className="bn-section" aria-labelledby="qr">
          <h2 className="kern-heading-medium" id="qr">
            {t('eventsRegistration.mine.qrTitle')}
          </h2>
          <p className="kern-body">{t('eventsRegistration.mine.qrHint')}</p>
          <img
            className="bn-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(m.qrSvg)}`}
            alt={t('eventsRegistration.mine.qrAlt', { name: `${r.firstName} ${r.lastName}` })}
            width={220}
            height={220}
          />
        </section>
      ) : null}
      {m.changeable ? (
        <section className="bn-section" aria-labelledby="aendern">
          <h2 className="kern-heading-medium" id="aendern">
            {t('eventsRegistration.mine.changeTitle')}
          </h2>
          {editing ? (
            <RegistrationFormView
              sessions={m.sessions}
              personFields={false}
              initial={{
                ...r,
                choices: m.choices.filter((c) => c.status !== 'cancelled').map((c) => c.sessionId),
              }}
              busy={change.isPending}
              error={change.error}
              submitLabel={t('eventsRegistration.mine.save')}
              onSubmit={(v) =>
                change.mutate({
                  choices: v.choices ?? [],
                  needsConsent: v.needsConsent,
                  dietary: v.dietary,
                  accessibility: v.accessibility,
                  photoConsent: v.photoConsent,
                })
              }
            />
          ) : (
            <div className="bn-form__actions">
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('eventsRegistration.mine.change')}
              </Button>
              <Button
                variant="tertiary"
                busy={act.isPending && act.variables === 'cancel'}
                onClick={() => {
                  if (window.confirm(t('eventsRegistration.mine.cancelConfirm'))) act.mutate('cancel');
                }}
              >
                {t('eventsRegistration.mine.cancel')}
              </Button>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}

export { statusText };
