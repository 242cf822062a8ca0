import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { Permission } from '../../contracts/common';
import { AccountPage } from '../features/account';
import { AuditPage } from '../features/audit';
import {
  ForgotPasswordPage,
  InvitationPage,
  ResetPasswordPage,
  SetupPage,
  SignInPage,
} from '../features/auth';
import { StartPage } from '../features/dashboard';
import { FilesPage } from '../features/files';
import { MembersPage } from '../features/members';
import { OutboxPage } from '../features/outbox';
import { SettingsPage } from '../features/settings';
import { lastNetwork, meQuery, rememberNetwork, setupQuery, useActiveNetwork, useMe } from '../lib/session';
import { ErrorPage, ForbiddenPage, NotFoundPage } from './pages';
import { queryClient, setNavigator } from './query-client';
import { Shell } from './shell';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Shell,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context: { queryClient: qc } }) => {
    const setup = await qc.fetchQuery(setupQuery);
    if (setup.needed) throw redirect({ to: '/einrichtung' });
    const me = await qc.fetchQuery(meQuery);
    if (!me) throw redirect({ to: '/anmelden', search: {} });
    const last = lastNetwork();
    const target = me.networks.find((n) => n.id === last) ?? me.networks[0];
    if (!target) throw redirect({ to: '/konto' });
    throw redirect({ to: '/n/$networkId/start', params: { networkId: target.id } });
  },
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'einrichtung',
  component: SetupPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'anmelden',
  validateSearch: (s: Record<string, unknown>): { weiter?: string } =>
    typeof s.weiter === 'string' ? { weiter: s.weiter } : {},
  component: function SignInRoute() {
    const { weiter } = signInRoute.useSearch();
    return <SignInPage next={weiter} />;
  },
});

const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'passwort-vergessen',
  component: ForgotPasswordPage,
});

const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'passwort-neu',
  validateSearch: (s: Record<string, unknown>): { token?: string } =>
    typeof s.token === 'string' ? { token: s.token } : {},
  component: function ResetRoute() {
    const { token } = resetRoute.useSearch();
    return <ResetPasswordPage token={token} />;
  },
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'einladung/$token',
  component: function InvitationRoute() {
    const { token } = invitationRoute.useParams();
    return <InvitationPage token={token} />;
  },
});

/** Everything below needs a session; signed-out visitors go to the sign-in page and come back. */
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'angemeldet',
  beforeLoad: async ({ context: { queryClient: qc }, location }) => {
    const me = await qc.fetchQuery(meQuery);
    if (!me) throw redirect({ to: '/anmelden', search: { weiter: location.href } });
    return { me };
  },
  component: Outlet,
});

const accountRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'konto',
  component: AccountPage,
});

const networkRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'n/$networkId',
  beforeLoad: ({ context: { me }, params }) => {
    const network = me.networks.find((n) => n.id === params.networkId);
    if (!network) throw notFound();
    if (me.secondFactorRequiredBy.includes(network.id) && !me.user.twoFactorEnabled)
      throw redirect({ to: '/konto' });
    rememberNetwork(network.id);
  },
  component: Outlet,
});

const networkIndexRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/n/$networkId/start', params });
  },
});

/** Shows the page only when the role grants the permission; the server enforces it regardless. */
function guarded(permission: Permission | null, Component: (p: { networkId: string }) => React.ReactNode) {
  return function Guarded() {
    const network = useActiveNetwork();
    const me = useMe();
    if (!network || !me) return null;
    const ok =
      permission === null ||
      network.permissions.includes(permission) ||
      (permission === 'network.manage' && me.platformAdmin);
    return ok ? <Component networkId={network.id} /> : <ForbiddenPage />;
  };
}

const networkChild = <P extends string>(
  path: P,
  permission: Permission | null,
  c: (p: { networkId: string }) => React.ReactNode,
) => createRoute({ getParentRoute: () => networkRoute, path, component: guarded(permission, c) });

const startRoute = networkChild('start', null, StartPage);
const filesRoute = networkChild('dokumente', 'files.read', FilesPage);
const membersRoute = networkChild('verwaltung/benutzer', 'members.read', MembersPage);
const auditRoute = networkChild('verwaltung/protokoll', 'audit.read', AuditPage);
const outboxRoute = networkChild('verwaltung/postausgang', 'outbox.read', OutboxPage);
const settingsRoute = networkChild('verwaltung/einstellungen', 'network.manage', SettingsPage);

const routeTree = rootRoute.addChildren([
  indexRoute,
  setupRoute,
  signInRoute,
  forgotRoute,
  resetRoute,
  invitationRoute,
  authedRoute.addChildren([
    accountRoute,
    networkRoute.addChildren([
      networkIndexRoute,
      startRoute,
      filesRoute,
      membersRoute,
      auditRoute,
      outboxRoute,
      settingsRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultErrorComponent: ErrorPage,
  defaultNotFoundComponent: NotFoundPage,
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

setNavigator((to) => {
  if (router.state.location.pathname !== to) void router.navigate({ to, search: {} });
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
