import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, NetworkSummary } from '../../contracts/networks';
import { BrandText, SiteHeader } from '../components/ui/site-header';
import { useActiveNetwork, useMe } from '../lib/session';
import { useFocusOnNavigation } from '../lib/use-focus-on-navigation';
import { type NetworkPage, networkPages } from './network-pages';

/*
 * The two menus need React Aria and the auth client; only a signed-in person sees them, so they are a
 * chunk of their own and the sign-in and public pages load neither.
 */
const NetworkSwitcher = lazy(() => import('./shell-menus').then((m) => ({ default: m.NetworkSwitcher })));
const UserMenu = lazy(() => import('./shell-menus').then((m) => ({ default: m.UserMenu })));

/** Frame of every page: skip link, header, navigation for the active network, main, footer. */
export function Shell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const network = useActiveNetwork();
  useFocusOnNavigation();

  return (
    <>
      <SiteHeader
        brand={
          <Link to="/" className="bn-brand">
            <BrandText name={t('app.name')} sub={network?.name} subTestId="active-network" />
          </Link>
        }
        tools={
          <Suspense fallback={null}>
            {me && network && me.networks.length > 1 ? <NetworkSwitcher me={me} current={network} /> : null}
            {me ? <UserMenu me={me} /> : null}
          </Suspense>
        }
      />
      <div className="bn-body">
        <div className={`kern-container bn-columns${network && me ? '' : ' bn-columns--single'}`}>
          {network && me ? <MainNav network={network} me={me} /> : null}
          <main id="inhalt" tabIndex={-1}>
            {children ?? <Outlet />}
          </main>
        </div>
      </div>
      <Footer network={network} />
    </>
  );
}

function MainNav({ network, me }: { network: NetworkSummary; me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the mobile menu whenever the page changes
  useEffect(() => setOpen(false), [pathname]);
  const pages = networkPages.filter((p) => p.allowed(network, me));
  const main = pages.filter((p) => p.group === 'main');
  const groups = [
    { id: 'nav-steering', title: t('nav.steering'), pages: pages.filter((p) => p.group === 'steering') },
    { id: 'nav-work', title: t('nav.work'), pages: pages.filter((p) => p.group === 'work') },
    { id: 'nav-events', title: t('nav.events'), pages: pages.filter((p) => p.group === 'events') },
    { id: 'nav-contacts', title: t('nav.contacts'), pages: pages.filter((p) => p.group === 'contacts') },
    { id: 'nav-contract', title: t('nav.contract'), pages: pages.filter((p) => p.group === 'contract') },
    { id: 'nav-admin', title: t('nav.admin'), pages: pages.filter((p) => p.group === 'admin') },
  ].filter((g) => g.pages.length > 0);
  const item = (p: NetworkPage) => (
    <li key={p.suffix}>
      <Link
        to={p.to}
        params={{ networkId: network.id }}
        activeOptions={p.suffix === 'vertrag' ? { exact: true } : undefined}
      >
        <span className={`kern-icon kern-icon--${p.icon}`} aria-hidden="true" />
        {t(p.label)}
      </Link>
    </li>
  );
  return (
    <nav className="bn-nav" aria-label={t('nav.main')}>
      <button
        type="button"
        className="kern-btn kern-btn--secondary bn-nav__toggle"
        aria-expanded={open}
        aria-controls="hauptnavigation"
        onClick={() => setOpen(!open)}
      >
        <span className="kern-icon kern-icon--dehaze" aria-hidden="true" />
        <span className="kern-label">{t('nav.menu')}</span>
      </button>
      <div id="hauptnavigation" className="bn-nav__list" data-open={open}>
        <ul>{main.map(item)}</ul>
        {groups.map((g) => (
          <div className="bn-nav__group" key={g.id}>
            <span className="bn-nav__group-title" id={g.id}>
              {g.title}
            </span>
            <ul aria-labelledby={g.id}>{g.pages.map(item)}</ul>
          </div>
        ))}
      </div>
    </nav>
  );
}

function Footer({ network }: { network: NetworkSummary | null }) {
  const { t, i18n } = useTranslation();
  return (
    <footer className="bn-footer">
      <div className="kern-container bn-footer__inner">
        <p className="kern-body kern-body--small">
          {t('footer.about')}
          {network?.slug ? (
            <>
              {' '}
              <Link to="/netzwerk/$slug" params={{ slug: network.slug }} className="kern-link">
                {t('footer.publicPage', { name: network.name })}
              </Link>
            </>
          ) : null}
        </p>
        <fieldset className="bn-lang">
          <legend className="kern-sr-only">{t('footer.language')}</legend>
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--x-small"
            lang="de"
            aria-pressed={i18n.language === 'de'}
            onClick={() => void i18n.changeLanguage('de')}
          >
            <span className="kern-label">{t('footer.german')}</span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--x-small"
            lang="en"
            aria-pressed={i18n.language === 'en'}
            onClick={() => void i18n.changeLanguage('en')}
          >
            <span className="kern-label">{t('footer.english')}</span>
          </button>
        </fieldset>
      </div>
    </footer>
  );
}
