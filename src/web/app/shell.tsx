import { Link, Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
  Popover,
  Header as SectionHeader,
  Separator,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../contracts/common';
import type { Me, NetworkSummary } from '../../contracts/networks';
import { authClient } from '../lib/auth-client';
import { useActiveNetwork, useMe } from '../lib/session';
import { queryClient } from './query-client';

type NetworkPage = {
  to:
    | '/n/$networkId/start'
    | '/n/$networkId/dokumente'
    | '/n/$networkId/verwaltung/benutzer'
    | '/n/$networkId/verwaltung/protokoll'
    | '/n/$networkId/verwaltung/postausgang'
    | '/n/$networkId/verwaltung/einstellungen';
  suffix: string;
  label: string;
  icon: string;
  allowed: (n: NetworkSummary, me: Me) => boolean;
};

const has = (p: Permission) => (n: NetworkSummary) => n.permissions.includes(p);

export const networkPages: NetworkPage[] = [
  { to: '/n/$networkId/start', suffix: 'start', label: 'nav.start', icon: 'home', allowed: () => true },
  {
    to: '/n/$networkId/dokumente',
    suffix: 'dokumente',
    label: 'nav.documents',
    icon: 'draft',
    allowed: has('files.read'),
  },
  {
    to: '/n/$networkId/verwaltung/benutzer',
    suffix: 'verwaltung/benutzer',
    label: 'nav.members',
    icon: 'account-circle',
    allowed: has('members.read'),
  },
  {
    to: '/n/$networkId/verwaltung/protokoll',
    suffix: 'verwaltung/protokoll',
    label: 'nav.audit',
    icon: 'checklist',
    allowed: has('audit.read'),
  },
  {
    to: '/n/$networkId/verwaltung/postausgang',
    suffix: 'verwaltung/postausgang',
    label: 'nav.outbox',
    icon: 'mail',
    allowed: has('outbox.read'),
  },
  {
    to: '/n/$networkId/verwaltung/einstellungen',
    suffix: 'verwaltung/einstellungen',
    label: 'nav.settings',
    icon: 'edit',
    allowed: (n, me) => n.permissions.includes('network.manage') || me.platformAdmin,
  },
];

/** Frame of every page: skip link, header, navigation for the active network, main, footer. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const network = useActiveNetwork();
  useFocusOnNavigation();

  return (
    <>
      <a href="#inhalt" className="bn-skip">
        {t('app.skip')}
      </a>
      <header className="bn-header">
        <div className="kern-kopfzeile">
          <div className="kern-container">
            <div className="kern-kopfzeile__content">
              <span className="kern-kopfzeile__label">{t('app.tagline')}</span>
            </div>
          </div>
        </div>
        <div className="kern-container bn-header__bar">
          <Link to="/" className="bn-brand">
            <span className="bn-brand__mark" aria-hidden="true">
              B
            </span>
            <span className="bn-brand__text">
              <span className="bn-brand__name">{t('app.name')}</span>
              {network ? (
                <span className="bn-brand__network" data-testid="active-network">
                  {network.name}
                </span>
              ) : null}
            </span>
          </Link>
          <div className="bn-header__tools">
            {me && network && me.networks.length > 1 ? <NetworkSwitcher me={me} current={network} /> : null}
            {me ? <UserMenu me={me} /> : null}
          </div>
        </div>
      </header>
      <div className="bn-body">
        <div className={`kern-container bn-columns${network && me ? '' : ' bn-columns--single'}`}>
          {network && me ? <MainNav network={network} me={me} /> : null}
          <main id="inhalt" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
      <Footer />
    </>
  );
}

/**
 * After a client-side navigation to another page, move focus to the new page's heading so screen
 * readers announce it. A fresh page load keeps the browser's default, so the first Tab reaches the skip link.
 */
function useFocusOnNavigation() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (evt) => {
        if (!evt.fromLocation || !evt.pathChanged) return;
        window.setTimeout(() => {
          const h =
            document.querySelector<HTMLElement>('main [data-page-heading]') ??
            document.getElementById('inhalt');
          h?.focus();
        }, 50);
      }),
    [router],
  );
}

function NetworkSwitcher({ me, current }: { me: Me; current: NetworkSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const suffix = pathname.replace(/^\/n\/[^/]+\/?/, '');

  function go(id: string) {
    const target = me.networks.find((n) => n.id === id);
    if (!target || target.id === current.id) return;
    const page = networkPages.find((p) => p.suffix === suffix && p.allowed(target, me)) ?? networkPages[0]!;
    void navigate({ to: page.to, params: { networkId: target.id } });
  }

  return (
    <MenuTrigger>
      <AriaButton
        className="kern-btn kern-btn--secondary"
        aria-label={`${t('nav.switchNetwork')}: ${current.name}`}
      >
        <span className="kern-icon kern-icon--arrow-down" aria-hidden="true" />
        <span className="kern-label">
          <span className="kern-sr-only-mobile">{t('nav.switchNetwork')}</span>
        </span>
      </AriaButton>
      <Popover className="bn-menu-popover" placement="bottom end">
        <Menu className="bn-menu" aria-label={t('nav.switchNetwork')} onAction={(key) => go(String(key))}>
          {me.networks.map((n) => (
            <MenuItem key={n.id} id={n.id} textValue={n.name} className="bn-menu__item">
              <span data-current={n.id === current.id}>
                {n.name}
                {n.id === current.id ? <span className="kern-sr-only"> (aktiv)</span> : null}
              </span>
              <small>{t(`roles.${n.role}`)}</small>
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  async function signOut() {
    await authClient.signOut();
    queryClient.clear();
    await navigate({ to: '/anmelden' });
  }
  return (
    <MenuTrigger>
      <AriaButton
        className="kern-btn kern-btn--tertiary"
        aria-label={t('nav.userMenu', { name: me.user.name })}
      >
        <span className="kern-icon kern-icon--account-circle" aria-hidden="true" />
        <span className="kern-label">
          <span className="kern-sr-only-mobile">{me.user.name}</span>
        </span>
      </AriaButton>
      <Popover className="bn-menu-popover" placement="bottom end">
        <Menu
          className="bn-menu"
          aria-label={t('nav.userMenu', { name: me.user.name })}
          onAction={(key) => {
            if (key === 'account') void navigate({ to: '/konto' });
            if (key === 'signout') void signOut();
          }}
        >
          <MenuSection>
            <SectionHeader className="bn-menu__section-title">{me.user.email}</SectionHeader>
            <MenuItem id="account" className="bn-menu__item">
              {t('nav.account')}
            </MenuItem>
          </MenuSection>
          <Separator className="bn-menu__separator" />
          <MenuItem id="signout" className="bn-menu__item">
            {t('nav.signOut')}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

function MainNav({ network, me }: { network: NetworkSummary; me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the mobile menu whenever the page changes
  useEffect(() => setOpen(false), [pathname]);
  const pages = networkPages.filter((p) => p.allowed(network, me));
  const main = pages.filter((p) => !p.suffix.startsWith('verwaltung/'));
  const admin = pages.filter((p) => p.suffix.startsWith('verwaltung/'));
  const item = (p: NetworkPage) => (
    <li key={p.suffix}>
      <Link to={p.to} params={{ networkId: network.id }}>
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
        {admin.length > 0 ? (
          <div className="bn-nav__group">
            <span className="bn-nav__group-title" id="nav-admin">
              {t('nav.admin')}
            </span>
            <ul aria-labelledby="nav-admin">{admin.map(item)}</ul>
          </div>
        ) : null}
      </div>
    </nav>
  );
}

function Footer() {
  const { t, i18n } = useTranslation();
  return (
    <footer className="bn-footer">
      <div className="kern-container bn-footer__inner">
        <p className="kern-body kern-body--small">{t('footer.about')}</p>
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
