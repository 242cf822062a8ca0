import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkPlan } from '../../../../contracts/work-goals';
import { Badge, Button, ErrorAlert, Loading, Page, Section, SelectField } from '../../../components/ui';
import { formatDay, today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { ExportLinks } from '../../work-desk/components/export-links';
import { createPlan, fieldsQuery, plansKey, plansQuery } from '../api';

/** The work plans of a year: one card per field of action, agreed or draft, and a new one for the office. */
export function PlansPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('work.manage');
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const plans = useQuery(plansQuery(networkId, year));
  const fields = useQuery(fieldsQuery(networkId));
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (fieldId: string) => createPlan(networkId, { fieldId, year }),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: plansKey(networkId) });
      await navigate({
        to: '/n/$networkId/arbeitsprogramm/planung/$planId',
        params: { networkId, planId: p.id },
      });
    },
  });
  const list = plans.data ?? [];
  const shown = (fields.data ?? []).filter((f) => f.joint || list.some((p) => p.fieldId === f.id));
  return (
    <Page title={t('workGoals.plansTitle')} intro={t('workGoals.plansIntro')}>
      <div className="bn-filters">
        <SelectField
          label={t('workGoals.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.target.value))}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
            value: String(y),
            label: String(y),
          }))}
        />
      </div>
      <ErrorAlert error={plans.error ?? create.error} />
      {plans.isPending || fields.isPending ? (
        <Loading />
      ) : (
        <Section title={t('workGoals.plansOfYear', { year })} id="planungen">
          <ul className="bn-plain-list bn-stack">
            {shown.map((f) => {
              const p = list.find((x) => x.fieldId === f.id);
              return (
                <li key={f.id}>
                  <article className="kern-card" aria-labelledby={`plan-${f.id}`}>
                    <div className="kern-card__container">
                      <header className="kern-card__header">
                        <h3 className="kern-title bn-break" id={`plan-${f.id}`}>
                          {p ? (
                            <Link
                              to="/n/$networkId/arbeitsprogramm/planung/$planId"
                              params={{ networkId, planId: p.id }}
                              className="kern-link"
                            >
                              {f.name}
                            </Link>
                          ) : (
                            f.name
                          )}
                        </h3>
                      </header>
                      <div className="kern-card__body">
                        {p ? (
                          <PlanState plan={p} />
                        ) : (
                          <>
                            <p className="kern-body">{t('workGoals.noPlan')}</p>
                            {manage ? (
                              <Button
                                variant="secondary"
                                icon="add"
                                busy={create.isPending && create.variables === f.id}
                                onClick={() => create.mutate(f.id)}
                              >
                                {`${t('workGoals.createPlan')}: ${f.name}`}
                              </Button>
                            ) : null}
                          </>
                        )}
                      </div>
                    </div>
                  </article>
                </li>
              );
            })}
          </ul>
        </Section>
      )}
      <Section title={t('workDesk.exportTitle')} id="planungen-export">
        <p className="kern-body">{t('workDesk.exportIntro')}</p>
        <ExportLinks networkId={networkId} year={year} />
      </Section>
    </Page>
  );
}

/** Agreed (with the decision), a draft waiting for one, published. */
export function PlanState({ plan: p }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  return (
    <p className="kern-body bn-goal-badges">
      {p.agreed ? (
        <Badge kind="success">{t('workGoals.agreedVersion', { version: p.agreed.version })}</Badge>
      ) : (
        <Badge kind="warning">{t('workGoals.onlyDraft', { version: p.latest.version })}</Badge>
      )}{' '}
      {p.agreed && p.hasDraft ? (
        <Badge kind="info" icon="edit">
          {t('workGoals.draftWaiting', { version: p.latest.version })}
        </Badge>
      ) : null}{' '}
      {p.published ? (
        <Badge kind="info" icon="language">
          {t('workGoals.published')}
        </Badge>
      ) : null}
      {p.agreed?.decision ? (
        <span className="bn-cell-second">
          {t('workGoals.agreedBy', {
            number: p.agreed.decision.number,
            date: formatDay(p.agreed.decision.decidedOn),
          })}
        </span>
      ) : null}
    </p>
  );
}
