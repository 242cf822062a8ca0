import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
  useMatches,
  useParams,
  useRouterState,
} from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import type { Permission } from '../../contracts/common';
import type { PageKind } from '../../contracts/publicsite';
import { Loading } from '../components/ui/page';
import type { MessageKey } from '../i18n';
import { loadModuleMessages } from '../i18n';
import { meQuery, rememberNetwork, setupQuery, useActiveNetwork, useMe } from '../lib/session';
import { ErrorPage, ForbiddenPage, NotFoundPage } from './pages';
import { queryClient, setNavigator } from './query-client';

/*
 * Code splitting: the entry holds only the router, the query client and the catalogue. The signed-in
 * app (shell, React Aria, the features) and the public pages are separate chunks, so a visitor of
 * /netzwerk/<slug> downloads a small bundle without the signed-in app.
 */
const Shell = lazyRouteComponent(() => import('./shell'), 'Shell');
const LazyShell = lazy(() => import('./shell').then((m) => ({ default: m.Shell })));
const auth = () => import('../features/auth');
const contract = () => import('../features/contract');
const publicsite = () => import('../features/publicsite');
const PublicLayout = lazyRouteComponent(publicsite, 'PublicLayout');
const PublicNetworkPage = lazyRouteComponent(publicsite, 'PublicNetworkPage');
const PublicTextPage = lazyRouteComponent(publicsite, 'PublicTextPage');
const PublicHome = lazyRouteComponent(publicsite, 'PublicHome');

const SignInPage = lazyRouteComponent(auth, 'SignInPage');
const ResetPasswordPage = lazyRouteComponent(auth, 'ResetPasswordPage');
const InvitationPage = lazyRouteComponent(auth, 'InvitationPage');

type Preloadable = { preload?: () => Promise<void> | undefined };
/** A route component that renders a lazy one: the router loads that chunk before it shows the page. */
function withPreload<C extends (() => ReactNode) & Preloadable>(component: C, ...lazies: Preloadable[]): C {
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

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: RootNotFound,
});

/** The frame of the app (signed in or on the sign-in pages); the public pages have their own. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: Shell,
});

const indexRoute = createRoute({
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

const setupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'einrichtung',
  component: lazyRouteComponent(auth, 'SetupPage'),
});

const signInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'anmelden',
  validateSearch: (s: Record<string, unknown>): { weiter?: string } =>
    typeof s.weiter === 'string' ? { weiter: s.weiter } : {},
  component: withPreload(function SignInRoute() {
    const { weiter } = signInRoute.useSearch();
    return <SignInPage next={weiter} />;
  }, SignInPage),
});

const forgotRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'passwort-vergessen',
  component: lazyRouteComponent(auth, 'ForgotPasswordPage'),
});

const resetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'passwort-neu',
  validateSearch: (s: Record<string, unknown>): { token?: string } =>
    typeof s.token === 'string' ? { token: s.token } : {},
  component: withPreload(function ResetRoute() {
    const { token } = resetRoute.useSearch();
    return <ResetPasswordPage token={token} />;
  }, ResetPasswordPage),
});

const invitationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'einladung/$token',
  component: withPreload(function InvitationRoute() {
    const { token } = invitationRoute.useParams();
    return <InvitationPage token={token} />;
  }, InvitationPage),
});

/** Everything below needs a session; signed-out visitors go to the sign-in page and come back. */
const authedRoute = createRoute({
  getParentRoute: () => appRoute,
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
  component: lazyRouteComponent(() => import('../features/account'), 'AccountPage'),
});

const networkRoute = createRoute({
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

const networkIndexRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/n/$networkId/start', params });
  },
});

/** Shows the page only when the role grants the permission; the server enforces it regardless. */
function guarded<P extends { networkId: string }>(
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

const networkChild = <P extends string>(
  path: P,
  permission: Permission | null,
  c: ((p: { networkId: string }) => ReactNode) & Preloadable,
) => createRoute({ getParentRoute: () => networkRoute, path, component: guarded(permission, c) });

const page = <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  lazyRouteComponent(load, name) as unknown as ((p: { networkId: string }) => ReactNode) & Preloadable;

const startRoute = networkChild(
  'start',
  null,
  page(() => import('../features/dashboard'), 'StartPage'),
);
const filesRoute = networkChild(
  'dokumente',
  'files.read',
  page(() => import('../features/files'), 'FilesPage'),
);
const membersRoute = networkChild(
  'verwaltung/benutzer',
  'members.read',
  page(() => import('../features/members'), 'MembersPage'),
);
const auditRoute = networkChild(
  'verwaltung/protokoll',
  'audit.read',
  page(() => import('../features/audit'), 'AuditPage'),
);
const outboxRoute = networkChild(
  'verwaltung/postausgang',
  'outbox.read',
  page(() => import('../features/outbox'), 'OutboxPage'),
);
const settingsRoute = networkChild(
  'verwaltung/einstellungen',
  'network.manage',
  page(() => import('../features/settings'), 'SettingsPage'),
);
const publicAdminRoute = networkChild(
  'verwaltung/oeffentliche-seite',
  'public.manage',
  page(() => import('../features/public-admin'), 'PublicAdminPage'),
);
const contractRoute = networkChild('vertrag', 'contract.read', page(contract, 'ContractPage'));
const versionNewRoute = networkChild(
  'vertrag/fassungen/neu',
  'contract.manage',
  page(contract, 'VersionNewPage'),
);
const VersionPage = lazyRouteComponent(contract, 'VersionPage');
const versionRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'vertrag/fassungen/$versionId',
  component: guarded('contract.read', VersionPage, () => ({
    versionId: useParams({ from: '/app/angemeldet/n/$networkId/vertrag/fassungen/$versionId' }).versionId,
  })),
});
const fieldsRoute = networkChild('vertrag/handlungsfelder', 'contract.read', page(contract, 'FieldsPage'));
const scopeRoute = networkChild('vertrag/zustaendigkeit', 'contract.read', page(contract, 'ScopePage'));
const catalogueRoute = networkChild('vertrag/katalog', 'contract.read', page(contract, 'CataloguePage'));
const meetings = () => import('../features/meetings');
const meetingsRoute = networkChild(
  'lenkungskreis/sitzungen',
  'meetings.read',
  page(meetings, 'MeetingsPage'),
);
const MeetingPage = lazyRouteComponent(meetings, 'MeetingPage');
const PreparationPage = lazyRouteComponent(() => import('../features/replies'), 'PreparationPage');
/** The office manages a meeting; members and guests prepare it on their own page ("Ihre Sitzung"). */
function MeetingOrPreparation(p: { networkId: string; meetingId: string }) {
  const network = useActiveNetwork();
  return network?.permissions.includes('steering.manage') ? (
    <MeetingPage {...p} />
  ) : (
    <PreparationPage {...p} afterwards={<MeetingPage {...p} />} />
  );
}
MeetingOrPreparation.preload = async () => {
  await Promise.all([MeetingPage.preload?.(), PreparationPage.preload?.()]);
};
const meetingRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'lenkungskreis/sitzungen/$meetingId',
  component: guarded('meetings.read', MeetingOrPreparation, () => ({
    meetingId: useParams({ from: '/app/angemeldet/n/$networkId/lenkungskreis/sitzungen/$meetingId' })
      .meetingId,
  })),
});
const procedures = () => import('../features/procedures');
const decisionsRoute = networkChild(
  'lenkungskreis/beschluesse',
  'steering.read',
  page(() => import('../features/decisions'), 'DecisionsPage'),
);
const proceduresRoute = networkChild(
  'lenkungskreis/umlaufverfahren',
  'steering.read',
  page(procedures, 'ProceduresPage'),
);
const ProcedurePage = lazyRouteComponent(procedures, 'ProcedurePage');
const procedureRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'lenkungskreis/umlaufverfahren/$procedureId',
  component: guarded('steering.read', ProcedurePage, () => ({
    procedureId: useParams({
      from: '/app/angemeldet/n/$networkId/lenkungskreis/umlaufverfahren/$procedureId',
    }).procedureId,
  })),
});
const workGoals = () => import('../features/work-goals');
const workOrders = () => import('../features/work-orders');
const workProjects = () => import('../features/work-projects');
const workTrace = () => import('../features/work-trace');
/**
 * A page of one thing under a network: the path's last parameter is passed as a prop. Like `page`, the
 * export's name is checked against the module; the parameter is read by name (the route tree's types
 * cannot be used inside its own definition).
 */
function detailRoute<P extends string, M extends Record<string, unknown>, K extends string>(
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
const goalsRoute = networkChild('arbeitsprogramm/ziele', 'work.read', page(workGoals, 'GoalsPage'));
const goalRoute = detailRoute('arbeitsprogramm/ziele/$goalId', 'work.read', workGoals, 'GoalPage', 'goalId');
const plansRoute = networkChild('arbeitsprogramm/planung', 'work.read', page(workGoals, 'PlansPage'));
const planRoute = detailRoute(
  'arbeitsprogramm/planung/$planId',
  'work.read',
  workGoals,
  'PlanPage',
  'planId',
);
const ordersRoute = networkChild('arbeitsprogramm/auftraege', 'work.read', page(workOrders, 'OrdersPage'));
const orderRoute = detailRoute(
  'arbeitsprogramm/auftraege/$orderId',
  'work.read',
  workOrders,
  'OrderPage',
  'orderId',
);
const projectsRoute = networkChild(
  'arbeitsprogramm/projekte',
  'work.read',
  page(workProjects, 'ProjectsPage'),
);
const projectRoute = detailRoute(
  'arbeitsprogramm/projekte/$projectId',
  'work.read',
  workProjects,
  'ProjectPage',
  'projectId',
);
const qualityIndexRoute = networkChild(
  'arbeitsprogramm/qualitaet',
  'work.read',
  page(workTrace, 'QualityIndexPage'),
);
const qualityRoute = detailRoute(
  'arbeitsprogramm/qualitaet/$fieldId',
  'work.read',
  workTrace,
  'QualityPage',
  'fieldId',
);
const TracePage = lazyRouteComponent(workTrace, 'TracePage');
const traceRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'verlauf/$kind/$entityId',
  component: guarded('work.read', TracePage, () => {
    const p = useParams({ from: '/app/angemeldet/n/$networkId/verlauf/$kind/$entityId' });
    return { kind: p.kind, entityId: p.entityId };
  }),
});
const deskRoute = networkChild(
  'arbeitsprogramm/schreibtisch',
  'work.manage',
  page(() => import('../features/work-desk'), 'DeskPage'),
);
const contactsPeople = () => import('../features/contacts-people');
const contactsInstitutions = () => import('../features/contacts-institutions');
const contactsLists = () => import('../features/contacts-lists');
const peopleRoute = networkChild('netzwerk/personen', 'contacts.read', page(contactsPeople, 'PeoplePage'));
const personRoute = detailRoute(
  'netzwerk/personen/$personId',
  'contacts.read',
  contactsPeople,
  'PersonPage',
  'personId',
);
const institutionsRoute = networkChild(
  'netzwerk/einrichtungen',
  'contacts.read',
  page(contactsInstitutions, 'InstitutionsPage'),
);
const institutionRoute = detailRoute(
  'netzwerk/einrichtungen/$institutionId',
  'contacts.read',
  contactsInstitutions,
  'InstitutionPage',
  'institutionId',
);
const listsRoute = networkChild('netzwerk/verteiler', 'contacts.read', page(contactsLists, 'ListsPage'));
const listRoute = detailRoute(
  'netzwerk/verteiler/$listId',
  'contacts.read',
  contactsLists,
  'ListPage',
  'listId',
);
const importRoute = networkChild(
  'netzwerk/import',
  'contacts.manage',
  page(() => import('../features/contacts-import'), 'ImportPage'),
);
const retentionRoute = networkChild(
  'verwaltung/aufbewahrung',
  'contacts.manage',
  page(() => import('../features/contacts-privacy'), 'RetentionPage'),
);
const eventsPlanning = () => import('../features/events-planning');
const eventsProgramme = () => import('../features/events-programme');
const eventsRegistration = () => import('../features/events-registration');
const eventsDocumentation = () => import('../features/events-documentation');
const surveysFeature = () => import('../features/surveys');
const eventsRoute = networkChild('veranstaltungen', 'events.read', page(eventsPlanning, 'EventsPage'));
const resourcesRoute = networkChild(
  'veranstaltungen/raeume',
  'events.manage',
  page(eventsProgramme, 'ResourcesPage'),
);
const surveysRoute = networkChild(
  'veranstaltungen/befragungen',
  'surveys.read',
  page(surveysFeature, 'SurveysPage'),
);
const surveyRoute = detailRoute(
  'veranstaltungen/befragungen/$surveyId',
  'surveys.read',
  surveysFeature,
  'SurveyPage',
  'surveyId',
);
const eventRoute = detailRoute(
  'veranstaltungen/$eventId',
  'events.read',
  eventsPlanning,
  'EventPage',
  'eventId',
);
const programmeRoute = detailRoute(
  'veranstaltungen/$eventId/programm',
  'events.read',
  eventsProgramme,
  'ProgrammePage',
  'eventId',
);
const invitationsRoute = detailRoute(
  'veranstaltungen/$eventId/einladungen',
  'events.manage',
  () => import('../features/events-invitations'),
  'InvitationsPage',
  'eventId',
);
const registrationsRoute = detailRoute(
  'veranstaltungen/$eventId/anmeldungen',
  'events.manage',
  eventsRegistration,
  'RegistrationsPage',
  'eventId',
);
const checkInRoute = detailRoute(
  'veranstaltungen/$eventId/einlass',
  'events.manage',
  () => import('../features/events-checkin'),
  'CheckInPage',
  'eventId',
);
const documentationRoute = detailRoute(
  'veranstaltungen/$eventId/dokumentation',
  'events.read',
  eventsDocumentation,
  'DocumentationPage',
  'eventId',
);
const evaluationRoute = detailRoute(
  'veranstaltungen/$eventId/auswertung',
  'surveys.read',
  surveysFeature,
  'EventEvaluationPage',
  'eventId',
);
const committeeRoute = networkChild(
  'lenkungskreis/mitglieder',
  'steering.read',
  page(() => import('../features/committee'), 'CommitteePage'),
);

/** The public pages of a network: no session needed, their own light frame. */
const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'netzwerk/$slug',
  beforeLoad: () => loadModuleMessages(),
  component: withPreload(function PublicFrame() {
    const { slug } = publicRoute.useParams();
    return (
      <PublicLayout slug={slug}>
        <Outlet />
      </PublicLayout>
    );
  }, PublicLayout),
});
const publicIndexRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/',
  component: withPreload(function PublicIndex() {
    const { slug } = publicRoute.useParams();
    return <PublicNetworkPage slug={slug} />;
  }, PublicNetworkPage),
});
const pageKinds: Record<string, PageKind> = {
  impressum: 'imprint',
  datenschutz: 'privacy',
  barrierefreiheit: 'accessibility',
};
const PublicText = withPreload(function PublicText() {
  const { slug } = publicRoute.useParams();
  const last = useRouterState({ select: (st) => st.location.pathname.split('/').pop() ?? '' });
  return <PublicTextPage slug={slug} kind={pageKinds[last] ?? 'imprint'} />;
}, PublicTextPage);
const publicText = <P extends string>(path: P) =>
  createRoute({ getParentRoute: () => publicRoute, path, component: PublicText });
const imprintRoute = publicText('impressum');
const privacyRoute = publicText('datenschutz');
const accessibilityRoute = publicText('barrierefreiheit');
const PublicEventsPage = lazyRouteComponent(eventsPlanning, 'PublicEventsPage');
const publicEventsRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'veranstaltungen',
  component: withPreload(function PublicEvents() {
    const { slug } = publicRoute.useParams();
    return <PublicEventsPage slug={slug} />;
  }, PublicEventsPage),
});
const PublicEventPage = lazyRouteComponent(eventsRegistration, 'PublicEventPage');
const publicEventRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'veranstaltungen/$eventId',
  component: withPreload(function PublicEvent() {
    const { slug, eventId } = publicEventRoute.useParams();
    return <PublicEventPage slug={slug} eventId={eventId} />;
  }, PublicEventPage),
});
const PublicDocumentationPage = lazyRouteComponent(eventsDocumentation, 'PublicDocumentationPage');
const publicDocumentationRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'veranstaltungen/$eventId/dokumentation',
  component: withPreload(function PublicDocumentation() {
    const { slug, eventId } = publicDocumentationRoute.useParams();
    return <PublicDocumentationPage slug={slug} eventId={eventId} />;
  }, PublicDocumentationPage),
});

/** Pages reached from a personal link in a mail: no session, the token in the address is the key. */
const LinkPageLayout = lazyRouteComponent(
  () => import('../components/ui/link-page-layout'),
  'LinkPageLayout',
);
declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The subtitle of the personal-link frame's header (default: the steering committee's). */
    linkPageSub?: MessageKey;
  }
}
const linkPageRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'persoenlicher-link',
  component: withPreload(function LinkPageFrame() {
    // The header names what the link belongs to; a link page says so in its route's staticData.
    const sub = useMatches({
      select: (matches) => matches.findLast((m) => m.staticData.linkPageSub)?.staticData.linkPageSub,
    });
    return (
      <LinkPageLayout sub={sub}>
        <Outlet />
      </LinkPageLayout>
    );
  }, LinkPageLayout),
});
const VotePage = lazyRouteComponent(procedures, 'VotePage');
const voteRoute = createRoute({
  getParentRoute: () => linkPageRoute,
  path: 'umlauf/$token',
  component: withPreload(function VoteRoute() {
    const { token } = voteRoute.useParams();
    return <VotePage token={token} />;
  }, VotePage),
});
const ReplyPage = lazyRouteComponent(() => import('../features/replies'), 'ReplyPage');
const replyRoute = createRoute({
  getParentRoute: () => linkPageRoute,
  path: 'antwort/$token',
  component: withPreload(function ReplyRoute() {
    const { token } = replyRoute.useParams();
    return <ReplyPage token={token} />;
  }, ReplyPage),
});
const WithdrawalPage = lazyRouteComponent(() => import('../features/contacts-privacy'), 'WithdrawalPage');
const withdrawalRoute = createRoute({
  getParentRoute: () => linkPageRoute,
  path: 'abmelden/$token',
  staticData: { linkPageSub: 'linkPage.subMailing' },
  // Its words are in the module messages (the address book's catalogue).
  beforeLoad: () => loadModuleMessages(),
  component: withPreload(function WithdrawalRoute() {
    const { token } = withdrawalRoute.useParams();
    return <WithdrawalPage token={token} />;
  }, WithdrawalPage),
});

const InvitationLinkPage = lazyRouteComponent(eventsRegistration, 'InvitationLinkPage');
const invitationLinkRoute = createRoute({
  getParentRoute: () => linkPageRoute,
  path: 'veranstaltung/einladung/$token',
  staticData: { linkPageSub: 'eventsRegistration.linkSub' },
  beforeLoad: () => loadModuleMessages(),
  component: withPreload(function InvitationLinkRoute() {
    const { token } = invitationLinkRoute.useParams();
    return <InvitationLinkPage token={token} />;
  }, InvitationLinkPage),
});
const MyRegistrationPage = lazyRouteComponent(eventsRegistration, 'MyRegistrationPage');
const myRegistrationRoute = createRoute({
  getParentRoute: () => linkPageRoute,
  path: 'veranstaltung/anmeldung/$token',
  staticData: { linkPageSub: 'eventsRegistration.linkSub' },
  beforeLoad: () => loadModuleMessages(),
  component: withPreload(function MyRegistrationRoute() {
    const { token } = myRegistrationRoute.useParams();
    return <MyRegistrationPage token={token} />;
  }, MyRegistrationPage),
});
const AnswerPage = lazyRouteComponent(surveysFeature, 'AnswerPage');
const answerRoute = createRoute({
  getParentRoute: () => linkPageRoute,
  path: 'befragung/$token',
  staticData: { linkPageSub: 'surveys.linkSub' },
  beforeLoad: () => loadModuleMessages(),
  component: withPreload(function AnswerRoute() {
    const { token } = answerRoute.useParams();
    return <AnswerPage token={token} />;
  }, AnswerPage),
});

const routeTree = rootRoute.addChildren([
  appRoute.addChildren([
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
        publicAdminRoute,
        contractRoute,
        versionNewRoute,
        versionRoute,
        fieldsRoute,
        scopeRoute,
        catalogueRoute,
        meetingsRoute,
        meetingRoute,
        decisionsRoute,
        proceduresRoute,
        procedureRoute,
        committeeRoute,
        deskRoute,
        peopleRoute,
        personRoute,
        institutionsRoute,
        institutionRoute,
        listsRoute,
        listRoute,
        importRoute,
        retentionRoute,
        eventsRoute,
        resourcesRoute,
        surveysRoute,
        surveyRoute,
        eventRoute,
        programmeRoute,
        invitationsRoute,
        registrationsRoute,
        checkInRoute,
        documentationRoute,
        evaluationRoute,
        goalsRoute,
        goalRoute,
        plansRoute,
        planRoute,
        ordersRoute,
        orderRoute,
        projectsRoute,
        projectRoute,
        qualityIndexRoute,
        qualityRoute,
        traceRoute,
      ]),
    ]),
  ]),
  publicRoute.addChildren([
    publicIndexRoute,
    imprintRoute,
    privacyRoute,
    accessibilityRoute,
    publicEventsRoute,
    publicEventRoute,
    publicDocumentationRoute,
  ]),
  linkPageRoute.addChildren([
    voteRoute,
    replyRoute,
    withdrawalRoute,
    invitationLinkRoute,
    myRegistrationRoute,
    answerRoute,
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
