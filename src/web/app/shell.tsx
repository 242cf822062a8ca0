import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
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
import { BrandText, SiteHeader } from '../components/ui/site-header';
import { authClient } from '../lib/auth-client';
import { useActiveNetwork, useMe } from '../lib/session';
import { useFocusOnNavigation } from '../lib/use-focus-on-navigation';
import { queryClient } from './query-client';

type NetworkPage = {
  to:
    | '/n/$networkId/start'
    | '/n/$networkId/dokumente'
    | '/n/$networkId/verwaltung/benutzer'
    | '/n/$networkId/verwaltung/protokoll'
    | '/n/$networkId/verwaltung/postausgang'
    | '/n/$networkId/verwaltung/einstellungen'
    | '/n/$networkId/verwaltung/oeffentliche-seite'
    | '/n/$networkId/vertrag'
    | '/n/$networkId/vertrag/handlungsfelder'
    | '/n/$networkId/vertrag/zustaendigkeit'
    | '/n/$networkId/vertrag/katalog'
    | '/n/$networkId/lenkungskreis/sitzungen'
    | '/n/$networkId/lenkungskreis/beschluesse'
    | '/n/$networkId/lenkungskreis/umlaufverfahren'
    | '/n/$networkId/lenkungskreis/mitglieder';
  suffix: string;
  group: 'main' | 'steering' | 'contract' | 'admin';
  label: string;
  icon: string;
  allowed: (n: NetworkSummary, me: Me) => boolean;
};

const has = (p: Permission) => (n: NetworkSummary) => n.permissions.includes(p);
/** Guests are invited to single items: the committee's register, procedures and members stay closed. */
const committeeOnly = (n: NetworkSummary) => n.permissions.includes('steering.read') && n.role !== 'guest';

export const networkPages: NetworkPage[] = [
  {
    to: '/n/$networkId/start',
    suffix: 'start',
    group: 'main',
    label: 'nav.start',
    icon: 'home',
    allowed: () => true,
  },
  {
    to: '/n/$networkId/dokumente',
    suffix: 'dokumente',
    group: 'main',
    label: 'nav.documents',
    icon: 'draft',
    allowed: has('files.read'),
  },
  {
    to: '/n/$networkId/lenkungskreis/sitzungen',
    suffix: 'lenkungskreis/sitzungen',
    group: 'steering',
    label: 'nav.meetings',
    icon: 'calendar-today',
    allowed: has('steering.read'),
  },
  {
    to: '/n/$networkId/lenkungskreis/beschluesse',
    suffix: 'lenkungskreis/beschluesse',
    group: 'steering',
    label: 'nav.decisions',
    icon: 'checklist',
    allowed: committeeOnly,
  },
  {
    to: '/n/$networkId/lenkungskreis/umlaufverfahren',
    suffix: 'lenkungskreis/umlaufverfahren',
    group: 'steering',
    label: 'nav.procedures',
    icon: 'autorenew',
    allowed: committeeOnly,
  },
  {
    to: '/n/$networkId/lenkungskreis/mitglieder',
    suffix: 'lenkungskreis/mitglieder',
    group: 'steering',
    label: 'nav.committee',
    icon: 'account-circle',
    allowed: committeeOnly,
  },
  {
    to: '/n/$networkId/verwaltung/benutzer',
    suffix: 'verwaltung/benutzer',
    group: 'admin',
    label: 'nav.members',
    icon: 'account-circle',
    allowed: has('members.read'),
  },
  {
    to: '/n/$networkId/verwaltung/protokoll',
    suffix: 'verwaltung/protokoll',
    group: 'admin',
    label: 'nav.audit',
    icon: 'checklist',
    allowed: has('audit.read'),
  },
  {
    to: '/n/$networkId/verwaltung/postausgang',
    suffix: 'verwaltung/postausgang',
    group: 'admin',
    label: 'nav.outbox',
    icon: 'mail',
    allowed: has('outbox.read'),
  },
  {
    to: '/n/$networkId/verwaltung/einstellungen',
    suffix: 'verwaltung/einstellungen',
    group: 'admin',
    label: 'nav.settings',
    icon: 'edit',
    allowed: (n, me) => n.permissions.includes('network.manage') || me.platformAdmin,
  },
  {
    to: '/n/$networkId/verwaltung/oeffentliche-seite',
    suffix: 'verwaltung/oeffentliche-seite',
    group: 'admin',
    label: 'nav.publicSite',
    icon: 'language',
    allowed: has('public.manage'),
  },
  {
    to: '/n/$networkId/vertrag',
    suffix: 'vertrag',
    group: 'contract',
    label: 'nav.contractVersions',
    icon: 'content-copy',
    allowed: has('contract.read'),
  },
  {
    to: '/n/$networkId/vertrag/handlungsfelder',
    suffix: 'vertrag/handlungsfelder',
    group: 'contract',
    label: 'nav.contractFields',
    icon: 'check',
    allowed: has('contract.read'),
  },
  {
    to: '/n/$networkId/vertrag/zustaendigkeit',
    suffix: 'vertrag/zustaendigkeit',
    group: 'contract',
    label: 'nav.contractScope',
    icon: 'search',
    allowed: has('contract.read'),
  },
  {
    to: '/n/$networkId/vertrag/katalog',
    suffix: 'vertrag/katalog',
    group: 'contract',
    label: 'nav.contractCatalogue',
    icon: 'checklist',
    allowed: has('contract.read'),
  },
];

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
          <>
            {me && network && me.networks.length > 1 ? <NetworkSwitcher me={me} current={network} /> : null}
            {me ? <UserMenu me={me} /> : null}
          </>
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
  const main = pages.filter((p) => p.group === 'main');
  const groups = [
    { id: 'nav-steering', title: t('nav.steering'), pages: pages.filter((p) => p.group === 'steering') },
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
