import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
  useParams,
} from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import type { Permission } from '../../contracts/common';
import { Loading } from '../components/ui/page';
import { loadModuleMessages } from '../i18n';
import { meQuery, rememberNetwork, setupQuery, useActiveNetwork, useMe } from '../lib/session';
import { ForbiddenPage, NotFoundPage } from './pages';

/*
 * The app's frame: the root, sign-in and setup pages, the session and network gates, and the helpers the
 * page routes are made with (network-routes.tsx, public-routes.tsx; router.tsx joins them into the tree).
 *
 * Code splitting: the entry holds only the router, the query client and the catalogue. The signed-in
 * app (shell, React Aria, the features) and the public pages are separate chunks, so a visitor of
 * /netzwerk/<slug> downloads a small bundle without the signed-in app.
 */
const Shell = lazyRouteComponent(() => import('./shell'), 'Shell');
const LazyShell = lazy(() => import('./shell').then((m) => ({ default: m.Shell })));
const auth = () => import('../features/auth');
export const contract = () => import('../features/contract');
export const publicsite = () => import('../features/publicsite');
export const PublicLayout = lazyRouteComponent(publicsite, 'PublicLayout');
export const PublicNetworkPage = lazyRouteComponent(publicsite, 'PublicNetworkPage');
export const PublicTextPage = lazyRouteComponent(publicsite, 'PublicTextPage');
const PublicHome = lazyRouteComponent(publicsite, 'PublicHome');

const SignInPage = lazyRouteComponent(auth, 'SignInPage');
const ResetPasswordPage = lazyRouteComponent(auth, 'ResetPasswordPage');
const InvitationPage = lazyRouteComponent(auth, 'InvitationPage');

type Preloadable = { preload?: () => Promise<void> | undefined };
/** A route component that renders a lazy one: the router loads that chunk before it shows the page. */
export function withPreload<C extends (() => ReactNode) & Preloadable>(
  component: C,
  ...lazies: Preloadable[]
): C {
  component.preload = async () => {
    await Promise.all(lazies.map((l) => l.preload?.()));
  };
  return component;
}

/** An unknown address outside any layout still gets the app's frame. */
function RootNotFound() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyShell>
        <NotFoundPage />
      </LazyShell>
    </Suspense>
  );
}

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: RootNotFound,
});

/** The frame of the app (signed in or on the sign-in pages); the public pages have their own. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: Shell,
});

export const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: async ({ context: { queryClient: qc } }) => {
    const setup = await qc.fetchQuery(setupQuery);
    if (setup.needed) throw redirect({ to: '/einrichtung' });
    const me = await qc.fetchQuery(meQuery);
    // A visitor without a session stays here and sees the public start page.
    if (!me) return;
    const target = me.networks.find((n) => n.id === me.lastNetworkId) ?? me.networks[0];
    if (!target) throw redirect({ to: '/konto' });
    throw redirect({ to: '/n/$networkId/start', params: { networkId: target.id } });
  },
  component: PublicHome,
});

export const setupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'einrichtung',
  component: lazyRouteComponent(auth, 'SetupPage'),
});

export const signInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'anmelden',
  validateSearch: (s: Record<string, unknown>): { weiter?: string } =>
    typeof s.weiter === 'string' ? { weiter: s.weiter } : {},
  component: withPreload(function SignInRoute() {
    const { weiter } = signInRoute.useSearch();
    return <SignInPage next={weiter} />;
  }, SignInPage),
});

export const forgotRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'passwort-vergessen',
  component: lazyRouteComponent(auth, 'ForgotPasswordPage'),
});

export const resetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'passwort-neu',
  validateSearch: (s: Record<string, unknown>): { token?: string } =>
    typeof s.token === 'string' ? { token: s.token } : {},
  component: withPreload(function ResetRoute() {
    const { token } = resetRoute.useSearch();
    return <ResetPasswordPage token={token} />;
  }, ResetPasswordPage),
});

export const invitationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'einladung/$token',
  component: withPreload(function InvitationRoute() {
    const { token } = invitationRoute.useParams();
    return <InvitationPage token={token} />;
  }, InvitationPage),
});

/** Everything below needs a session; signed-out visitors go to the sign-in page and come back. */
export const authedRoute = createRoute({
  getParentRoute: () => appRoute,
  id: 'angemeldet',
  beforeLoad: async ({ context: { queryClient: qc }, location }) => {
    const me = await qc.fetchQuery(meQuery);
    if (!me) throw redirect({ to: '/anmelden', search: { weiter: location.href } });
    return { me };
  },
  component: Outlet,
});

export const accountRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'konto',
  component: lazyRouteComponent(() => import('../features/account'), 'AccountPage'),
});

export const networkRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'n/$networkId',
  beforeLoad: async ({ context: { me, queryClient }, params }) => {
    const network = me.networks.find((n) => n.id === params.networkId);
    if (!network) throw notFound();
    if (me.secondFactorRequiredBy.includes(network.id) && !me.user.twoFactorEnabled)
      throw redirect({ to: '/konto' });
    rememberNetwork(queryClient, me, network.id);
    await loadModuleMessages();
  },
  component: Outlet,
});

export const networkIndexRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/n/$networkId/start', params });
  },
});

/** Shows the page only when the role grants the permission; the server enforces it regardless. */
export function guarded<P extends { networkId: string }>(
  permission: Permission | null,
  Component: ((p: P) => ReactNode) & Preloadable,
  extra?: () => Omit<P, 'networkId'>,
) {
  return withPreload(function Guarded() {
    const network = useActiveNetwork();
    const me = useMe();
    const more = extra?.();
    if (!network || !me) return null;
    const ok =
      permission === null ||
      network.permissions.includes(permission) ||
      (permission === 'network.manage' && me.platformAdmin);
    return ok ? <Component {...({ ...more, networkId: network.id } as P)} /> : <ForbiddenPage />;
  }, Component);
}

export const networkChild = <P extends string>(
  path: P,
  permission: Permission | null,
  c: ((p: { networkId: string }) => ReactNode) & Preloadable,
) => createRoute({ getParentRoute: () => networkRoute, path, component: guarded(permission, c) });

export const page = <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  lazyRouteComponent(load, name) as unknown as ((p: { networkId: string }) => ReactNode) & Preloadable;

/**
 * A page of one thing under a network: the path's last parameter is passed as a prop. Like `page`, the
 * export's name is checked against the module; the parameter is read by name (the route tree's types
 * cannot be used inside its own definition).
 */
export function detailRoute<P extends string, M extends Record<string, unknown>, K extends string>(
  path: P,
  permission: Permission,
  load: () => Promise<M>,
  name: keyof M & string,
  param: K,
) {
  type Props = { networkId: string } & Record<K, string>;
  const C = lazyRouteComponent(load, name) as unknown as ((p: Props) => ReactNode) & Preloadable;
  return createRoute({
    getParentRoute: () => networkRoute,
    path,
    component: guarded(permission, C, () => {
      const params: Record<string, string | undefined> = useParams({ strict: false });
      return { [param]: params[param] ?? '' } as Omit<Props, 'networkId'>;
    }),
  });
}

/** Feature chunks that both the network pages and the public or personal-link pages load. */
export const procedures = () => import('../features/procedures');
export const eventsPlanning = () => import('../features/events-planning');
export const eventsRegistration = () => import('../features/events-registration');
export const eventsDocumentation = () => import('../features/events-documentation');
export const surveysFeature = () => import('../features/surveys');
