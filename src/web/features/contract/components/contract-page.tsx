import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail, ContractInput, Party } from '../../../../contracts/contract';
import {
  Alert,
  Button,
  ErrorAlert,
  Loading,
  Page,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { formatDay } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { contractKey, contractQuery, historyQuery, saveContract } from '../api';
import { ConsentMarks, parties, StatusBadge } from './labels';

/** Parties and signatories, the versions with their consents, and the history of the contract. */
export function ContractPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const contract = useQuery(contractQuery(networkId));
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const manage = can('contract.manage');

  if (contract.isPending) {
    return (
      <Page title={t('contract.title')}>
        <Loading />
      </Page>
    );
  }
  const c = contract.data ?? null;
  return (
    <Page title={t('contract.title')} intro={t('contract.intro')}>
      <StatusMessage message={message} />
      <ErrorAlert error={contract.error} />
      {!c ? (
        manage ? (
          <Section title={t('contract.createTitle')} id="contract-create">
            <p className="kern-body">{t('contract.none')}</p>
            <ContractForm
              networkId={networkId}
              contract={null}
              onDone={() => setMessage(t('contract.created'))}
            />
          </Section>
        ) : contract.isSuccess ? (
          <Alert kind="info">{t('contract.none')}</Alert>
        ) : null
      ) : (
        <>
          <Section title={t('contract.partiesTitle')} id="contract-parties">
            {editing ? (
              <ContractForm
                networkId={networkId}
                contract={c}
                onDone={() => {
                  setEditing(false);
                  setMessage(t('contract.saved'));
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <>
                <Parties contract={c} />
                {manage ? (
                  <Button variant="secondary" icon="edit" onClick={() => setEditing(true)}>
                    {t('contract.edit')}
                  </Button>
                ) : null}
              </>
            )}
          </Section>
          <Versions networkId={networkId} contract={c} manage={manage} />
          <History networkId={networkId} />
        </>
      )}
    </Page>
  );
}

function Parties({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  return (
    <dl className="bn-dl">
      <dt>{t('contract.contractTitle')}</dt>
      <dd>{c.title}</dd>
      <dt>{t('contract.parties.land')}</dt>
      <dd>{c.landPartyName}</dd>
      <dt>{t('contract.parties.municipality')}</dt>
      <dd>{c.municipalityPartyName}</dd>
      <dt>{t('contract.signatories')}</dt>
      <dd>
        {c.signatories.length === 0 ? (
          t('contract.noSignatories')
        ) : (
          <ul className="bn-plain-list">
            {c.signatories.map((s) => (
              <li key={`${s.party}-${s.name}`}>
                {s.name}, {s.function} <span className="bn-muted">({t(`contract.parties.${s.party}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

type SignatoryRow = { key: number; party: Party; name: string; function: string };
let rowKey = 0;

function ContractForm({
  networkId,
  contract,
  onDone,
  onCancel,
}: {
  networkId: string;
  contract: ContractDetail | null;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [rows, setRows] = useState<SignatoryRow[]>(() =>
    (contract?.signatories ?? []).map((s) => ({ ...s, key: rowKey++ })),
  );
  const save = useMutation({
    mutationFn: (input: ContractInput) => saveContract(networkId, input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: contractKey(networkId) });
      onDone();
    },
  });
  const partyOptions = parties.map((p) => ({ value: p, label: t(`contract.parties.${p}`) }));
  const setRow = (key: number, patch: Partial<SignatoryRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    save.mutate({
      title: String(fd.get('title') ?? ''),
      landPartyName: String(fd.get('landPartyName') ?? ''),
      municipalityPartyName: String(fd.get('municipalityPartyName') ?? ''),
      signatories: rows.map(({ party, name, function: fn }) => ({ party, name, function: fn })),
    });
  }

  return (
    <form className="bn-form" onSubmit={submit}>
      <ErrorAlert error={save.error} />
      <TextField
        label={t('contract.contractTitle')}
        name="title"
        required
        minLength={3}
        defaultValue={contract?.title ?? t('contract.defaultTitle')}
      />
      <TextField
        label={t('contract.landPartyName')}
        name="landPartyName"
        hint={t('contract.landPartyHint')}
        required
        minLength={3}
        defaultValue={contract?.landPartyName ?? ''}
      />
      <TextField
        label={t('contract.municipalityPartyName')}
        name="municipalityPartyName"
        hint={t('contract.municipalityPartyHint')}
        required
        minLength={3}
        defaultValue={contract?.municipalityPartyName ?? ''}
      />
      <fieldset className="kern-fieldset">
        <legend className="kern-label kern-label--large">{t('contract.signatories')}</legend>
        <div className="kern-fieldset__body">
          {rows.map((r, i) => (
            <fieldset key={r.key} className="kern-fieldset bn-row">
              <legend className="kern-label">{t('contract.signatory', { n: i + 1 })}</legend>
              <div className="bn-row__fields">
                <SelectField
                  label={t('contract.party')}
                  options={partyOptions}
                  value={r.party}
                  onChange={(e) => setRow(r.key, { party: e.target.value as Party })}
                />
                <TextField
                  label={t('contract.signatoryName')}
                  value={r.name}
                  required
                  minLength={2}
                  onChange={(e) => setRow(r.key, { name: e.target.value })}
                />
                <TextField
                  label={t('contract.signatoryFunction')}
                  value={r.function}
                  required
                  minLength={2}
                  onChange={(e) => setRow(r.key, { function: e.target.value })}
                />
              </div>
              <Button
                variant="tertiary"
                small
                icon="delete"
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              >
                {t('contract.removeSignatory', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <div>
            <Button
              variant="secondary"
              icon="add"
              onClick={() =>
                setRows((rs) => [
                  ...rs,
                  {
                    key: rowKey++,
                    party: rs.length % 2 === 0 ? 'land' : 'municipality',
                    name: '',
                    function: '',
                  },
                ])
              }
            >
              {t('contract.addSignatory')}
            </Button>
          </div>
        </div>
      </fieldset>
      <div className="bn-form__actions">
        <Button type="submit" busy={save.isPending}>
          {contract ? t('common.save') : t('contract.create')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function Versions({
  networkId,
  contract: c,
  manage,
}: {
  networkId: string;
  contract: ContractDetail;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const hasVersion = c.versions.some((v) => v.status !== 'withdrawn');
  return (
    <Section title={t('contract.versionsTitle')} id="contract-versions">
      {manage ? (
        <p className="bn-toolbar">
          <Link
            to="/n/$networkId/vertrag/fassungen/neu"
            params={{ networkId }}
            className="kern-btn kern-btn--primary"
          >
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">
              {hasVersion ? t('contract.draftAmendment') : t('contract.draftFirst')}
            </span>
          </Link>
        </p>
      ) : null}
      {c.versions.length === 0 ? (
        <p className="kern-body">{t('contract.noVersions')}</p>
      ) : (
        <TableRegion label={t('contract.versionsCaption')}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{t('contract.versionsCaption')}</caption>
            <TableHead
              columns={[
                { label: t('contract.number'), numeric: true },
                t('contract.versionTitle'),
                t('contract.effectiveFrom'),
                t('contract.status'),
                t('contract.consents'),
              ]}
            />
            <tbody className="kern-table__body">
              {c.versions.map((v) => (
                <tr className="kern-table__row" key={v.id}>
                  <td className="kern-table__cell kern-table__cell--numeric">{v.number}</td>
                  <td className="kern-table__cell bn-break">
                    <Link
                      to="/n/$networkId/vertrag/fassungen/$versionId"
                      params={{ networkId, versionId: v.id }}
                      className="kern-link"
                    >
                      {v.title}
                    </Link>
                    <br />
                    <span className="bn-muted">{t(`contract.kinds.${v.kind}`)}</span>
                  </td>
                  <td className="kern-table__cell bn-nowrap">{formatDay(v.effectiveFrom)}</td>
                  <td className="kern-table__cell">
                    <StatusBadge status={v.status} />
                  </td>
                  <td className="kern-table__cell">
                    <ConsentMarks version={v} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Section>
  );
}

function History({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const history = useQuery(historyQuery(networkId));
  return (
    <Section title={t('contract.historyTitle')} id="contract-history">
      <ErrorAlert error={history.error} />
      {history.isPending ? (
        <Loading />
      ) : (history.data ?? []).length === 0 ? (
        <p className="kern-body">{t('contract.noHistory')}</p>
      ) : (
        <ol className="bn-timeline">
          {(history.data ?? []).map((h) => (
            <li
              key={`${h.at}-${h.kind}-${h.versionNumber}-${h.text}`}
              className={`bn-timeline__item bn-timeline__item--${h.kind}`}
            >
              <time dateTime={h.day} className="bn-timeline__date">
                {formatDay(h.day)}
              </time>
              <span className="kern-body">{h.text}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
