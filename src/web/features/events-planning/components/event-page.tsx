import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EventStatus, eventStatuses } from '../../../../contracts/events';
import type { EventDetail, EventTask } from '../../../../contracts/events-planning';
import {
  Badge,
  Button,
  CheckboxField,
  DateField,
  DateTimeField,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  Section,
  StatusMessage,
  TableHead,
  TableRegion,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDateTime, formatDay } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { addTask, berlinLocal, changeStatus, eventQuery, eventsKey, updateEvent, updateTask } from '../api';
import { EventFrame } from './event-frame';

/** An event's overview: its details, the status steps with the next action, and the planning checklist. */
export function EventPage({ networkId, eventId }: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  const manage = useCan()('events.manage');
  const event = useQuery(eventQuery(networkId, eventId));
  const qc = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const saved = async (e: EventDetail, msg: string) => {
    qc.setQueryData(eventQuery(networkId, eventId).queryKey, e);
    await qc.invalidateQueries({ queryKey: eventsKey(networkId) });
    setMessage(msg);
  };
  const status = useMutation({
    mutationFn: (s: EventStatus) => changeStatus(networkId, eventId, s, event.data!.version),
    onSuccess: (e) =>
      saved(e, t('eventsPlanning.statusSaved', { status: t(`eventsPlanning.statuses.${e.status}`) })),
  });
  const e = event.data;
  return (
    <EventFrame networkId={networkId} eventId={eventId} current="overview">
      <Page title={t('eventsPlanning.overview')}>
        <StatusMessage message={message} />
        <ErrorAlert error={event.error ?? status.error} />
        {!e ? (
          event.isPending ? (
            <Loading />
          ) : null
        ) : (
          <>
            <Section title={t('eventsPlanning.statusTitle')}>
              <ol className="bn-stepper" aria-label={t('eventsPlanning.statusTitle')}>
                {eventStatuses.map((s, i) => {
                  const current = eventStatuses.indexOf(e.status);
                  return (
                    <li
                      key={s}
                      className={`bn-stepper__step${i < current ? ' bn-stepper__step--done' : ''}${i === current ? ' bn-stepper__step--current' : ''}`}
                      aria-current={i === current ? 'step' : undefined}
                    >
                      <span className="bn-stepper__number" aria-hidden="true">
                        {i < current ? '✓' : i + 1}
                      </span>
                      {t(`eventsPlanning.statuses.${s}`)}
                      {i < current ? (
                        <span className="kern-sr-only"> ({t('eventsPlanning.stepDone')})</span>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
              {e.cancelledAt ? (
                <Badge kind="danger">{t('eventsPlanning.cancelled')}</Badge>
              ) : manage ? (
                <div className="bn-actions">
                  {e.nextStatuses.map((s, i) => (
                    <Button
                      key={s}
                      variant={
                        i === 0 && eventStatuses.indexOf(s) > eventStatuses.indexOf(e.status)
                          ? 'primary'
                          : 'secondary'
                      }
                      busy={status.isPending && status.variables === s}
                      onClick={() => status.mutate(s)}
                    >
                      {eventStatuses.indexOf(s) > eventStatuses.indexOf(e.status)
                        ? t('eventsPlanning.moveTo', { status: t(`eventsPlanning.statuses.${s}`) })
                        : t('eventsPlanning.moveBack', { status: t(`eventsPlanning.statuses.${s}`) })}
                    </Button>
                  ))}
                </div>
              ) : null}
            </Section>
            <Section title={t('eventsPlanning.details')}>
              <dl className="bn-dl">
                <dt>{t('eventsPlanning.type')}</dt>
                <dd>{t(`eventsPlanning.types.${e.type}`)}</dd>
                <dt>{t('eventsPlanning.when')}</dt>
                <dd>
                  {formatDateTime(e.startsAt)} – {formatDateTime(e.endsAt)}
                </dd>
                <dt>{t('eventsPlanning.venue')}</dt>
                <dd>{[e.venue, e.venueAddress].filter(Boolean).join(', ') || '–'}</dd>
                <dt>{t('eventsPlanning.visibility')}</dt>
                <dd>{e.public ? t('eventsPlanning.publicYes') : t('eventsPlanning.internal')}</dd>
                <dt>{t('eventsPlanning.capacity')}</dt>
                <dd>
                  {e.capacity
                    ? t('eventsPlanning.placesOf', { count: e.registered, capacity: e.capacity })
                    : t('eventsPlanning.placesCount', { count: e.registered })}
                </dd>
                <dt>{t('eventsPlanning.deadline')}</dt>
                <dd>{formatDateTime(e.registrationDeadline)}</dd>
                <dt>{t('eventsPlanning.organizer')}</dt>
                <dd>{[e.organizerName, e.organizer].filter(Boolean).join(' · ') || '–'}</dd>
                <dt>{t('eventsPlanning.approvedBy')}</dt>
                <dd>
                  {e.approvedBy ? (
                    <a
                      className="kern-link"
                      href={`/n/${networkId}/lenkungskreis/beschluesse?q=${encodeURIComponent(e.approvedBy.number)}`}
                    >
                      {e.approvedBy.number} ({formatDay(e.approvedBy.decidedOn)}): {e.approvedBy.title}
                    </a>
                  ) : (
                    '–'
                  )}
                </dd>
              </dl>
              {e.description ? <p className="kern-body bn-pre-line">{e.description}</p> : null}
              {manage ? (
                <Button variant="secondary" icon="edit" onClick={() => setEditing(true)}>
                  {t('eventsPlanning.edit')}
                </Button>
              ) : null}
            </Section>
            <Checklist networkId={networkId} event={e} manage={manage} onSaved={saved} />
            {manage ? (
              <EditDialog
                key={e.version}
                networkId={networkId}
                event={e}
                open={editing}
                onClose={() => setEditing(false)}
                onSaved={(x) => saved(x, t('eventsPlanning.saved'))}
              />
            ) : null}
          </>
        )}
      </Page>
    </EventFrame>
  );
}

function Checklist({
  networkId,
  event: e,
  manage,
  onSaved,
}: {
  networkId: string;
  event: EventDetail;
  manage: boolean;
  onSaved: (e: EventDetail, msg: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [formKey, setFormKey] = useState(0);
  const tick = useMutation({
    mutationFn: (x: { task: EventTask; done: boolean }) =>
      updateTask(networkId, e.id, x.task.id, { version: x.task.version, done: x.done }),
    onSuccess: (d, x) =>
      onSaved(d, t(x.done ? 'eventsPlanning.taskDone' : 'eventsPlanning.taskOpen', { title: x.task.title })),
  });
  const add = useMutation({
    mutationFn: (body: { title: string; dueOn: string | null }) => addTask(networkId, e.id, body),
    onSuccess: async (d, body) => {
      setFormKey((k) => k + 1);
      await onSaved(d, t('eventsPlanning.taskAdded', { title: body.title }));
    },
  });
  function submit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const fd = new FormData(ev.currentTarget);
    add.mutate({ title: String(fd.get('title') ?? '').trim(), dueOn: String(fd.get('dueOn') ?? '') || null });
  }
  const done = e.tasks.filter((x) => x.doneAt).length;
  return (
    <Section title={t('eventsPlanning.checklist')}>
      <p className="kern-body">{t('eventsPlanning.checklistProgress', { done, count: e.tasks.length })}</p>
      <ErrorAlert error={tick.error} />
      <TableRegion label={t('eventsPlanning.checklist')}>
        <table className="kern-table bn-table">
          <caption className="kern-sr-only">{t('eventsPlanning.checklist')}</caption>
          <TableHead
            columns={[t('eventsPlanning.taskDoneColumn'), t('eventsPlanning.task'), t('eventsPlanning.due')]}
          />
          <tbody className="kern-table__body">
            {e.tasks.map((x) => (
              <tr key={x.id} className="kern-table__row">
                <td className="kern-table__cell">
                  <div className="kern-form-check">
                    <input
                      className="kern-form-check__input"
                      type="checkbox"
                      id={`task-${x.id}`}
                      checked={x.doneAt !== null}
                      disabled={!manage || tick.isPending}
                      onChange={(ev) => tick.mutate({ task: x, done: ev.currentTarget.checked })}
                    />
                    <label className="kern-label kern-sr-only" htmlFor={`task-${x.id}`}>
                      {t('eventsPlanning.markDone', { title: x.title })}
                    </label>
                  </div>
                </td>
                <th scope="row" className="kern-table__cell bn-row-head bn-break">
                  {x.doneAt ? <s>{x.title}</s> : x.title}
                  {x.assigneeName ? <span className="bn-cell-second">{x.assigneeName}</span> : null}
                </th>
                <td className="kern-table__cell bn-nowrap">
                  {formatDay(x.dueOn)}
                  {x.overdue ? (
                    <span className="bn-cell-second">
                      <Badge kind="danger">{t('eventsPlanning.overdue')}</Badge>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {manage ? (
        <form key={formKey} onSubmit={submit} aria-label={t('eventsPlanning.addTask')}>
          <fieldset className="bn-filters">
            <legend>{t('eventsPlanning.addTask')}</legend>
            <TextField label={t('eventsPlanning.task')} name="title" required autoComplete="off" />
            <DateField label={t('eventsPlanning.due')} name="dueOn" />
            <div className="bn-filters__actions">
              <Button type="submit" icon="add" busy={add.isPending}>
                {t('eventsPlanning.addTaskSubmit')}
              </Button>
            </div>
          </fieldset>
          <ErrorAlert error={add.error} />
        </form>
      ) : null}
    </Section>
  );
}

function EditDialog({
  networkId,
  event: e,
  open,
  onClose,
  onSaved,
}: {
  networkId: string;
  event: EventDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (e: EventDetail) => Promise<void>;
}) {
  const { t } = useTranslation();
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateEvent>[2]) => updateEvent(networkId, e.id, body),
    onSuccess: async (d) => {
      await onSaved(d);
      onClose();
    },
  });
  return (
    <FormDialog
      open={open}
      title={t('eventsPlanning.editTitle')}
      submitLabel={t('eventsPlanning.save')}
      onClose={onClose}
      busy={save.isPending}
      error={save.error}
      onSubmit={(ev) => {
        const fd = new FormData(ev.currentTarget);
        const s = (k: string) => String(fd.get(k) ?? '').trim();
        save.mutate({
          version: e.version,
          title: s('title'),
          description: s('description'),
          startsAt: s('startsAt'),
          endsAt: s('endsAt'),
          venue: s('venue'),
          venueAddress: s('venueAddress'),
          organizer: s('organizer'),
          capacity: s('capacity') ? Number(s('capacity')) : null,
          registrationDeadline: s('registrationDeadline') || null,
          public: fd.get('public') === 'on',
        });
      }}
    >
      <TextField label={t('eventsPlanning.titleLabel')} name="title" required defaultValue={e.title} />
      <TextAreaField
        label={t('eventsPlanning.description')}
        name="description"
        defaultValue={e.description}
      />
      <DateTimeField
        label={t('eventsPlanning.startsAt')}
        name="startsAt"
        required
        defaultValue={berlinLocal(e.startsAt)}
      />
      <DateTimeField
        label={t('eventsPlanning.endsAt')}
        name="endsAt"
        required
        defaultValue={berlinLocal(e.endsAt)}
      />
      <TextField label={t('eventsPlanning.venue')} name="venue" defaultValue={e.venue} />
      <TextField label={t('eventsPlanning.venueAddress')} name="venueAddress" defaultValue={e.venueAddress} />
      <TextField label={t('eventsPlanning.organizerText')} name="organizer" defaultValue={e.organizer} />
      <TextField
        label={t('eventsPlanning.capacity')}
        name="capacity"
        type="number"
        min={1}
        defaultValue={e.capacity ?? ''}
      />
      <DateTimeField
        label={t('eventsPlanning.deadline')}
        name="registrationDeadline"
        defaultValue={berlinLocal(e.registrationDeadline)}
      />
      <CheckboxField label={t('eventsPlanning.public')} name="public" defaultChecked={e.public} />
    </FormDialog>
  );
}
