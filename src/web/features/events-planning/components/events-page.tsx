import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EventStatus, type EventType, eventStatuses, eventTypes } from '../../../../contracts/events';
import type { EventSummary } from '../../../../contracts/events-planning';
import {
  Badge,
  Button,
  CheckboxField,
  DateTimeField,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  SelectField,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { createEvent, type EventFilters, eventsKey, eventsQuery } from '../api';
import { eventWhen, statusKind } from './event-when';

/** All events of the network, grouped by year (the newest first), the Bildungskonferenz first in its year. */
export function EventsPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('events.manage');
  const [filters, setFilters] = useState<EventFilters>({});
  const [creating, setCreating] = useState(false);
  const events = useQuery(eventsQuery(networkId, filters));
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const v = (k: string) => String(fd.get(k) ?? '') || undefined;
    setFilters({
      year: v('year') ? Number(v('year')) : undefined,
      type: v('type') as EventType | undefined,
      status: v('status') as EventStatus | undefined,
    });
  }

  const byYear = new Map<string, EventSummary[]>();
  for (const e of events.data ?? []) {
    const y = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(
      new Date(e.startsAt),
    );
    byYear.set(y, [...(byYear.get(y) ?? []), e]);
  }
  return (
    <Page
      title={t('eventsPlanning.title')}
      intro={t('eventsPlanning.intro')}
      actions={
        manage ? (
          <Button icon="add" onClick={() => setCreating(true)}>
            {t('eventsPlanning.create')}
          </Button>
        ) : null
      }
    >
      <form onSubmit={apply} aria-label={t('eventsPlanning.filters')}>
        <fieldset className="bn-filters">
          <legend>{t('eventsPlanning.filters')}</legend>
          <SelectField
            label={t('eventsPlanning.year')}
            name="year"
            defaultValue=""
            options={[
              { value: '', label: t('eventsPlanning.all') },
              ...years.map((y) => ({ value: String(y), label: String(y) })),
            ]}
          />
          <SelectField
            label={t('eventsPlanning.type')}
            name="type"
            defaultValue=""
            options={[
              { value: '', label: t('eventsPlanning.all') },
              ...eventTypes.map((x) => ({ value: x, label: t(`eventsPlanning.types.${x}`) })),
            ]}
          />
          <SelectField
            label={t('eventsPlanning.status')}
            name="status"
            defaultValue=""
            options={[
              { value: '', label: t('eventsPlanning.all') },
              ...eventStatuses.map((x) => ({ value: x, label: t(`eventsPlanning.statuses.${x}`) })),
            ]}
          />
          <div className="bn-filters__actions">
            <Button type="submit" icon="search">
              {t('eventsPlanning.apply')}
            </Button>
          </div>
        </fieldset>
      </form>
      <ErrorAlert error={events.error} />
      {events.isPending ? (
        <Loading />
      ) : (events.data ?? []).length === 0 ? (
        <p className="kern-body">{t('eventsPlanning.none')}</p>
      ) : (
        [...byYear.entries()].map(([year, list]) => (
          <section key={year} aria-labelledby={`events-${year}`}>
            <h2 id={`events-${year}`} className="kern-heading-medium">
              {year}
            </h2>
            <TableRegion label={t('eventsPlanning.tableCaption', { year })}>
              <table className="kern-table bn-table">
                <caption className="kern-sr-only">{t('eventsPlanning.tableCaption', { year })}</caption>
                <TableHead
                  columns={[
                    t('eventsPlanning.event'),
                    t('eventsPlanning.status'),
                    t('eventsPlanning.places'),
                    t('eventsPlanning.steps'),
                  ]}
                />
                <tbody className="kern-table__body">
                  {list.map((e) => (
                    <tr key={e.id} className="kern-table__row">
                      <th scope="row" className="kern-table__cell bn-row-head bn-break">
                        <Link
                          to="/n/$networkId/veranstaltungen/$eventId"
                          params={{ networkId, eventId: e.id }}
                          className="kern-link"
                        >
                          {e.title}
                        </Link>
                        <span className="bn-cell-second">
                          {t(`eventsPlanning.types.${e.type}`)} · {eventWhen(e.startsAt, e.endsAt)}
                          {e.venue ? ` · ${e.venue}` : ''}
                          {e.public ? '' : ` · ${t('eventsPlanning.internal')}`}
                        </span>
                      </th>
                      <td className="kern-table__cell">
                        {e.cancelledAt ? (
                          <Badge kind="danger">{t('eventsPlanning.cancelled')}</Badge>
                        ) : (
                          <Badge kind={statusKind[e.status]}>
                            {t(`eventsPlanning.statuses.${e.status}`)}
                          </Badge>
                        )}
                      </td>
                      <td className="kern-table__cell bn-nowrap">
                        {e.capacity
                          ? t('eventsPlanning.placesOf', { count: e.registered, capacity: e.capacity })
                          : t('eventsPlanning.placesCount', { count: e.registered })}
                        {e.waiting ? (
                          <span className="bn-cell-second">
                            {t('eventsPlanning.waiting', { count: e.waiting })}
                          </span>
                        ) : null}
                      </td>
                      <td className="kern-table__cell">
                        {t('eventsPlanning.openSteps', { count: e.openTasks })}
                        {e.overdueTasks ? (
                          <span className="bn-cell-second">
                            <Badge kind="danger">
                              {t('eventsPlanning.overdueSteps', { count: e.overdueTasks })}
                            </Badge>
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </section>
        ))
      )}
      {manage ? (
        <CreateEventDialog networkId={networkId} open={creating} onClose={() => setCreating(false)} />
      ) : null}
    </Page>
  );
}

function CreateEventDialog({
  networkId,
  open,
  onClose,
}: {
  networkId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: Parameters<typeof createEvent>[1]) => createEvent(networkId, body),
    onSuccess: async (e) => {
      await qc.invalidateQueries({ queryKey: eventsKey(networkId) });
      onClose();
      await navigate({ to: '/n/$networkId/veranstaltungen/$eventId', params: { networkId, eventId: e.id } });
    },
  });
  return (
    <FormDialog
      open={open}
      title={t('eventsPlanning.createTitle')}
      submitLabel={t('eventsPlanning.createSubmit')}
      onClose={onClose}
      busy={create.isPending}
      error={create.error}
      onSubmit={(e) => {
        const fd = new FormData(e.currentTarget);
        const s = (k: string) => String(fd.get(k) ?? '').trim();
        create.mutate({
          type: s('type') as EventType,
          title: s('title'),
          startsAt: s('startsAt'),
          endsAt: s('endsAt'),
          venue: s('venue'),
          public: fd.get('public') === 'on',
          capacity: s('capacity') ? Number(s('capacity')) : null,
        });
      }}
    >
      <SelectField
        label={t('eventsPlanning.type')}
        name="type"
        required
        defaultValue="conference"
        hint={t('eventsPlanning.typeHint')}
        options={eventTypes.map((x) => ({ value: x, label: t(`eventsPlanning.types.${x}`) }))}
      />
      <TextField label={t('eventsPlanning.titleLabel')} name="title" required autoComplete="off" />
      <DateTimeField label={t('eventsPlanning.startsAt')} name="startsAt" required />
      <DateTimeField label={t('eventsPlanning.endsAt')} name="endsAt" required />
      <TextField label={t('eventsPlanning.venue')} name="venue" autoComplete="off" />
      <TextField
        label={t('eventsPlanning.capacity')}
        name="capacity"
        type="number"
        min={1}
        inputMode="numeric"
      />
      <CheckboxField label={t('eventsPlanning.public')} name="public" hint={t('eventsPlanning.publicHint')} />
    </FormDialog>
  );
}
