import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  ErrorAlert,
  Loading,
  Page,
  Section,
  SelectField,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { useCan } from '../../../lib/session';
import { createSurvey, instrumentsQuery, type SurveySummary, surveysKey, surveysQuery } from '../api';

export function StatusBadge({ status }: { status: SurveySummary['status'] }) {
  const { t } = useTranslation();
  const kind = status === 'open' ? 'success' : status === 'closed' ? 'info' : 'warning';
  return <Badge kind={kind}>{t(`surveys.status.${status}`)}</Badge>;
}

/** A new survey of the network (or of a field/project chosen later): from an instrument or empty. */
function CreateForm({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const instruments = useQuery(instrumentsQuery(networkId));
  const [title, setTitle] = useState('');
  const [instrument, setInstrument] = useState('network-actors-annual');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const create = useMutation({
    mutationFn: () =>
      createSurvey(networkId, {
        title,
        subjectKind: 'network',
        year: Number(year),
        instrument: instrument || null,
      }),
    onSuccess: (s) => {
      qc.invalidateQueries({ queryKey: surveysKey(networkId) });
      navigate({
        to: '/n/$networkId/veranstaltungen/befragungen/$surveyId',
        params: { networkId, surveyId: s.id },
      });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} className="bn-form" noValidate>
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <TextField
        label={t('surveys.fieldTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
      />
      <SelectField
        label={t('surveys.fieldInstrument')}
        value={instrument}
        onChange={(e) => setInstrument(e.target.value)}
        options={[
          { value: '', label: t('surveys.noInstrument') },
          ...(instruments.data ?? [])
            .filter((i) => i.subjectKind === 'network')
            .map((i) => ({ value: i.key, label: i.title })),
        ]}
      />
      <TextField
        label={t('surveys.fieldYear')}
        inputMode="numeric"
        value={year}
        onChange={(e) => setYear(e.target.value)}
      />
      <Button type="submit" busy={create.isPending}>
        {t('surveys.create')}
      </Button>
    </form>
  );
}

export function SurveyTable({ networkId, surveys }: { networkId: string; surveys: SurveySummary[] }) {
  const { t } = useTranslation();
  if (surveys.length === 0) return <p className="kern-body">{t('surveys.none')}</p>;
  return (
    <TableRegion label={t('surveys.title')}>
      <table className="kern-table">
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('surveys.colTitle')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('surveys.colSubject')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('surveys.colStatus')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('surveys.colAnswers')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {surveys.map((s) => (
            <tr key={s.id} className="kern-table__row">
              <td className="kern-table__cell">
                <Link
                  className="kern-link"
                  to="/n/$networkId/veranstaltungen/befragungen/$surveyId"
                  params={{ networkId, surveyId: s.id }}
                >
                  {s.title}
                </Link>
              </td>
              <td className="kern-table__cell">{s.subjectLabel}</td>
              <td className="kern-table__cell">
                <StatusBadge status={s.status} />
              </td>
              <td className="kern-table__cell kern-table__cell--numeric">{s.answers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function SurveysPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const list = useQuery(surveysQuery(networkId));
  return (
    <Page title={t('surveys.title')} intro={t('surveys.intro')}>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <SurveyTable networkId={networkId} surveys={list.data} />
      )}
      {can('surveys.manage') ? (
        <Section title={t('surveys.createHeading')} id="survey-create">
          <CreateForm networkId={networkId} />
        </Section>
      ) : null}
    </Page>
  );
}
