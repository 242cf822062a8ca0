import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepState } from '../../../../contracts/work-quality';
import {
  Alert,
  Button,
  ErrorAlert,
  Loading,
  Page,
  Section,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDay } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { FieldSurveyResults } from '../../surveys';
import { proposeAdjustment, qualityKey, qualityQuery } from '../api';
import { StepBadge } from './quality-index-page';
import { NodeLink } from './trace-page';

function Step({
  n,
  title,
  state,
  children,
}: {
  n: number;
  title: string;
  state: StepState;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = `step-${n}`;
  return (
    <section className="bn-quality__step" aria-labelledby={id}>
      <h2 className="kern-heading-small" id={id}>
        {n}. {title}
      </h2>
      <p className="kern-body kern-body--small">
        <span className="kern-sr-only">
          {t('quality.stepState', { state: t(`quality.states.${state}`) })}
        </span>
        <span aria-hidden="true">
          <StepBadge state={state} />
        </span>
      </p>
      {children}
    </section>
  );
}

/** The quality cycle of one field of action: goals → measures → evaluation → adjustment. */
export function QualityPage({ networkId, fieldId }: { networkId: string; fieldId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery(qualityQuery(networkId, fieldId));
  const [message, setMessage] = useState<string | null>(null);
  const propose = useMutation({
    mutationFn: (body: { title: string; proposal: string }) => proposeAdjustment(networkId, fieldId, body),
    onSuccess: async (r) => {
      setMessage(t('quality.proposed', { title: r.itemTitle, meeting: r.meetingTitle }));
      await qc.invalidateQueries({ queryKey: qualityKey(networkId) });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    setMessage(null);
    propose.mutate({ title: String(fd.get('title') ?? ''), proposal: String(fd.get('proposal') ?? '') });
  }
  const c = q.data;
  return (
    <Page
      title={c ? t('quality.titleOf', { field: c.field.name }) : t('quality.title')}
      intro={t('quality.intro')}
    >
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {c ? (
        <>
          <div className="bn-quality__steps">
            <Step n={1} title={t('quality.steps.goals')} state={c.steps.goals}>
              {c.goals.length === 0 ? (
                <p className="kern-body">{t('quality.noGoals')}</p>
              ) : (
                <ul>
                  {c.goals.map((g) => (
                    <li key={g.id} className="kern-body bn-break">
                      <NodeLink
                        networkId={networkId}
                        node={{ label: g.statement, path: `arbeitsprogramm/ziele/${g.id}` }}
                      />{' '}
                      ({g.statusLabel}){g.target ? <span className="bn-cell-second">{g.target}</span> : null}
                      {g.indicator ? (
                        <span className="bn-cell-second">
                          {t('quality.indicator', { indicator: g.indicator })}
                        </span>
                      ) : null}
                      {g.reviewOn ? (
                        <span className="bn-cell-second">
                          {g.reviewOverdue
                            ? t('quality.reviewOverdue', { date: formatDay(g.reviewOn) })
                            : t('quality.review', { date: formatDay(g.reviewOn) })}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Step>
            <Step n={2} title={t('quality.steps.measures')} state={c.steps.measures}>
              {c.measures.length === 0 ? (
                <p className="kern-body">{t('quality.noMeasures')}</p>
              ) : (
                <ul>
                  {c.measures.map((m) => (
                    <li key={m.id} className="kern-body bn-break">
                      <NodeLink networkId={networkId} node={m} /> ({m.state})
                      {m.date ? (
                        <span className="bn-cell-second">
                          {t('quality.due', { date: formatDay(m.date) })}
                          {m.overdue ? ` – ${t('quality.states.overdue')}` : ''}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Step>
            <Step n={3} title={t('quality.steps.evaluation')} state={c.steps.evaluation}>
              <p className="kern-body">{t('quality.eventsLater')}</p>
              <h3 className="kern-heading-x-small">{t('quality.reviewsDone')}</h3>
              {c.reviews.length === 0 ? (
                <p className="kern-body">{t('quality.noReviews')}</p>
              ) : (
                <ul>
                  {c.reviews.map((r) => (
                    <li key={r.id} className="kern-body bn-break">
                      {formatDay(r.date)}: <NodeLink networkId={networkId} node={r} />
                    </li>
                  ))}
                </ul>
              )}
            </Step>
            <Step n={4} title={t('quality.steps.adjustment')} state={c.steps.adjustment}>
              {c.adjustments.length === 0 ? (
                <p className="kern-body">{t('quality.noAdjustments')}</p>
              ) : (
                <ul>
                  {c.adjustments.map((a) => (
                    <li key={a.id} className="kern-body bn-break">
                      {formatDay(a.date)}: <NodeLink networkId={networkId} node={a} />
                      {a.decisionNumber ? ` (${t('quality.decision', { number: a.decisionNumber })})` : ''}
                      {a.reason ? <span className="bn-cell-second">{a.reason}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </Step>
          </div>
          <FieldSurveyResults networkId={networkId} fieldId={fieldId} />
          <Section title={t('quality.overdue')} id="quality-overdue">
            {c.overdue.length === 0 ? (
              <p className="kern-body">{t('quality.noOverdue')}</p>
            ) : (
              <ul>
                {c.overdue.map((o) => (
                  <li key={`${o.kind}:${o.id}`} className="kern-body bn-break">
                    <NodeLink networkId={networkId} node={o} /> –{' '}
                    {t('quality.due', { date: formatDay(o.date) })}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {can('work.manage') ? (
            <Section title={t('quality.propose')} id="quality-propose">
              {c.nextMeeting ? (
                <form onSubmit={submit} aria-label={t('quality.propose')} className="bn-form">
                  <p className="kern-body">{t('quality.proposeIntro', { meeting: c.nextMeeting.title })}</p>
                  <TextField
                    label={t('quality.proposalTitle')}
                    name="title"
                    required
                    defaultValue={`Anpassung im Handlungsfeld ${c.field.name}`}
                  />
                  <TextAreaField label={t('quality.proposalText')} name="proposal" required rows={4} />
                  <ErrorAlert error={propose.error} />
                  <Button type="submit" busy={propose.isPending}>
                    {t('quality.proposalSubmit')}
                  </Button>
                </form>
              ) : (
                <Alert kind="info">{t('quality.noMeeting')}</Alert>
              )}
              <div aria-live="polite">{message ? <Alert kind="success">{message}</Alert> : null}</div>
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
