import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, Loading, Page, Section } from '../../../components/ui';
import { useCan } from '../../../lib/session';
import { EventFrame } from '../../events-planning';
import { createSurvey, resultsQuery, surveysKey, surveysQuery } from '../api';
import { ResultsView } from './results-view';
import { SurveyTable } from './surveys-page';

function LatestResults({ networkId, surveyId }: { networkId: string; surveyId: string }) {
  const r = useQuery(resultsQuery(networkId, surveyId));
  if (r.isPending) return <Loading />;
  if (r.error) return <ErrorAlert error={r.error} />;
  return <ResultsView results={r.data} />;
}

/** The evaluation tab of an event: its surveys, a new one from the conference instrument, results. */
export function EventEvaluationPage({ networkId, eventId }: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery(surveysQuery(networkId, { subjectKind: 'event', subjectId: eventId }));
  const create = useMutation({
    mutationFn: () =>
      createSurvey(networkId, {
        title: t('surveys.defaultEventTitle'),
        subjectKind: 'event',
        subjectId: eventId,
        year: new Date().getFullYear(),
        instrument: 'conference-feedback',
      }),
    onSuccess: (s) => {
      qc.invalidateQueries({ queryKey: surveysKey(networkId) });
      navigate({
        to: '/n/$networkId/veranstaltungen/befragungen/$surveyId',
        params: { networkId, surveyId: s.id },
      });
    },
  });
  const shown = (list.data ?? []).filter((s) => s.status !== 'draft');
  return (
    <EventFrame networkId={networkId} eventId={eventId} current="evaluation">
      <Page
        title={t('surveys.eventTitle')}
        actions={
          can('surveys.manage') ? (
            <Button onClick={() => create.mutate()} busy={create.isPending}>
              {t('surveys.createFromInstrument')}
            </Button>
          ) : null
        }
      >
        {create.error ? <ErrorAlert error={create.error} /> : null}
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <SurveyTable networkId={networkId} surveys={list.data} />
        )}
        {shown.map((s) => (
          <Section key={s.id} title={t('surveys.resultsOf', { title: s.title })} id={`results-${s.id}`}>
            <LatestResults networkId={networkId} surveyId={s.id} />
          </Section>
        ))}
      </Page>
    </EventFrame>
  );
}
