import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionKinds, speakerStatuses } from '../../../../contracts/events';
import type { Booking, Programme, Session, Speaker } from '../../../../contracts/events-programme';
import {
  ActionsCell,
  Alert,
  Badge,
  Button,
  ConfirmAction,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  RowButton,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextAreaField,
  TextField,
  TimeField,
} from '../../../components/ui';
import { formatDate, formatTimeRange, formatWeekdayDate } from '../../../lib/format';
import { useActiveNetwork } from '../../../lib/session';
import { EventFrame } from '../../events-planning';
import {
  addSpeaker,
  berlinDay,
  berlinLocal,
  berlinTime,
  bookingsQuery,
  createBooking,
  createSession,
  deleteBooking,
  deleteSession,
  peopleSearch,
  programmeKey,
  programmePdfUrl,
  programmeQuery,
  removeSpeaker,
  resourcesQuery,
  updateSession,
  updateSpeaker,
} from '../api';

/** The day of a session or booking, offered only when the event spans several days. */
function DaySelect({ days, defaultValue }: { days: string[]; defaultValue?: string }) {
  const { t } = useTranslation();
  if (days.length < 2) return null;
  return (
    <SelectField
      label={t('eventsProgramme.day')}
      name="day"
      defaultValue={defaultValue}
      options={days.map((d) => ({ value: d, label: formatWeekdayDate(`${d}T12:00:00Z`) }))}
    />
  );
}

/** The days an event spans (Berlin days), for the session form's day select. */
function daysOf(p: Programme): string[] {
  const days: string[] = [];
  for (let at = new Date(p.startsAt); at <= new Date(p.endsAt); at = new Date(at.getTime() + 86400000)) {
    const d = berlinDay(at.toISOString());
    if (!days.includes(d)) days.push(d);
  }
  const last = berlinDay(p.endsAt);
  if (!days.includes(last)) days.push(last);
  return days;
}

const time = (iso: string) => berlinTime(iso).replace(/^0(\d)/, '$1');

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

function SessionDialog({
  networkId,
  programme: p,
  session,
  onClose,
  onSaved,
}: {
  networkId: string;
  programme: Programme;
  session: Session | null;
  onClose: () => void;
  onSaved: (warnings: string[]) => void;
}) {
  const { t } = useTranslation();
  const rooms = useQuery(resourcesQuery(networkId));
  const days = daysOf(p);
  const save = useMutation({
    mutationFn: (form: FormData) => {
      const day = String(form.get('day') ?? days[0]);
      const capacity = String(form.get('capacity') ?? '').trim();
      const roomId = String(form.get('roomId') ?? '');
      const body = {
        kind: String(form.get('kind')) as Session['kind'],
        title: String(form.get('title') ?? ''),
        description: String(form.get('description') ?? ''),
        startsAt: berlinLocal(day, String(form.get('start') || '00:00')),
        endsAt: berlinLocal(day, String(form.get('end') || '00:00')),
        roomId: roomId || null,
        place: String(form.get('place') ?? ''),
        capacity: capacity ? Number(capacity) : null,
      };
      return session
        ? updateSession(networkId, p.eventId, session.id, { ...body, version: session.version })
        : createSession(networkId, p.eventId, body);
    },
    onSuccess: (s) => onSaved(s.warnings),
  });
  const roomOptions = (rooms.data ?? [])
    .filter((r) => r.kind === 'room')
    .map((r) => ({
      value: r.id,
      label: r.capacity ? t('eventsProgramme.roomOption', { name: r.name, capacity: r.capacity }) : r.name,
    }));
  return (
    <FormDialog
      open
      title={session ? t('eventsProgramme.editSession') : t('eventsProgramme.addSession')}
      submitLabel={t('eventsProgramme.save')}
      onSubmit={(e) => save.mutate(new FormData(e.currentTarget))}
      onClose={onClose}
      busy={save.isPending}
      error={save.error}
    >
      <SelectField
        label={t('eventsProgramme.sessionKind')}
        name="kind"
        defaultValue={session?.kind ?? 'workshop'}
        options={sessionKinds.map((k) => ({ value: k, label: t(`eventsProgramme.sessionKinds.${k}`) }))}
      />
      <TextField
        label={t('eventsProgramme.sessionTitle')}
        name="title"
        required
        defaultValue={session?.title ?? ''}
      />
      <TextAreaField
        label={t('eventsProgramme.description')}
        name="description"
        rows={2}
        defaultValue={session?.description ?? ''}
      />
      <DaySelect days={days} defaultValue={session ? berlinDay(session.startsAt) : days[0]} />
      <div className="bn-form-row">
        <TimeField
          label={t('eventsProgramme.start')}
          name="start"
          required
          defaultValue={session ? berlinTime(session.startsAt) : berlinTime(p.startsAt)}
        />
        <TimeField
          label={t('eventsProgramme.end')}
          name="end"
          required
          defaultValue={session ? berlinTime(session.endsAt) : null}
        />
      </div>
      <SelectField
        label={t('eventsProgramme.room')}
        name="roomId"
        defaultValue={session?.roomId ?? ''}
        options={[{ value: '', label: t('eventsProgramme.noRoom') }, ...roomOptions]}
      />
      <TextField
        label={t('eventsProgramme.place')}
        name="place"
        defaultValue={session && !session.roomId ? session.place : ''}
      />
      <TextField
        label={t('eventsProgramme.sessionCapacity')}
        name="capacity"
        type="number"
        min={1}
        inputMode="numeric"
        defaultValue={session?.capacity ?? ''}
      />
    </FormDialog>
  );
}

function SpeakerDialog({
  networkId,
  eventId,
  session,
  onClose,
  onSaved,
}: {
  networkId: string;
  eventId: string;
  session: Session;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['networks', networkId, 'contacts', 'search', q],
    queryFn: () => peopleSearch(networkId, q),
    enabled: q.trim().length >= 2,
  });
  const people = found.data?.people ?? [];
  const save = useMutation({
    mutationFn: (form: FormData) =>
      addSpeaker(networkId, eventId, session.id, {
        personId: String(form.get('personId') ?? ''),
        role: String(form.get('role')) as Speaker['role'],
        status: String(form.get('status')) as Speaker['status'],
      }),
    onSuccess: onSaved,
  });
  return (
    <FormDialog
      open
      title={t('eventsProgramme.addSpeakerTitle', { title: session.title })}
      submitLabel={t('eventsProgramme.addSpeaker')}
      onSubmit={(e) => save.mutate(new FormData(e.currentTarget))}
      onClose={onClose}
      busy={save.isPending}
      error={save.error}
    >
      <TextField
        label={t('eventsProgramme.searchPerson')}
        hint={t('eventsProgramme.searchHint')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      <SelectField
        label={t('eventsProgramme.person')}
        name="personId"
        required
        options={[
          { value: '', label: t('eventsProgramme.choosePerson') },
          ...people.map((x) => ({ value: x.id, label: x.detail ? `${x.name} – ${x.detail}` : x.name })),
        ]}
        key={people.map((x) => x.id).join()}
        defaultValue={people[0]?.id ?? ''}
      />
      <SelectField
        label={t('eventsProgramme.role')}
        name="role"
        defaultValue="speaker"
        options={(['speaker', 'facilitator'] as const).map((r) => ({
          value: r,
          label: t(`eventsProgramme.roles.${r}`),
        }))}
      />
      <SelectField
        label={t('eventsProgramme.status')}
        name="status"
        defaultValue="asked"
        options={speakerStatuses.map((s) => ({ value: s, label: t(`eventsProgramme.statuses.${s}`) }))}
      />
    </FormDialog>
  );
}

function BookingDialog({
  networkId,
  programme: p,
  onClose,
  onSaved,
}: {
  networkId: string;
  programme: Programme;
  onClose: () => void;
  onSaved: (warnings: string[]) => void;
}) {
  const { t } = useTranslation();
  const resources = useQuery(resourcesQuery(networkId));
  const sessions = p.slots.flatMap((s) => s.sessions);
  const days = daysOf(p);
  const save = useMutation({
    mutationFn: (form: FormData) => {
      const sessionId = String(form.get('sessionId') ?? '');
      const start = String(form.get('start') ?? '');
      const end = String(form.get('end') ?? '');
      const day = String(form.get('day') ?? days[0]);
      return createBooking(networkId, p.eventId, {
        resourceId: String(form.get('resourceId') ?? ''),
        sessionId: sessionId || null,
        startsAt: start ? berlinLocal(day, start) : undefined,
        endsAt: end ? berlinLocal(day, end) : undefined,
      });
    },
    onSuccess: (b) => onSaved(b.warnings),
  });
  return (
    <FormDialog
      open
      title={t('eventsProgramme.bookTitle')}
      submitLabel={t('eventsProgramme.bookRoom')}
      onSubmit={(e) => save.mutate(new FormData(e.currentTarget))}
      onClose={onClose}
      busy={save.isPending}
      error={save.error}
    >
      <SelectField
        label={t('eventsProgramme.resource')}
        name="resourceId"
        required
        options={(resources.data ?? []).map((r) => ({
          value: r.id,
          label: r.capacity
            ? t('eventsProgramme.roomOption', { name: r.name, capacity: r.capacity })
            : r.name,
        }))}
      />
      <SelectField
        label={t('eventsProgramme.forSession')}
        name="sessionId"
        defaultValue=""
        options={[
          { value: '', label: t('eventsProgramme.wholeEvent') },
          ...sessions.map((s) => ({
            value: s.id,
            label: `${days.length > 1 ? `${formatWeekdayDate(s.startsAt)}, ` : ''}${time(s.startsAt)} ${s.title}`,
          })),
        ]}
      />
      <p className="kern-body kern-body--small">{t('eventsProgramme.bookHint')}</p>
      <DaySelect days={days} defaultValue={days[0]} />
      <div className="bn-form-row">
        <TimeField label={t('eventsProgramme.start')} name="start" />
        <TimeField label={t('eventsProgramme.end')} name="end" />
      </div>
    </FormDialog>
  );
}
