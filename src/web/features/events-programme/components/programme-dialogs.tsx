import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionKinds, speakerStatuses } from '../../../../contracts/events';
import type { Programme, Session, Speaker } from '../../../../contracts/events-programme';
import { FormDialog, SelectField, TextAreaField, TextField, TimeField } from '../../../components/ui';
import { formatWeekdayDate } from '../../../lib/format';
import {
  addSpeaker,
  berlinDay,
  berlinLocal,
  berlinTime,
  createBooking,
  createSession,
  peopleSearch,
  resourcesQuery,
  updateSession,
} from '../api';
import { daysOf, time } from './programme-days';

/* The programme's dialogs: a session, a speaker from the address book, a room or device booking. */

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

export function SessionDialog({
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

export function SpeakerDialog({
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

export function BookingDialog({
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
