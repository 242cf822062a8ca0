import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ConfirmAction,
  ErrorAlert,
  Loading,
  Page,
  Section,
  StatusMessage,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { formatDate } from '../../../lib/format';
import {
  declineCase,
  deleteCase,
  downloadJson,
  exportArchive,
  type RetentionOverview,
  type RetentionRule,
  retentionQuery,
  runCheck,
  saveRules,
} from '../api';

type Case = RetentionOverview['due'][number];

/**
 * Aufbewahrung & Löschung: the retention periods per record type and the records whose period has
 * passed, offered to the archive first ("Für das Archiv exportieren" or "Archiv verzichtet"), then
 * deleted.
 */
export function RetentionPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery(retentionQuery(networkId));
  const [status, setStatus] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Case | null>(null);
  const set = (o: RetentionOverview) => qc.setQueryData(retentionQuery(networkId).queryKey, o);
  const refetch = () => qc.invalidateQueries({ queryKey: retentionQuery(networkId).queryKey });

  const rules = useMutation({
    mutationFn: (r: RetentionRule[]) => saveRules(networkId, r),
    onSuccess: (o) => {
      set(o);
      setStatus(t('contactsPrivacy.rulesSaved'));
    },
  });
  const check = useMutation({
    mutationFn: () => runCheck(networkId),
    onSuccess: async (r) => {
      await refetch();
      setStatus(t('contactsPrivacy.checked', { count: r.offered }));
    },
  });
  const archive = useMutation({
    mutationFn: () => exportArchive(networkId),
    onSuccess: async (data) => {
      downloadJson(data, `Archiv-Angebot-${data.exportedAt.slice(0, 10)}.json`);
      await refetch();
      setStatus(t('contactsPrivacy.exportedAll'));
    },
  });
  const decline = useMutation({
    mutationFn: (c: Case) => declineCase(networkId, c.id),
    onSuccess: set,
  });
  const remove = useMutation({
    mutationFn: (c: Case) => deleteCase(networkId, c.id),
    onSuccess: (o) => {
      set(o);
      setDeleting(null);
      setStatus(t('contactsPrivacy.deleted'));
    },
  });

  const o = q.data;
  return (
    <Page title={t('contactsPrivacy.title')} intro={t('contactsPrivacy.intro')}>
      <StatusMessage message={status} />
      {!o ? (
        q.isPending ? (
          <Loading />
        ) : (
          <ErrorAlert error={q.error} />
        )
      ) : (
        <>
          <Section title={t('contactsPrivacy.due')} id="faellig">
            <div className="bn-toolbar">
              <Button variant="secondary" onClick={() => check.mutate()} busy={check.isPending}>
                {t('contactsPrivacy.check')}
              </Button>
              {o.due.length > 0 ? (
                <Button icon="download" onClick={() => archive.mutate()} busy={archive.isPending}>
                  {t('contactsPrivacy.exportArchive')}
                </Button>
              ) : null}
            </div>
            <ErrorAlert error={check.error ?? archive.error ?? decline.error} />
            {o.due.length === 0 ? (
              <p className="kern-body">{t('contactsPrivacy.noDue')}</p>
            ) : (
              <TableRegion labelledBy="faellig">
                <table className="kern-table bn-table">
                  <TableHead
                    columns={[
                      t('contactsPrivacy.colRecord'),
                      t('contactsPrivacy.colType'),
                      t('contactsPrivacy.colOffered'),
                      t('contactsPrivacy.colArchive'),
                    ]}
                    actions={t('common.actions')}
                  />
                  <tbody className="kern-table__body">
                    {o.due.map((c) => (
                      <tr key={c.id} className="kern-table__row">
                        <td className="kern-table__cell">{c.label}</td>
                        <td className="kern-table__cell">
                          {t(`contactsPrivacy.recordType.${c.recordType}`)}
                        </td>
                        <td className="kern-table__cell">{formatDate(c.offeredAt)}</td>
                        <td className="kern-table__cell">
                          {c.exportedAt
                            ? t('contactsPrivacy.exported', { date: formatDate(c.exportedAt) })
                            : c.declinedAt
                              ? t('contactsPrivacy.declined', { date: formatDate(c.declinedAt) })
                              : t('contactsPrivacy.open')}
                        </td>
                        <td className="kern-table__cell">
                          <div className="bn-actions">
                            {c.exportedAt || c.declinedAt ? (
                              <Button
                                variant="secondary"
                                small
                                icon="delete"
                                aria-label={t('contactsPrivacy.deleteLabel', { label: c.label })}
                                onClick={() => setDeleting(c)}
                              >
                                {t('contactsPrivacy.delete')}
                              </Button>
                            ) : (
                              <Button
                                variant="secondary"
                                small
                                aria-label={t('contactsPrivacy.declineLabel', { label: c.label })}
                                onClick={() => decline.mutate(c)}
                              >
                                {t('contactsPrivacy.decline')}
                              </Button>
                            )}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
          </Section>
          <RulesForm key={JSON.stringify(o.rules)} rules={o.rules} save={rules} />
        </>
      )}
      <ConfirmAction
        target={deleting}
        action={remove}
        onClose={() => setDeleting(null)}
        title={t('contactsPrivacy.deleteTitle')}
        confirmLabel={t('contactsPrivacy.delete')}
      >
        <p className="kern-body">
          {deleting ? t('contactsPrivacy.deleteText', { label: deleting.label }) : null}
        </p>
      </ConfirmAction>
    </Page>
  );
}

function RulesForm({
  rules,
  save,
}: {
  rules: RetentionRule[];
  save: { mutate: (r: RetentionRule[]) => void; isPending: boolean; error: unknown };
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('contactsPrivacy.rules')} id="fristen">
      <p className="kern-body">{t('contactsPrivacy.rulesHint')}</p>
      <form
        className="bn-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          save.mutate(rules.map((r) => ({ recordType: r.recordType, months: Number(f.get(r.recordType)) })));
        }}
      >
        <ErrorAlert error={save.error} />
        {rules.map((r) => (
          <TextField
            key={r.recordType}
            label={`${t(`contactsPrivacy.recordType.${r.recordType}`)} (${t('contactsPrivacy.months')})`}
            name={r.recordType}
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            required
            defaultValue={r.months}
          />
        ))}
        <Button type="submit" busy={save.isPending}>
          {t('contactsPrivacy.saveRules')}
        </Button>
      </form>
    </Section>
  );
}
