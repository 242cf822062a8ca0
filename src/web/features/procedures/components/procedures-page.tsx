import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionType, Procedure } from '../../../../contracts/steering';
import {
  AudienceList,
  Button,
  DateTimeField,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  SelectField,
  TableHead,
  TableRegion,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDateTime, today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { fieldsQuery, procedurePreviewQuery, proceduresKey, proceduresQuery, startProcedure } from '../api';
import { decisionTypes, defaultDeadline, ProcedureStatus } from './labels';

/** Written procedures (Umlaufverfahren): decisions between meetings, by everyone's consent in writing. */
export function ProceduresPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('steering.manage');
  const procedures = useQuery(proceduresQuery(networkId));
  const [starting, setStarting] = useState(false);
  const list = procedures.data ?? [];

  return (
    <Page
      title={t('procedures.title')}
      intro={t('procedures.intro')}
      actions={
        manage ? (
          <Button icon="add" onClick={() => setStarting(true)}>
            {t('procedures.start')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={procedures.error} />
      {procedures.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="kern-body">{t('procedures.none')}</p>
      ) : (
        <TableRegion label={t('procedures.tableCaption')}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{t('procedures.tableCaption')}</caption>
            <TableHead
              columns={[
                t('procedures.titleColumn'),
                t('procedures.deadline'),
                t('procedures.status'),
                t('procedures.answers'),
                t('procedures.outcome'),
              ]}
            />
            <tbody className="kern-table__body">
              {list.map((p) => (
                <tr key={p.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell bn-row-head bn-break">
                    <Link
                      to="/n/$networkId/lenkungskreis/umlaufverfahren/$procedureId"
                      params={{ networkId, procedureId: p.id }}
                      className="kern-link"
                    >
                      {p.title}
                    </Link>
                  </th>
                  <td className="kern-table__cell bn-nowrap">{formatDateTime(p.deadline)}</td>
                  <td className="kern-table__cell">
                    <ProcedureStatus status={p.status} />
                  </td>
                  <td className="kern-table__cell bn-nowrap">
                    {t('procedures.answered', {
                      answered: p.votes.filter((v) => v.stance !== null).length,
                      count: p.votes.length,
                    })}
                  </td>
                  <td className="kern-table__cell bn-break">
                    {p.decisionNumber ? <strong>{p.decisionNumber}</strong> : null}
                    {p.decisionNumber && p.outcomeMessage ? ': ' : null}
                    {p.outcomeMessage ?? (p.decisionNumber ? null : '–')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {starting ? <StartDialog networkId={networkId} onClose={() => setStarting(false)} /> : null}
    </Page>
  );
}

function StartDialog({ networkId, onClose }: { networkId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const fields = useQuery(fieldsQuery(networkId));
  // Who the proposal will reach, as the server sees it now: read while the form is filled in.
  const preview = useQuery(procedurePreviewQuery(networkId));
  const [type, setType] = useState<DecisionType>('work_order');
  const start = useMutation({
    mutationFn: (input: Parameters<typeof startProcedure>[1]) => startProcedure(networkId, input),
    onSuccess: async (p: Procedure) => {
      await qc.invalidateQueries({ queryKey: proceduresKey(networkId) });
      onClose();
      await navigate({
        to: '/n/$networkId/lenkungskreis/umlaufverfahren/$procedureId',
        params: { networkId, procedureId: p.id },
      });
    },
  });
  const procedural = type === 'procedural';
  const joint = (fields.data ?? []).filter((f) => f.joint);

  return (
    <FormDialog
      open
      title={t('procedures.startTitle')}
      submitLabel={t('massActions.procedure.confirm')}
      busy={start.isPending || !preview.data || !!preview.data.blocked}
      error={start.error ?? fields.error}
      onClose={onClose}
      onSubmit={(e) => {
        const fd = new FormData(e.currentTarget);
        const s = (k: string) => String(fd.get(k) ?? '').trim();
        start.mutate({
          title: s('title'),
          proposal: s('proposal'),
          decisionType: type,
          fieldId: procedural ? null : s('fieldId') || null,
          deadline: s('deadline'),
        });
      }}
    >
      <TextField label={t('procedures.titleLabel')} name="title" required autoComplete="off" />
      <TextAreaField
        label={t('procedures.proposal')}
        name="proposal"
        rows={6}
        required
        hint={t('procedures.proposalHint')}
      />
      <SelectField
        label={t('procedures.type')}
        name="decisionType"
        value={type}
        onChange={(e) => setType(e.target.value as DecisionType)}
        options={decisionTypes.map((d) => ({ value: d, label: t(`decisions.types.${d}`) }))}
      />
      {procedural ? null : (
        <SelectField
          label={t('procedures.field')}
          name="fieldId"
          required
          hint={t('procedures.fieldHint')}
          defaultValue=""
          options={[
            { value: '', label: t('procedures.chooseField') },
            ...joint.map((f) => ({ value: f.id, label: f.name })),
          ]}
        />
      )}
      <DateTimeField
        label={t('procedures.deadlineLabel')}
        name="deadline"
        required
        hint={t('procedures.deadlineHint')}
        defaultValue={defaultDeadline(today())}
      />
      <AudienceList
        preview={preview.data}
        loadError={preview.error}
        warning={t('massActions.procedure.warning')}
      />
    </FormDialog>
  );
}
