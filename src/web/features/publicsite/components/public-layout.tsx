import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandText, SiteHeader } from '../../../components/ui/site-header';
import { useFocusOnNavigation } from '../../../lib/use-focus-on-navigation';
import { publicNetworkQuery } from '../api';

/**
 * Frame of the public pages: no session, no /api/me, German. Skip link, KERN header with the
 * network's name, main, and the legal links in the footer.
 */
export function PublicLayout({ slug, children }: { slug: string; children: ReactNode }) {
  const { t } = useTranslation(undefined, { lng: 'de' });
  const network = useQuery(publicNetworkQuery(slug));
  useFocusOnNavigation();
  useEffect(() => {
    document.documentElement.lang = 'de';
  }, []);
  const name = network.data?.name;
  return (
    <>
      <SiteHeader
        lng="de"
        brand={
          <Link
            to="/netzwerk/$slug"
            params={{ slug }}
            className="bn-brand"
            aria-label={name ? t('publicSite.homeLink', { name }) : undefined}
          >
            <BrandText name={name ?? t('publicSite.header')} sub={t('publicSite.header')} />
          </Link>
        }
      />
      <div className="bn-body">
        <div className="kern-container bn-public">
          <main id="inhalt" tabIndex={-1}>
            {children}
          </main>
        </div>
      </div>
      <footer className="bn-footer">
        <div className="kern-container bn-footer__inner">
          <nav aria-label={t('publicSite.legal')}>
            <ul className="bn-public-links">
              <li>
                <Link to="/netzwerk/$slug/impressum" params={{ slug }} className="kern-link">
                  {t('publicSite.imprint')}
                </Link>
              </li>
              <li>
                <Link to="/netzwerk/$slug/datenschutz" params={{ slug }} className="kern-link">
                  {t('publicSite.privacy')}
                </Link>
              </li>
              <li>
                <Link to="/netzwerk/$slug/barrierefreiheit" params={{ slug }} className="kern-link">
                  {t('publicSite.accessibility')}
                </Link>
              </li>
            </ul>
          </nav>
          <a href="/anmelden" className="kern-link kern-link--small">
            {t('publicSite.signIn')}
          </a>
        </div>
      </footer>
    </>
  );
}
