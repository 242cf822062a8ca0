import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/alert';
import { Loading, Page, Section } from '../../../components/ui/page';
import { publicNetworksQuery } from '../api';

/** `/` for a visitor without a session: the published networks of this installation and the way in. */
export function PublicHome() {
  const { t } = useTranslation();
  const networks = useQuery(publicNetworksQuery);
  const signIn = (
    <Link to="/anmelden" search={{}} className="kern-btn kern-btn--primary">
      <span className="kern-icon kern-icon--account-circle" aria-hidden="true" />
      <span className="kern-label">{t('publicSite.signInButton')}</span>
    </Link>
  );
  return (
    <Page title={t('publicSite.homeTitle')} intro={t('publicSite.homeIntro')} actions={signIn}>
      <Section title={t('publicSite.networksTitle')} id="netzwerke">
        <ErrorAlert error={networks.error} />
        {networks.isPending ? (
          <Loading />
        ) : networks.data?.length === 0 ? (
          <p className="kern-body">{t('publicSite.noNetworks')}</p>
        ) : (
          <ul className="bn-card-grid bn-plain-list">
            {networks.data?.map((n) => (
              <li key={n.slug}>
                <article className="kern-card" aria-labelledby={`netz-${n.slug}`}>
                  <div className="kern-card__container">
                    <header className="kern-card__header">
                      <h3 className="kern-title" id={`netz-${n.slug}`}>
                        <Link to="/netzwerk/$slug" params={{ slug: n.slug }} className="kern-link">
                          {n.name}
                        </Link>
                      </h3>
                      <p className="kern-body kern-body--small bn-muted">
                        {[n.city, t('publicSite.regionKey', { key: n.regionKey })]
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                    </header>
                    {n.description ? (
                      <div className="kern-card__body">
                        <p className="kern-body">{n.description}</p>
                      </div>
                    ) : null}
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('publicSite.signInTitle')} id="anmelden">
        <p className="kern-body">{t('publicSite.signInText')}</p>
        <p>{signIn}</p>
      </Section>
    </Page>
  );
}
