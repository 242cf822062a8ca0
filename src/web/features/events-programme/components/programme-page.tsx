import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { speakerStatuses } from '../../../../contracts/events';
import type { Booking, Session, Speaker } from '../../../../contracts/events-programme';
import {
  ActionsCell,
  Alert,
  Badge,
  Button,
  ConfirmAction,
  ErrorAlert,
  Loading,
  Page,
  RowButton,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
} from '../../../components/ui';
import { formatDate, formatTimeRange, formatWeekdayDate } from '../../../lib/format';
import { useActiveNetwork } from '../../../lib/session';
import { EventFrame } from '../../events-planning';
import {
  bookingsQuery,
  deleteBooking,
  deleteSession,
  programmeKey,
  programmePdfUrl,
  programmeQuery,
  removeSpeaker,
  updateSpeaker,
} from '../api';
import { daysOf, time } from './programme-days';
import { BookingDialog, SessionDialog, SpeakerDialog } from './programme-dialogs';

/** Programm: the event's time slots with plenary and parallel sessions, speakers and room bookings. */
export function ProgrammePage({ networkId, eventId }: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  const network = useActiveNetwork();
  const manage = network?.permissions.includes('events.manage') ?? false;
  const programme = useQuery(programmeQuery(networkId, eventId));
  const bookings = useQuery(bookingsQuery(networkId, eventId));
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: programmeKey(networkId, eventId) });
  const [editing, setEditing] = useState<Session | 'new' | null>(null);
  const [removing, setRemoving] = useState<Session | null>(null);
  const [speakersOf, setSpeakersOf] = useState<Session | null>(null);
  const [booking, setBooking] = useState(false);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const remove = useMutation({
    mutationFn: (s: Session) => deleteSession(networkId, eventId, s.id),
    onSuccess: () => {
      setRemoving(null);
      refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (b: Booking) => deleteBooking(networkId, eventId, b.id),
    onSuccess: () => {
      setCancelling(null);
      refresh();
    },
  });
  const saved = (w: string[]) => {
    setWarnings(w);
    setMessage(t('eventsProgramme.saved'));
    refresh();
  };
  const p = programme.data;
  return (
    <EventFrame networkId={networkId} eventId={eventId} current="programme">
      <Page
        title={t('eventsProgramme.title')}
        intro={t('eventsProgramme.programmeIntro')}
        actions={
          <>
            {manage ? (
              <Button icon="add" onClick={() => setEditing('new')} disabled={!p}>
                {t('eventsProgramme.addSession')}
              </Button>
            ) : null}
            <a className="kern-btn kern-btn--secondary" href={programmePdfUrl(networkId, eventId)} download>
              <span className="kern-icon kern-icon--download" aria-hidden="true" />
              <span className="kern-label">{t('eventsProgramme.pdf')}</span>
            </a>
          </>
        }
      >
        <StatusMessage message={message} />
        {warnings.map((w) => (
          <Alert key={w} kind="warning" title={t('eventsProgramme.warning')}>
            <p className="kern-body">{w}</p>
          </Alert>
        ))}
        <ErrorAlert error={programme.error} />
        {!p ? (
          programme.isPending ? (
            <Loading />
          ) : null
        ) : p.slots.length === 0 ? (
          <p className="kern-body">{t('eventsProgramme.empty')}</p>
        ) : (
          p.slots.map((slot) => (
            <section key={slot.startsAt} className="bn-section" aria-labelledby={`slot-${slot.startsAt}`}>
              <h2 className="kern-heading-medium" id={`slot-${slot.startsAt}`}>
                {daysOf(p).length > 1 ? `${formatWeekdayDate(slot.startsAt)}, ` : ''}
                {t('eventsProgramme.slot', { from: time(slot.startsAt), to: time(slot.endsAt) })}
                {slot.sessions.length > 1 ? (
                  <span className="kern-body">
                    {' '}
                    · {t('eventsProgramme.parallel', { count: slot.sessions.length })}
                  </span>
                ) : null}
              </h2>
              <div className="bn-card-grid">
                {slot.sessions.map((s) => (
                  <SessionCard
                    key={s.id}
                    session={s}
                    manage={manage}
                    networkId={networkId}
                    eventId={eventId}
                    onEdit={() => setEditing(s)}
                    onRemove={() => setRemoving(s)}
                    onSpeakers={() => setSpeakersOf(s)}
                    onChanged={refresh}
                  />
                ))}
              </div>
            </section>
          ))
        )}
        <Section title={t('eventsProgramme.bookings')} id="bookings">
          {manage ? (
            <Button variant="secondary" icon="add" onClick={() => setBooking(true)}>
              {t('eventsProgramme.bookRoom')}
            </Button>
          ) : null}
          <ErrorAlert error={bookings.error} />
          {(bookings.data ?? []).length === 0 ? (
            <p className="kern-body">{t('eventsProgramme.noBookings')}</p>
          ) : (
            <TableRegion label={t('eventsProgramme.bookings')}>
              <table className="kern-table bn-table">
                <TableHead
                  columns={[
                    t('eventsProgramme.resource'),
                    t('eventsProgramme.forSession'),
                    t('eventsProgramme.when'),
                  ]}
                  actions={manage ? t('common.actions') : null}
                />
                <tbody className="kern-table__body">
                  {(bookings.data ?? []).map((b) => (
                    <tr key={b.id} className="kern-table__row">
                      <td className="kern-table__cell">
                        {b.resourceName}
                        {b.capacity ? ` (${b.capacity})` : ''}
                      </td>
                      <td className="kern-table__cell">
                        {b.sessionTitle ?? t('eventsProgramme.wholeEvent')}
                      </td>
                      <td className="kern-table__cell">
                        {formatDate(b.startsAt)} {formatTimeRange(b.startsAt, b.endsAt)}
                      </td>
                      {manage ? (
                        <ActionsCell>
                          <RowButton
                            icon="close"
                            label={`${t('eventsProgramme.cancelBooking')}: ${b.resourceName}`}
                            onClick={() => setCancelling(b)}
                          >
                            {t('eventsProgramme.cancelBooking')}
                          </RowButton>
                        </ActionsCell>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </Section>
      </Page>
      {editing && p ? (
        <SessionDialog
          networkId={networkId}
          programme={p}
          session={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(w) => {
            setEditing(null);
            saved(w);
          }}
        />
      ) : null}
      {speakersOf ? (
        <SpeakerDialog
          networkId={networkId}
          eventId={eventId}
          session={speakersOf}
          onClose={() => setSpeakersOf(null)}
          onSaved={() => {
            setSpeakersOf(null);
            saved([]);
          }}
        />
      ) : null}
      {booking && p ? (
        <BookingDialog
          networkId={networkId}
          programme={p}
          onClose={() => setBooking(false)}
          onSaved={(w) => {
            setBooking(false);
            saved(w);
          }}
        />
      ) : null}
      <ConfirmAction
        target={removing}
        action={remove}
        onClose={() => setRemoving(null)}
        title={t('eventsProgramme.deleteSessionTitle', { title: removing?.title ?? '' })}
        confirmLabel={t('eventsProgramme.deleteSession')}
      >
        <p className="kern-body">{t('eventsProgramme.deleteSessionText')}</p>
      </ConfirmAction>
      <ConfirmAction
        target={cancelling}
        action={cancel}
        onClose={() => setCancelling(null)}
        title={t('eventsProgramme.cancelBookingTitle', { name: cancelling?.resourceName ?? '' })}
        confirmLabel={t('eventsProgramme.cancelBooking')}
      >
        <p className="kern-body">
          {cancelling
            ? `${formatDate(cancelling.startsAt)} ${formatTimeRange(cancelling.startsAt, cancelling.endsAt)}`
            : ''}
        </p>
      </ConfirmAction>
    </EventFrame>
  );
}

function SessionCard({
  session: s,
  manage,
  networkId,
  eventId,
  onEdit,
  onRemove,
  onSpeakers,
  onChanged,
}: {
  session: Session;
  manage: boolean;
  networkId: string;
  eventId: string;
  onEdit: () => void;
  onRemove: () => void;
  onSpeakers: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `session-${s.id}`;
  return (
    <article className="kern-card" aria-labelledby={headingId}>
      <div className="kern-card__container">
        <header className="kern-card__header">
          <Badge kind={s.kind === 'break' ? 'info' : s.kind === 'plenary' ? 'success' : 'warning'}>
            {t(`eventsProgramme.sessionKinds.${s.kind}`)}
          </Badge>
          <h3 className="kern-title" id={headingId}>
            {s.title}
          </h3>
        </header>
        <div className="kern-card__body">
          <p className="kern-body">
            {time(s.startsAt)}–{time(s.endsAt)} Uhr
            {s.place ? ` · ${s.place}` : ''}
            {s.capacity ? ` · ${s.capacity} ${t('eventsProgramme.capacity')}` : ''}
          </p>
          {s.description ? <p className="kern-body kern-body--small">{s.description}</p> : null}
          {s.kind !== 'break' ? (
            <>
              <h4 className="kern-body kern-body--bold">{t('eventsProgramme.speakers')}</h4>
              {s.speakers.length === 0 ? (
                <p className="kern-body kern-body--small">{t('eventsProgramme.noSpeakers')}</p>
              ) : (
                <ul className="bn-plain-list">
                  {s.speakers.map((sp) => (
                    <SpeakerRow
                      key={sp.id}
                      speaker={sp}
                      manage={manage}
                      networkId={networkId}
                      eventId={eventId}
                      sessionId={s.id}
                      onChanged={onChanged}
                    />
                  ))}
                </ul>
              )}
            </>
          ) : null}
        </div>
        {manage ? (
          <footer className="kern-card__footer bn-actions">
            <Button variant="secondary" small onClick={onEdit}>
              {t('eventsProgramme.edit')}
              <span className="kern-sr-only">: {s.title}</span>
            </Button>
            {s.kind !== 'break' ? (
              <Button variant="secondary" small onClick={onSpeakers}>
                {t('eventsProgramme.addSpeaker')}
                <span className="kern-sr-only">: {s.title}</span>
              </Button>
            ) : null}
            <Button variant="tertiary" small onClick={onRemove}>
              {t('eventsProgramme.deleteSession')}
              <span className="kern-sr-only">: {s.title}</span>
            </Button>
          </footer>
        ) : null}
      </div>
    </article>
  );
}

function SpeakerRow({
  speaker: sp,
  manage,
  networkId,
  eventId,
  sessionId,
  onChanged,
}: {
  speaker: Speaker;
  manage: boolean;
  networkId: string;
  eventId: string;
  sessionId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const change = useMutation({
    mutationFn: (status: Speaker['status']) =>
      updateSpeaker(networkId, eventId, sessionId, sp.id, { version: sp.version, status }),
    onSuccess: onChanged,
  });
  const remove = useMutation({
    mutationFn: () => removeSpeaker(networkId, eventId, sessionId, sp.id),
    onSuccess: onChanged,
  });
  return (
    <li className="bn-speaker">
      <span>
        {sp.name} ({t(`eventsProgramme.roles.${sp.role}`)})
      </span>
      {manage ? (
        <>
          <SelectField
            label={t('eventsProgramme.speakerStatus', { name: sp.name })}
            hideLabel
            value={sp.status}
            onChange={(e) => change.mutate(e.currentTarget.value as Speaker['status'])}
            options={speakerStatuses.map((s) => ({ value: s, label: t(`eventsProgramme.statuses.${s}`) }))}
          />
          <Button variant="tertiary" small icon="delete" onClick={() => remove.mutate()}>
            <span className="kern-sr-only">{t('eventsProgramme.removeSpeaker', { name: sp.name })}</span>
          </Button>
        </>
      ) : (
        <Badge kind={sp.status === 'declined' ? 'danger' : sp.status === 'asked' ? 'warning' : 'success'}>
          {t(`eventsProgramme.statuses.${sp.status}`)}
        </Badge>
      )}
      <ErrorAlert error={change.error ?? remove.error} />
    </li>
  );
}
