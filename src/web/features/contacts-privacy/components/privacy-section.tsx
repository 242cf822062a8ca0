import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel, ConsentPurpose } from '../../../../contracts/contacts';
import { consentChannels, consentPurposes } from '../../../../contracts/contacts';
import {
  Alert,
  Button,
  ConfirmAction,
  ConfirmDialog,
  DateField,
  ErrorAlert,
  FormDialog,
  Loading,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDate, today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import {
  erasePerson,
  exportUrl,
  giveConsent,
  type PersonPrivacy,
  privacyQuery,
  withdrawConsent,
} from '../api';

type Consent = PersonPrivacy['consents'][number];

/**
 * The person page's privacy section: legal basis, consents (give and withdraw, never overwritten),
 * the access export and erasure.
 */
export function PrivacySection({ networkId, personId }: { networkId: string; personId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('contacts.manage');
  const qc = useQueryClient();
  const q = useQuery(privacyQuery(networkId, personId));
  const [status, setStatus] = useState<string | null>(null);
  const [giving, setGiving] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [withdrawVia, setWithdrawVia] = useState<ConsentChannel>('email');
  const [erasing, setErasing] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = (p: PersonPrivacy) => qc.setQueryData(privacyQuery(networkId, personId).queryKey, p);

  const give = useMutation({
    mutationFn: (input: Parameters<typeof giveConsent>[2]) => giveConsent(networkId, personId, input),
    onSuccess: (p) => {
      refresh(p);
      setGiving(false);
      setStatus(t('contactsPrivacy.given'));
    },
  });
  const withdraw = useMutation({
    mutationFn: (c: Consent) => withdrawConsent(networkId, personId, c.id, withdrawVia),
    onSuccess: (p) => {
      refresh(p);
      setWithdrawing(null);
      setStatus(t('contactsPrivacy.withdrawn'));
    },
  });
  const erase = useMutation({
    mutationFn: () => erasePerson(networkId, personId, reason),
    onSuccess: () => {
      setErasing(false);
      // The whole person page shows the anonymised record now.
      void qc.invalidateQueries({ queryKey: ['networks', networkId] });
    },
  });

  if (!q.data) {
    return (
      <Section title={t('contactsPrivacy.section')} id="datenschutz">
        {q.isPending ? <Loading /> : <ErrorAlert error={q.error} />}
      </Section>
    );
  }
  const p = q.data;
  const purpose = (c: { purpose: ConsentPurpose }) => t(`contactsPrivacy.purpose.${c.purpose}`);
  const via = (v: ConsentChannel | null) => (v ? t(`contactsPrivacy.via.${v}`) : '');
  const state = (c: Consent) =>
    !c.withdrawnAt
      ? t('contactsPrivacy.stateGiven')
      : t(c.objection ? 'contactsPrivacy.stateObjection' : 'contactsPrivacy.stateWithdrawn', {
          date: formatDate(c.withdrawnAt),
          via: via(c.withdrawnVia),
        });
  const channelOptions = consentChannels
    .filter((c) => c !== 'link')
    .map((c) => ({ value: c, label: t(`contactsPrivacy.via.${c}`) }));

  return (
    <Section title={t('contactsPrivacy.section')} id="datenschutz">
      <div className="bn-privacy">
        <StatusMessage message={status} />
        {p.erasedAt ? (
          <Alert kind="info">{t('contactsPrivacy.erased', { date: formatDate(p.erasedAt) })}</Alert>
        ) : null}
        <dl className="bn-dl">
          <dt className="kern-label">{t('contactsPrivacy.legalBasis')}</dt>
          <dd className="kern-body">{t(`contactsPrivacy.basis.${p.legalBasis}`)}</dd>
        </dl>

        <h3 className="kern-heading-small" id="einwilligungen">
          {t('contactsPrivacy.consents')}
        </h3>
        {p.consents.length === 0 ? (
          <p className="kern-body">{t('contactsPrivacy.noConsents')}</p>
        ) : (
          <TableRegion labelledBy="einwilligungen">
            <table className="kern-table bn-table">
              <TableHead
                columns={[
                  t('contactsPrivacy.colPurpose'),
                  t('contactsPrivacy.colGiven'),
                  t('contactsPrivacy.colVersion'),
                  t('contactsPrivacy.colState'),
                ]}
                actions={manage && !p.erasedAt ? t('common.actions') : null}
              />
              <tbody className="kern-table__body">
                {p.consents.map((c) => (
                  <tr key={c.id} className="kern-table__row">
                    <td className="kern-table__cell">{purpose(c)}</td>
                    <td className="kern-table__cell">
                      {formatDate(c.givenAt)} ({via(c.givenVia)})
                    </td>
                    <td className="kern-table__cell">{c.textVersion}</td>
                    <td className="kern-table__cell">{state(c)}</td>
                    {manage && !p.erasedAt ? (
                      <td className="kern-table__cell">
                        {c.withdrawnAt ? null : (
                          <Button
                            variant="secondary"
                            small
                            aria-label={t('contactsPrivacy.withdrawLabel', { purpose: purpose(c) })}
                            onClick={() => setWithdrawing(c)}
                          >
                            {t('contactsPrivacy.withdraw')}
                          </Button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        {manage && !p.erasedAt ? (
          <div className="bn-toolbar">
            <Button variant="secondary" icon="add" onClick={() => setGiving(true)}>
              {t('contactsPrivacy.give')}
            </Button>
          </div>
        ) : null}

        {manage ? (
          <>
            <h3 className="kern-heading-small">{t('contactsPrivacy.access')}</h3>
            <p className="kern-body">{t('contactsPrivacy.accessHint')}</p>
            <div className="bn-toolbar">
              <a
                className="kern-btn kern-btn--secondary"
                href={exportUrl(networkId, personId, 'json')}
                download
              >
                <span className="kern-icon kern-icon--download" aria-hidden="true" />
                <span className="kern-label">{t('contactsPrivacy.accessJson')}</span>
              </a>
              <a
                className="kern-btn kern-btn--secondary"
                href={exportUrl(networkId, personId, 'pdf')}
                download
              >
                <span className="kern-icon kern-icon--download" aria-hidden="true" />
                <span className="kern-label">{t('contactsPrivacy.accessPdf')}</span>
              </a>
            </div>
          </>
        ) : null}

        {manage && !p.erasedAt ? (
          <>
            <h3 className="kern-heading-small">{t('contactsPrivacy.erase')}</h3>
            {p.erasureBlockedBy ? (
              <Alert kind="info" title={t('contactsPrivacy.eraseBlocked')}>
                <p className="kern-body">{p.erasureBlockedBy}</p>
              </Alert>
            ) : (
              <div className="bn-toolbar">
                <Button variant="secondary" icon="delete" onClick={() => setErasing(true)}>
                  {t('contactsPrivacy.erase')}
                </Button>
              </div>
            )}
          </>
        ) : null}

        <FormDialog
          open={giving}
          title={t('contactsPrivacy.giveTitle')}
          submitLabel={t('contactsPrivacy.save')}
          busy={give.isPending}
          error={give.error}
          onClose={() => {
            setGiving(false);
            give.reset();
          }}
          onSubmit={(e) => {
            const f = new FormData(e.currentTarget);
            give.mutate({
              purpose: String(f.get('purpose')) as ConsentPurpose,
              givenVia: String(f.get('givenVia')) as ConsentChannel,
              givenOn: String(f.get('givenOn') || '') || undefined,
              textVersion: String(f.get('textVersion') ?? ''),
            });
          }}
        >
          <SelectField
            label={t('contactsPrivacy.colPurpose')}
            name="purpose"
            options={consentPurposes.map((c) => ({ value: c, label: t(`contactsPrivacy.purpose.${c}`) }))}
          />
          <DateField
            label={t('contactsPrivacy.givenOn')}
            name="givenOn"
            defaultValue={today()}
            max={today()}
          />
          <SelectField label={t('contactsPrivacy.givenVia')} name="givenVia" options={channelOptions} />
          <TextField
            label={t('contactsPrivacy.textVersion')}
            hint={t('contactsPrivacy.textVersionHint')}
            name="textVersion"
            required
            maxLength={100}
          />
        </FormDialog>

        <ConfirmAction
          target={withdrawing}
          action={withdraw}
          onClose={() => setWithdrawing(null)}
          title={t('contactsPrivacy.withdrawTitle')}
          confirmLabel={t('contactsPrivacy.withdraw')}
        >
          <p className="kern-body">
            {withdrawing ? t('contactsPrivacy.withdrawText', { purpose: purpose(withdrawing) }) : null}
          </p>
          <SelectField
            label={t('contactsPrivacy.withdrawVia')}
            value={withdrawVia}
            onChange={(e) => setWithdrawVia(e.target.value as ConsentChannel)}
            options={channelOptions}
          />
        </ConfirmAction>

        <ConfirmDialog
          open={erasing}
          title={t('contactsPrivacy.eraseTitle')}
          confirmLabel={t('contactsPrivacy.eraseConfirm')}
          busy={erase.isPending}
          onClose={() => {
            setErasing(false);
            erase.reset();
          }}
          onConfirm={() => erase.mutate()}
        >
          <p className="kern-body">{t('contactsPrivacy.eraseWhat')}</p>
          <TextAreaField
            label={t('contactsPrivacy.eraseReason')}
            hint={t('contactsPrivacy.eraseReasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
          />
          <ErrorAlert error={erase.error} />
        </ConfirmDialog>
      </div>
    </Section>
  );
}
