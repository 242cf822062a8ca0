import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ActionsCell,
  Badge,
  ErrorAlert,
  Loading,
  RowButton,
  StatusMessage,
  TableRegion,
} from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { useTitle } from '../../../lib/use-title';
import { EventFrame } from '../../events-planning';
import { cancelByOffice, listQuery } from '../api';
import { statusText } from './registration-result';

const kind = { confirmed: 'success', offered: 'info', waiting: 'warning', cancelled: 'danger' } as const;

/** The office's registrations of one event: counts, the sessions' places and waiting lists, the table. */
export function RegistrationsPage({ networkId, eventId }: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  useTitle(t('eventsRegistration.title'));
  const qc = useQueryClient();
  const q = useQuery(listQuery(networkId, eventId));
  const [message, setMessage] = useState<string | null>(null);
  const cancel = useMutation({
    mutationFn: (id: string) => cancelByOffice(networkId, eventId, id),
    onSuccess: (next) => {
      qc.setQueryData(listQuery(networkId, eventId).queryKey, next);
      setMessage(t('eventsRegistration.office.cancelled'));
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
          <ErrorAlert error={cancel.error} />
          {l.sessions.length > 0 ? (
            <section aria-labelledby="workshops">
              <h2 className="kern-heading-medium" id="workshops">
                {t('eventsRegistration.office.sessions')}
              </h2>
              <TableRegion labelledBy="workshops">
                <table className="kern-table bn-table">
                  <thead className="kern-table__head">
                    <tr className="kern-table__row">
                      <th className="kern-table__header" scope="col">
                        {t('eventsRegistration.office.session')}
                      </th>
                      <th className="kern-table__header" scope="col">
                        {t('eventsRegistration.office.capacity')}
                      </th>
                      <th className="kern-table__header" scope="col">
                        {t('eventsRegistration.status.confirmed')}
                      </th>
                      <th className="kern-table__header" scope="col">
                        {t('eventsRegistration.status.offered')}
                      </th>
                      <th className="kern-table__header" scope="col">
                        {t('eventsRegistration.office.waitingList')}
                      </th>
                    </tr>
                  </thead>
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
          ) : null}
          <section aria-labelledby="liste">
            <h2 className="kern-heading-medium" id="liste">
              {t('eventsRegistration.office.list', { count: l.registrations.length })}
            </h2>
            <TableRegion labelledBy="liste">
              <table className="kern-table bn-table">
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    <th className="kern-table__header" scope="col">
                      {t('eventsRegistration.office.name')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('eventsRegistration.form.institution')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('eventsRegistration.office.place')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('eventsRegistration.office.sessions')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('eventsRegistration.office.actions')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {l.registrations.map((r) => (
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
                            onClick={() => {
                              if (
                                window.confirm(
                                  t('eventsRegistration.office.cancelConfirm', {
                                    name: `${r.firstName} ${r.lastName}`,
                                  }),
                                )
                              )
                                cancel.mutate(r.id);
                            }}
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
          </section>
        </>
      )}
    </EventFrame>
  );
}
