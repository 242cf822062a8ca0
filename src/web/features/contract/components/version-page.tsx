import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail, Party, VersionDetail } from '../../../../contracts/contract';
import {
  Alert,
  Button,
  ConfirmAction,
  DateField,
  ErrorAlert,
  Loading,
  Page,
  Section,
  StatusMessage,
  TextField,
} from '../../../components/ui';
import { formatDateTime, formatDay, today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import {
  attachmentUrl,
  attachToVersion,
  contractKey,
  contractQuery,
  recordConsent,
  versionQuery,
  withdrawVersion,
} from '../api';
import { parties, StatusBadge } from './labels';

/** One version: its text and fields, the attachments, and the consent of both parties. */
export function VersionPage({ networkId, versionId }: { networkId: string; versionId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const version = useQuery(versionQuery(networkId, versionId));
  const contract = useQuery(contractQuery(networkId));
  const [message, setMessage] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<VersionDetail | null>(null);
  const manage = can('contract.manage');
  const refresh = () => qc.invalidateQueries({ queryKey: contractKey(networkId) });

  const withdraw = useMutation({
    mutationFn: (v: VersionDetail) => withdrawVersion(networkId, v.id),
    onSuccess: async () => {
      setConfirm(null);
      setMessage(t('version.withdrawn'));
      await refresh();
    },
  });

  const v = version.data;
  if (!v) {
    return (
      <Page title={t('contract.versionsTitle')}>
        {version.isPending ? <Loading /> : <ErrorAlert error={version.error} />}
      </Page>
    );
  }
  const draft = v.status === 'draft';

  return (
    <Page
      title={t('version.pageTitle', { number: v.number, title: v.title })}
      intro={v.summary || undefined}
      actions={
        draft && manage ? (
          <Button variant="secondary" icon="delete" onClick={() => setConfirm(v)}>
            {t('version.withdraw')}
          </Button>
        ) : null
      }
    >
      <StatusMessage message={message} />
      <dl className="bn-dl">
        <dt>{t('contract.status')}</dt>
        <dd>
          <StatusBadge status={v.status} />
        </dd>
        <dt>{t('version.kind')}</dt>
        <dd>{t(`contract.kinds.${v.kind}`)}</dd>
        <dt>{t('version.effectiveFrom')}</dt>
        <dd>{formatDay(v.effectiveFrom)}</dd>
      </dl>
      {draft ? (
        <Alert kind="info">{t('version.inForceNote')}</Alert>
      ) : v.status === 'withdrawn' ? (
        <Alert kind="warning">{t('version.withdrawnNote')}</Alert>
      ) : null}
      {v.warnings.length > 0 ? (
        <Alert kind="warning" title={t('version.warningsTitle')}>
          <ul className="bn-card-list">
            {v.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <Section title={t('version.consentsTitle')} id="version-consents">
        <div className="bn-card-grid bn-card-grid--two">
          {parties.map((p) => (
            <PartyConsent
              key={p}
              networkId={networkId}
              version={v}
              party={p}
              contract={contract.data ?? null}
              manage={manage}
              onDone={async (updated) => {
                setMessage(
                  updated.status === 'in_force'
                    ? t('version.nowInForce', { number: updated.number })
                    : t('version.consentSaved', { party: t(`contract.parties.${p}`) }),
                );
                await refresh();
              }}
            />
          ))}
        </div>
      </Section>

      <Section title={t('version.fieldsTitle')} id="version-fields">
        {v.addedFields.length === 0 && v.endedFields.length === 0 ? (
          <p className="kern-body">{t('version.noFieldChanges')}</p>
        ) : (
          <dl className="bn-dl">
            {v.addedFields.length > 0 ? (
              <>
                <dt>{t('version.added')}</dt>
                <dd>
                  <ul className="bn-plain-list">
                    {v.addedFields.map((f) => (
                      <li key={f.id}>{f.name}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {v.endedFields.length > 0 ? (
              <>
                <dt>{t('version.ended')}</dt>
                <dd>
                  <ul className="bn-plain-list">
                    {v.endedFields.map((f) => (
                      <li key={f.id}>{f.name}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        )}
      </Section>

      {v.sections.length > 0 ? (
        <Section title={t('version.textTitle')} id="version-text">
          {v.sections.map((s) => (
            <article key={s.position} className="bn-contract-section">
              <h3 className="kern-heading-small">{s.heading}</h3>
              <p className="kern-body bn-pre-line">{s.body}</p>
            </article>
          ))}
        </Section>
      ) : null}

      <Attachments networkId={networkId} version={v} manage={manage} onDone={setMessage} />

      <p>
        <Link to="/n/$networkId/vertrag" params={{ networkId }} className="kern-link">
          {t('version.backToContract')}
        </Link>
      </p>

      <ConfirmAction
        target={confirm}
        action={withdraw}
        onClose={() => setConfirm(null)}
        title={t('version.withdrawTitle')}
        confirmLabel={t('version.withdraw')}
      >
        <p className="kern-body">{t('version.withdrawText', { number: v.number, title: v.title })}</p>
      </ConfirmAction>
    </Page>
  );
}

function PartyConsent({
  networkId,
  version: v,
  party,
  contract,
  manage,
  onDone,
}: {
  networkId: string;
  version: VersionDetail;
  party: Party;
  contract: ContractDetail | null;
  manage: boolean;
  onDone: (v: VersionDetail) => Promise<void>;
}) {
  const { t } = useTranslation();
  const consent = v.consents.find((c) => c.party === party);
  const label = t(`contract.parties.${party}`);
  const partyName = contract
    ? party === 'land'
      ? contract.landPartyName
      : contract.municipalityPartyName
    : null;
  const record = useMutation({
    mutationFn: (input: { signedBy: string; signedOn: string }) =>
      recordConsent(networkId, v.id, { party, ...input }),
    onSuccess: onDone,
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    record.mutate({ signedBy: String(fd.get('signedBy') ?? ''), signedOn: String(fd.get('signedOn') ?? '') });
  }
  const headingId = `consent-${party}`;
  return (
    <section className="kern-card bn-consent-card" aria-labelledby={headingId}>
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h3 className="kern-title" id={headingId}>
            {t('version.consentOf', { party: label })}
          </h3>
          {partyName ? <p className="kern-body kern-body--small bn-muted">{partyName}</p> : null}
        </header>
        <div className="kern-card__body">
          {consent ? (
            <p className="kern-body bn-consent-done">
              <span className="kern-icon kern-icon--success" aria-hidden="true" />{' '}
              {t('version.consentRecorded', { by: consent.signedBy, date: formatDay(consent.signedOn) })}
              <br />
              <span className="bn-muted kern-body--small">
                {t('version.recordedAt', { at: formatDateTime(consent.recordedAt) })}
              </span>
            </p>
          ) : v.status === 'draft' && manage ? (
            <form className="bn-form" onSubmit={submit}>
              <ErrorAlert error={record.error} />
              <TextField
                label={t('version.signedBy')}
                name="signedBy"
                hint={t('version.signedByHint')}
                required
                minLength={2}
              />
              <DateField label={t('version.signedOn')} name="signedOn" required max={today()} />
              <div className="bn-form__actions">
                <Button type="submit" busy={record.isPending}>
                  {t('version.recordConsentOf', { party: label })}
                </Button>
              </div>
            </form>
          ) : (
            <p className="kern-body">{t('version.consentPending')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function Attachments({
  networkId,
  version: v,
  manage,
  onDone,
}: {
  networkId: string;
  version: VersionDetail;
  manage: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (x: { label: string; file: File }) => attachToVersion(networkId, v.id, x.label, x.file),
    onSuccess: async (_, x) => {
      formRef.current?.reset();
      onDone(t('version.uploaded', { name: x.file.name }));
      await qc.invalidateQueries({ queryKey: contractKey(networkId) });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const file = fd.get('file');
    if (!(file instanceof File) || file.size === 0) return setMissing(true);
    setMissing(false);
    upload.mutate({ label: String(fd.get('label') ?? ''), file });
  }
  return (
    <Section title={t('version.attachmentsTitle')} id="version-attachments">
      {v.attachments.length === 0 ? (
        <p className="kern-body">{t('version.noAttachments')}</p>
      ) : (
        <ul className="bn-plain-list bn-stack">
          {v.attachments.map((a) => (
            <li key={a.fileId}>
              <a
                className="kern-link"
                href={attachmentUrl(networkId, a.fileId)}
                download={a.name}
                aria-label={t('version.download', { label: a.label, name: a.name })}
              >
                <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />{' '}
                {a.label}
              </a>{' '}
              <span className="bn-muted">({a.name})</span>
            </li>
          ))}
        </ul>
      )}
      {manage && v.status !== 'withdrawn' ? (
        <form ref={formRef} className="bn-form bn-form--inline bn-attach-form" onSubmit={submit}>
          <TextField
            label={t('version.attachmentLabel')}
            name="label"
            defaultValue={t('version.attachmentLabelDefault')}
            required
          />
          <TextField
            label={t('version.attachmentFile')}
            name="file"
            type="file"
            hint={t('version.attachmentFileHint')}
            error={missing ? t('files.chooseFile') : null}
          />
          <div className="bn-form__actions">
            <Button type="submit" icon="drive-folder-upload" busy={upload.isPending}>
              {t('version.upload')}
            </Button>
          </div>
          <ErrorAlert error={upload.error} />
        </form>
      ) : null}
    </Section>
  );
}
