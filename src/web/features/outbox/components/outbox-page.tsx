import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMailSummary } from '../../../../contracts/mail';
import {
  Alert,
  Badge,
  Button,
  ErrorAlert,
  InfoDialog,
  Loading,
  Page,
  SelectField,
  StatusMessage,
  TableRegion,
} from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { mailQuery, outboxQuery, retryMail, type StatusFilter } from '../api';

const badgeKind = { pending: 'warning', sent: 'success', failed: 'danger' } as const;

export function OutboxPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('');
  const [open, setOpen] = useState<OutboxMailSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = useQuery(outboxQuery(networkId, status));
  const retry = useMutation({
    mutationFn: (m: OutboxMailSummary) => retryMail(networkId, m.id),
    onSuccess: async () => {
      setMessage(t('outbox.retried'));
      await qc.invalidateQueries({ queryKey: ['networks', networkId, 'outbox'] });
    },
  });

  return (
    <Page title={t('outbox.title')}>
      {list.data && !list.data.smtpConfigured ? (
        <Alert kind="warning" title={t('outbox.smtpMissingTitle')}>
          <p className="kern-body">{t('outbox.smtpMissing')}</p>
        </Alert>
      ) : null}
      <StatusMessage message={message} />
      <ErrorAlert error={list.error ?? retry.error} />
      <div className="bn-toolbar">
        <SelectField
          label={t('outbox.statusFilter')}
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
          options={[
            { value: '', label: t('outbox.all') },
            { value: 'pending', label: t('outbox.statuses.pending') },
            { value: 'sent', label: t('outbox.statuses.sent') },
            { value: 'failed', label: t('outbox.statuses.failed') },
          ]}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <p className="kern-body">{t('outbox.none')}</p>
      ) : (
        <TableRegion label={t('outbox.tableCaption')}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{t('outbox.tableCaption')}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('outbox.subject')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('outbox.to')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('outbox.statusFilter')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('outbox.created')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--action">
                  {t('common.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {list.data?.items.map((m) => (
                <tr className="kern-table__row" key={m.id}>
                  <td className="kern-table__cell bn-break">
                    {m.subject}
                    {m.attachmentNames.length > 0 ? (
                      <>
                        <br />
                        <span className="bn-muted">
                          {t('outbox.attachments')}: {m.attachmentNames.join(', ')}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td className="kern-table__cell bn-break">
                    {m.toName ? (
                      <>
                        {m.toName}
                        <br />
                        <span className="bn-muted">{m.toAddress}</span>
                      </>
                    ) : (
                      m.toAddress
                    )}
                  </td>
                  <td className="kern-table__cell">
                    <Badge kind={badgeKind[m.status]}>{t(`outbox.statuses.${m.status}`)}</Badge>
                    {m.status === 'failed' && m.lastError ? (
                      <>
                        <br />
                        <span className="bn-muted">{m.lastError}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="kern-table__cell bn-nowrap">
                    {formatDateTime(m.createdAt)}
                    {m.sentAt ? (
                      <>
                        <br />
                        <span className="bn-muted">
                          {t('outbox.sent')}: {formatDateTime(m.sentAt)}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td className="kern-table__cell kern-table__cell--action">
                    <div className="bn-actions">
                      <Button
                        variant="secondary"
                        small
                        icon="visibility"
                        aria-label={t('outbox.showLabel', { subject: m.subject })}
                        onClick={() => setOpen(m)}
                      >
                        {t('outbox.show')}
                      </Button>
                      {m.status === 'failed' ? (
                        <Button
                          variant="tertiary"
                          small
                          icon="autorenew"
                          aria-label={t('outbox.retryLabel', { subject: m.subject })}
                          busy={retry.isPending && retry.variables?.id === m.id}
                          onClick={() => retry.mutate(m)}
                        >
                          {t('outbox.retry')}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <InfoDialog open={open !== null} title={open?.subject ?? ''} onClose={() => setOpen(null)}>
        {open ? <MailDetail networkId={networkId} mailId={open.id} /> : null}
      </InfoDialog>
    </Page>
  );
}

function MailDetail({ networkId, mailId }: { networkId: string; mailId: string }) {
  const { t } = useTranslation();
  const q = useQuery(mailQuery(networkId, mailId));
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const m = q.data;
  return (
    <div className="bn-stack">
      <dl className="bn-dl">
        <dt>{t('outbox.to')}</dt>
        <dd className="bn-break">{m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress}</dd>
        <dt>{t('outbox.statusFilter')}</dt>
        <dd>
          <Badge kind={badgeKind[m.status]}>{t(`outbox.statuses.${m.status}`)}</Badge>
        </dd>
        <dt>{t('outbox.created')}</dt>
        <dd>{formatDateTime(m.createdAt)}</dd>
        {m.sentAt ? (
          <>
            <dt>{t('outbox.sent')}</dt>
            <dd>{formatDateTime(m.sentAt)}</dd>
          </>
        ) : null}
        <dt>{t('outbox.attempts')}</dt>
        <dd>{m.attempts}</dd>
        {m.lastError ? (
          <>
            <dt>{t('outbox.lastError')}</dt>
            <dd className="bn-break">{m.lastError}</dd>
          </>
        ) : null}
        {m.attachmentNames.length > 0 ? (
          <>
            <dt>{t('outbox.attachments')}</dt>
            <dd>{m.attachmentNames.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="kern-heading-small">{t('outbox.body')}</h3>
      <pre className="bn-pre">{m.textBody}</pre>
    </div>
  );
}
