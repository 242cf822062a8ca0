import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../../components/ui';
import { useCan } from '../../../lib/session';
import { fieldResultsQuery } from '../api';
import { ResultsView } from './results-view';

/** For the quality page of a field of action: results of the field's surveys and of its events' surveys. */
export function FieldSurveyResults({ networkId, fieldId }: { networkId: string; fieldId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const q = useQuery({ ...fieldResultsQuery(networkId, fieldId), enabled: can('surveys.read') });
  if (!can('surveys.read')) return null;
  return (
    <section className="bn-section" aria-labelledby="quality-surveys">
      <h2 className="kern-heading-medium" id="quality-surveys">
        {t('surveys.qualityHeading')}
      </h2>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.length === 0 ? (
        <p className="kern-body">{t('surveys.qualityNone')}</p>
      ) : (
        q.data.map((r) => (
          <div key={r.surveyId}>
            <h3 className="kern-heading-small">{r.title}</h3>
            <ResultsView results={r} />
          </div>
        ))
      )}
    </section>
  );
}
