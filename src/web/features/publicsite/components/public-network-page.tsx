import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PublicNetwork } from '../../../../contracts/publicsite';
import { Loading, Page, Section } from '../../../components/ui/page';
import { formatDay, formatMeetingTime } from '../../../lib/format';
import { publicNetworkQuery } from '../api';
import { Paragraphs, PublicNotFound } from './public-text';

/** The network's public page: how it works, the joint fields of action, the team, the municipalities. */
export function PublicNetworkPage({ slug }: { slug: string }) {
  const { t } = useTranslation(undefined, { lng: 'de' });
  const q = useQuery(publicNetworkQuery(slug));
  if (q.isPending) {
    return (
      <Page title={t('publicSite.header')}>
        <Loading />
      </Page>
    );
  }
  if (!q.data) return <PublicNotFound error={q.error} />;
  const n = q.data;
  return (
    <Page title={n.name} intro={n.description || null}>
      <p className="kern-body kern-body--small bn-muted">{t('publicSite.regionKey', { key: n.regionKey })}</p>
      <Section title={t('publicSite.contactTitle')} id="kontakt">
        <ContactCard n={n} />
      </Section>

      <Section title={t('publicSite.teamTitle')} id="team">
        {n.team.length === 0 ? (
          <p className="kern-body">{t('publicSite.noTeam')}</p>
        ) : (
          <ul className="bn-team bn-plain-list">
            {n.team.map((m, i) => (
              <li key={`${m.function}-${m.name ?? i}`} className="bn-team__member">
                {m.name ? <p className="kern-body bn-team__name">{m.name}</p> : null}
                <p className={`kern-body${m.name ? '' : ' bn-team__name'}`}>{m.function}</p>
                {m.phone ? (
                  <p className="kern-body">
                    {t('publicSite.phone')}:{' '}
                    <a className="kern-link" href={`tel:${m.phone.replace(/[^\d+]/g, '')}`}>
                      {m.phone}
                    </a>
                  </p>
                ) : null}
                {m.email ? (
                  <p className="kern-body bn-break">
                    {t('publicSite.email')}:{' '}
                    <a className="kern-link" href={`mailto:${m.email}`}>
                      {m.email}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('publicSite.howTitle')} id="so-arbeitet">
        {n.bodies.length === 0 ? (
          <p className="kern-body">{t('publicSite.bodiesDefault')}</p>
        ) : (
          <ul className="bn-card-grid bn-plain-list">
            {n.bodies.map((b) => (
              <li key={b.kind}>
                <article className="kern-card" aria-labelledby={`gremium-${b.kind}`}>
                  <div className="kern-card__container">
                    <header className="kern-card__header">
                      <h3 className="kern-title" id={`gremium-${b.kind}`}>
                        {b.name}
                      </h3>
                    </header>
                    <div className="kern-card__body">
                      <Paragraphs text={b.description} />
                    </div>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('publicSite.fieldsTitle')} id="handlungsfelder">
        <p className="kern-body">{t('publicSite.fieldsIntro')}</p>
        {n.fields.length === 0 ? (
          <p className="kern-body">{t('publicSite.noFields')}</p>
        ) : (
          <ul className="bn-card-grid bn-plain-list">
            {n.fields.map((f) => (
              <li key={f.name}>
                <article className="kern-card" aria-labelledby={`feld-${slugId(f.name)}`}>
                  <div className="kern-card__container">
                    <header className="kern-card__header">
                      <h3 className="kern-title" id={`feld-${slugId(f.name)}`}>
                        {f.name}
                      </h3>
                      <p className="kern-body kern-body--small bn-muted">
                        {t('publicSite.since', { date: formatDay(f.jointSince) })}
                      </p>
                    </header>
                    {f.description || f.goals ? (
                      <div className="kern-card__body">
                        {f.description ? <Paragraphs text={f.description} /> : null}
                        {f.goals ? (
                          <>
                            <h4 className="kern-label">{t('publicSite.goals')}</h4>
                            <Paragraphs text={f.goals} />
                          </>
                        ) : null}
                      </div>
                    ) : null}
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {n.workPlans.length > 0 ? (
        <Section title={t('workGoals.publicTitle')} id="arbeitsprogramm">
          <p className="kern-body">{t('workGoals.publicIntro')}</p>
          <ul className="bn-plain-list bn-stack">
            {n.workPlans.map((p) => (
              <li key={`${p.year}-${p.fieldName}`}>
                <article className="kern-card" aria-labelledby={`plan-${p.year}-${slugId(p.fieldName)}`}>
                  <div className="kern-card__container">
                    <header className="kern-card__header">
                      <h3 className="kern-title" id={`plan-${p.year}-${slugId(p.fieldName)}`}>
                        {p.title}
                      </h3>
                      {p.decisionNumber ? (
                        <p className="kern-body kern-body--small bn-muted">
                          {t('workGoals.publicAgreed', { number: p.decisionNumber })}
                        </p>
                      ) : null}
                    </header>
                    <div className="kern-card__body">
                      <ul className="kern-list">
                        {p.entries.map((e) => (
                          <li key={`${e.kind}-${e.title}-${e.dueOn ?? ''}`}>
                            <strong>{t(`workGoals.entryKinds.${e.kind}`)}:</strong> {e.title}
                            {e.dueOn ? ` (${t('workGoals.dueOn', { date: formatDay(e.dueOn) })})` : ''}
                            {e.description ? <span className="bn-cell-second">{e.description}</span> : null}
                          </li>
                        ))}
                      </ul>
                    </div>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {n.decisions.length > 0 ? (
        <Section title={t('publicSite.decisionsTitle')} id="beschluesse">
          <p className="kern-body">{t('publicSite.decisionsIntro')}</p>
          <ul className="bn-plain-list bn-stack">
            {n.decisions.map((d) => (
              <li key={d.number}>
                <article className="kern-card" aria-labelledby={`beschluss-${slugId(d.number)}`}>
                  <div className="kern-card__container">
                    <header className="kern-card__header">
                      <h3 className="kern-title" id={`beschluss-${slugId(d.number)}`}>
                        {d.title}
                      </h3>
                      <p className="kern-body kern-body--small bn-muted">
                        {t('publicSite.decisionHeading', { number: d.number, date: formatDay(d.decidedOn) })}
                      </p>
                    </header>
                    <div className="kern-card__body">
                      <Paragraphs text={d.text} />
                    </div>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {n.municipalities.length > 0 ? (
        <Section title={t('publicSite.municipalitiesTitle')} id="kommunen">
          <ul className="bn-columns-list">
            {n.municipalities.map((m) => (
              <li key={m.regionKey}>{m.name}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title={t('publicSite.eventsTitle')} id="veranstaltungen">
        {n.upcomingEvents.length === 0 ? (
          <p className="kern-body">{t('publicSite.noEvents')}</p>
        ) : (
          <ul className="bn-card-list">
            {n.upcomingEvents.map((e) => (
              <li key={e.id} className="kern-body">
                <Link
                  to="/netzwerk/$slug/veranstaltungen/$eventId"
                  params={{ slug: n.slug, eventId: e.id }}
                  className="kern-link"
                >
                  {e.title}
                </Link>
                <br />
                {[formatMeetingTime(e.startsAt, e.endsAt), e.place].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
        )}
        <p className="kern-body">
          <Link to="/netzwerk/$slug/veranstaltungen" params={{ slug: n.slug }} className="kern-link">
            {t('eventsPlanning.publicAllLink')}
          </Link>
        </p>
      </Section>
    </Page>
  );
}

/** How to reach the office: postal address, phone and e-mail, as the office published them. */
function ContactCard({ n }: { n: PublicNetwork }) {
  const { t } = useTranslation(undefined, { lng: 'de' });
  const c = n.contact;
  const place = [c.postalCode, c.city].filter(Boolean).join(' ');
  return (
    <div className="bn-contact">
      {c.provider || c.street || place ? (
        <address className="kern-body bn-contact__address">
          {[c.provider, c.street, place].filter(Boolean).map((line) => (
            <span key={line} className="bn-contact__line">
              {line}
            </span>
          ))}
        </address>
      ) : null}
      {c.phone ? (
        <p className="kern-body">
          {t('publicSite.phone')}:{' '}
          <a className="kern-link" href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>
            {c.phone}
          </a>
        </p>
      ) : null}
      {n.contactEmail ? (
        <p className="kern-body bn-break">
          {t('publicSite.email')}:{' '}
          <a className="kern-link" href={`mailto:${n.contactEmail}`}>
            {n.contactEmail}
          </a>
        </p>
      ) : null}
    </div>
  );
}

const slugId = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
