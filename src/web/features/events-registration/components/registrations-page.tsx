import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  RegistrationList,
  RegistrationResult,
  SessionOption,
} from '../../../../contracts/events-registration';
import { fold, matchesWords } from '../../../../contracts/search';
import {
  ActionsCell,
  Badge,
  Button,
  ConfirmAction,
  ErrorAlert,
  Loading,
  LoadMore,
  RowButton,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { useTitle } from '../../../lib/use-title';
import { EventFrame } from '../../events-planning';
import { addByHand, cancelByOffice, listQuery } from '../api';
import { RegistrationFormView } from './registration-form';
import { statusText } from './registration-result';

const kind = { confirmed: 'success', offered: 'info', waiting: 'warning', cancelled: 'danger' } as const;
const statuses = ['confirmed', 'offered', 'waiting', 'cancelled'] as const;
type Row = RegistrationList['registrations'][number];

/** Rows shown at first and added by "Weitere laden": a conference has hundreds of registrations. */
const PAGE = 50;

/** The list's sessions as the registration form offers them (free places as the office sees them now). */
const sessionOptions = (l: RegistrationList): SessionOption[] =>
  l.sessions.map((s) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    free: s.capacity === null ? null : Math.max(0, s.capacity - s.confirmed - s.offered),
    choosable: true,
  }));

/**
 * The office's registrations of one event: counts, the sessions' places and waiting lists, a
 * registration taken by phone, and the list with search, filters and cancellation.
 */
export function RegistrationsPage({ networkId, eventId }: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsRegistration.title'));
  const qc = useQueryClient();
  const q = useQuery(listQuery(networkId, eventId));
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [cancelling, setCancelling] = useState<Row | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: listQuery(networkId, eventId).queryKey });
  const cancel = useMutation({
    mutationFn: (r: Row) => cancelByOffice(networkId, eventId, r.id),
    onSuccess: (next) => {
      qc.setQueryData(listQuery(networkId, eventId).queryKey, next);
      setCancelling(null);
      setMessage(t('eventsRegistration.office.cancelled'));
    },
  });
  const add = useMutation({
    mutationFn: (body: Parameters<typeof addByHand>[2]) => addByHand(networkId, eventId, body),
    onSuccess: async (r: RegistrationResult, body) => {
      setAdding(false);
      setMessage(
        t('eventsRegistration.office.added', {
          name: `${body.firstName} ${body.lastName}`,
          status: statusText(t, r),
        }),
      );
      await refresh();
    },
  });
  const l = q.data;
  return (
    <EventFrame networkId={networkId} eventId={eventId} current="registrations">
      <h1 className="kern-heading-x-large">{t('eventsRegistration.title')}</h1>
      {!l ? (
        q.isPending ? (
          <Loading />
        ) : (
          <ErrorAlert error={q.error} />
        )
      ) : (
        <>
          <p className="kern-body">
            {t('eventsRegistration.office.counts', {
              confirmed: l.counts.confirmed,
              capacity: l.counts.capacity ?? '∞',
              offered: l.counts.offered,
              waiting: l.counts.waiting,
            })}
          </p>
          <StatusMessage message={message} />
          {adding ? (
            <Section title={t('eventsRegistration.office.addTitle')} id="erfassen">
              <p className="kern-body bn-prose">{t('eventsRegistration.office.addIntro')}</p>
              <RegistrationFormView
                sessions={sessionOptions(l)}
                busy={add.isPending}
                error={add.error}
                submitLabel={t('eventsRegistration.office.addSubmit')}
                onSubmit={(body) => add.mutate(body)}
              />
              <p>
                <Button
                  variant="tertiary"
                  onClick={() => {
                    setAdding(false);
                    add.reset();
                  }}
                >
                  {t('eventsRegistration.office.addClose')}
                </Button>
              </p>
            </Section>
          ) : (
            <p>
              <Button
                icon="add"
                onClick={() => {
                  setMessage(null);
                  setAdding(true);
                }}
              >
                {t('eventsRegistration.office.add')}
              </Button>
            </p>
          )}
          <SessionPlaces l={l} />
          <Registrations l={l} onCancel={setCancelling} />
          <ConfirmAction
            target={cancelling}
            action={cancel}
            onClose={() => setCancelling(null)}
            title={t('eventsRegistration.office.cancelTitle', {
              name: cancelling ? `${cancelling.firstName} ${cancelling.lastName}` : '',
            })}
            confirmLabel={t('eventsRegistration.office.cancel')}
          >
            <p className="kern-body">{t('eventsRegistration.office.cancelText')}</p>
          </ConfirmAction>
        </>
      )}
    </EventFrame>
  );
}

function SessionPlaces({ l }: { l: RegistrationList }) {
  const { t } = useTranslation();
  if (l.sessions.length === 0) return null;
  return (
    <section aria-labelledby="workshops">
      <h2 className="kern-heading-medium" id="workshops">
        {t('eventsRegistration.office.sessions')}
      </h2>
      <TableRegion labelledBy="workshops">
        <table className="kern-table bn-table">
          <TableHead
            columns={[
              t('eventsRegistration.office.session'),
              t('eventsRegistration.office.capacity'),
              t('eventsRegistration.status.confirmed'),
              t('eventsRegistration.status.offered'),
              t('eventsRegistration.office.waitingList'),
            ]}
          />
          <tbody className="kern-table__body">
            {l.sessions.map((s) => (
              <tr className="kern-table__row" key={s.id}>
                <th className="kern-table__header" scope="row">
                  {s.title}
                </th>
                <td className="kern-table__cell">{s.capacity ?? '–'}</td>
                <td className="kern-table__cell">{s.confirmed}</td>
                <td className="kern-table__cell">{s.offered}</td>
                <td className="kern-table__cell">{s.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/** The list itself: searched and filtered as one types, shown fifty at a time. */
function Registrations({ l, onCancel }: { l: RegistrationList; onCancel: (r: Row) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [shown, setShown] = useState(PAGE);
  const query = fold(useDeferredValue(search));
  // With a workshop chosen, "Platz" is the place in that workshop (who waits for Workshop 3?).
  const placeOf = (r: Row) => (sessionId ? r.choices.find((c) => c.sessionId === sessionId) : r);
  const rows = l.registrations.filter((r) => {
    const place = placeOf(r);
    return (
      place !== undefined &&
      (!status || place.status === status) &&
      matchesWords(fold(`${r.firstName} ${r.lastName} ${r.email} ${r.institution}`), query)
    );
  });
  // A changed filter starts again at the first page.
  const filter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setShown(PAGE);
  };
  return (
    <section aria-labelledby="liste">
      <h2 className="kern-heading-medium" id="liste">
        {t('eventsRegistration.office.list', { count: l.registrations.length })}
      </h2>
      <fieldset className="bn-filters">
        <legend>{t('eventsRegistration.office.filter')}</legend>
        <TextField
          type="search"
          label={t('eventsRegistration.office.search')}
          value={search}
          onChange={(e) => filter(setSearch)(e.currentTarget.value)}
        />
        <SelectField
          label={t('eventsRegistration.office.filterStatus')}
          value={status}
          onChange={(e) => filter(setStatus)(e.currentTarget.value)}
          options={[
            { value: '', label: t('eventsRegistration.office.all') },
            ...statuses.map((s) => ({ value: s, label: t(`eventsRegistration.status.${s}`) })),
          ]}
        />
        {l.sessions.length > 0 ? (
          <SelectField
            label={t('eventsRegistration.office.filterSession')}
            value={sessionId}
            onChange={(e) => filter(setSessionId)(e.currentTarget.value)}
            options={[
              { value: '', label: t('eventsRegistration.office.allSessions') },
              ...l.sessions.map((s) => ({ value: s.id, label: s.title })),
            ]}
          />
        ) : null}
      </fieldset>
      <p className="kern-body" role="status">
        {rows.length === 0
          ? t('eventsRegistration.office.noMatch')
          : t('eventsRegistration.office.shown', {
              shown: Math.min(shown, rows.length),
              count: rows.length,
            })}
      </p>
      {rows.length > 0 ? (
        <TableRegion labelledBy="liste">
          <table className="kern-table bn-table">
            <TableHead
              columns={[
                t('eventsRegistration.office.name'),
                t('eventsRegistration.form.institution'),
                t('eventsRegistration.office.place'),
                t('eventsRegistration.office.sessions'),
              ]}
              actions={t('eventsRegistration.office.actions')}
            />
            <tbody className="kern-table__body">
              {rows.slice(0, shown).map((r) => (
                <tr className="kern-table__row" key={r.id}>
                  <th className="kern-table__header" scope="row">
                    {r.lastName}, {r.firstName}
                    {r.needs ? ` (${t('eventsRegistration.office.needs')})` : ''}
                  </th>
                  <td className="kern-table__cell">{r.institution || '–'}</td>
                  <td className="kern-table__cell">
                    <Badge kind={kind[r.status]}>{statusText(t, r)}</Badge>
                    {r.status === 'offered'
                      ? ` ${t('eventsRegistration.office.until', { at: formatDateTime(r.offerExpiresAt) })}`
                      : ''}
                  </td>
                  <td className="kern-table__cell">
                    {r.choices.length === 0
                      ? '–'
                      : r.choices.map((c) => (
                          <div key={c.sessionId}>
                            {c.priority}. {c.title}: {statusText(t, c)}
                          </div>
                        ))}
                  </td>
                  <ActionsCell>
                    {r.status !== 'cancelled' ? (
                      <RowButton
                        icon="close"
                        label={`${t('eventsRegistration.office.cancel')}: ${r.firstName} ${r.lastName}`}
                        onClick={() => onCancel(r)}
                      >
                        {t('eventsRegistration.office.cancel')}
                      </RowButton>
                    ) : null}
                  </ActionsCell>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      <LoadMore hasMore={rows.length > shown} loading={false} onLoad={() => setShown((n) => n + PAGE)} />
    </section>
  );
}
