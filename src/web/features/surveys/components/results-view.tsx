import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_CELL } from '../../../../contracts/events';
import { Alert, TableRegion } from '../../../components/ui';
import type { SurveyResults } from '../api';

echarts.use([BarChart, GridComponent, SVGRenderer]);

type Q = SurveyResults['questions'][number];
const num = (x: number | null) =>
  x === null ? '–' : x.toLocaleString('de-DE', { maximumFractionDigits: 2 });

/** The distribution as bars: decoration only (aria-hidden); the table next to it is the accessible form. */
function Bars({ q }: { q: Q }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: q.counts.map((c) => (c.label.length > 22 ? `${c.label.slice(0, 21)}…` : c.label)),
        axisLabel: { color: '#1f2933' },
      },
      series: [
        { type: 'bar', data: q.counts.map((c) => c.count), itemStyle: { color: '#0b5a9c' }, barMaxWidth: 22 },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [q]);
  return (
    <div
      ref={ref}
      className="bn-survey-chart"
      aria-hidden="true"
      style={{ height: 40 + q.counts.length * 30 }}
    />
  );
}

function QuestionResult({ q, index, previousYear }: { q: Q; index: number; previousYear: number | null }) {
  const { t } = useTranslation();
  const id = `result-${q.id}`;
  return (
    <section className="bn-survey-result" aria-labelledby={id}>
      <h3 className="kern-heading-small" id={id}>
        {index + 1}. {q.text}
      </h3>
      {q.tooFew ? (
        <p className="kern-body">
          <strong>{t('surveys.tooFew')}</strong> {t('surveys.tooFewHint', { count: q.n, min: MIN_CELL })}
        </p>
      ) : q.kind === 'text' ? (
        <ul className="kern-list">
          {q.texts.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the texts may repeat; the list never reorders
            <li key={i} className="kern-body">
              {x}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p className="kern-body">
            {q.kind === 'likert'
              ? t('surveys.summaryLikert', { count: q.n, mean: num(q.mean) })
              : t('surveys.summaryChoice', { count: q.n })}
            {q.previousMean !== null && previousYear
              ? ` ${t('surveys.summaryPrevious', { year: previousYear, mean: num(q.previousMean) })}`
              : ''}
          </p>
          <div className="bn-survey-result__body">
            <Bars q={q} />
            <TableRegion label={t('surveys.tableLabel', { question: q.text })}>
              <table className="kern-table kern-table--small">
                <caption className="kern-sr-only">{t('surveys.tableLabel', { question: q.text })}</caption>
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('surveys.answer')}
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      {t('surveys.count')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {q.counts.map((c) => (
                    <tr key={c.label} className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        {c.label}
                      </th>
                      <td className="kern-table__cell kern-table__cell--numeric">{c.count}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      n
                    </th>
                    <td className="kern-table__cell kern-table__cell--numeric">{q.n}</td>
                  </tr>
                  {q.kind === 'likert' ? (
                    <tr className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        {t('surveys.mean')}
                      </th>
                      <td className="kern-table__cell kern-table__cell--numeric">{num(q.mean)}</td>
                    </tr>
                  ) : null}
                  {q.previousMean !== null && previousYear ? (
                    <tr className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        {t('surveys.meanOf', { year: previousYear })}
                      </th>
                      <td className="kern-table__cell kern-table__cell--numeric">{num(q.previousMean)}</td>
                    </tr>
                  ) : null}
                </tfoot>
              </table>
            </TableRegion>
          </div>
        </>
      )}
    </section>
  );
}

/** The results of one survey: overall n, last year's comparison, each question with chart and table. */
export function ResultsView({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  return (
    <div className="bn-survey-results">
      <p className="kern-body">
        {t('surveys.answersCount', { count: results.n })}
        {results.previous
          ? ` ${t('surveys.previous', { title: results.previous.title, count: results.previous.n })}`
          : ''}
      </p>
      {results.tooFew ? (
        <Alert kind="info" title={t('surveys.tooFew')}>
          <p className="kern-body">{t('surveys.tooFewSurvey', { min: MIN_CELL })}</p>
        </Alert>
      ) : (
        results.questions.map((q, i) => (
          <QuestionResult key={q.id} q={q} index={i} previousYear={results.previous?.year ?? null} />
        ))
      )}
    </div>
  );
}
