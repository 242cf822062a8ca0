import { useNavigate, useRouterState } from '@tanstack/react-router';
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
import type { Me, NetworkSummary } from '../../contracts/networks';
import { authClient } from '../lib/auth-client';
import { networkPages } from './network-pages';
import { queryClient } from './query-client';

/** Switches to the same page in another network of the person, where they may see it. */
export function NetworkSwitcher({ me, current }: { me: Me; current: NetworkSummary }) {
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

export function UserMenu({ me }: { me: Me }) {
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
