import { createRoute, lazyRouteComponent, Outlet, useMatches, useRouterState } from '@tanstack/react-router';
import type { PageKind } from '../../contracts/publicsite';
import type { MessageKey } from '../i18n';
import { loadModuleMessages } from '../i18n';
import {
  eventsDocumentation,
  eventsPlanning,
  eventsRegistration,
  PublicLayout,
  PublicNetworkPage,
  PublicTextPage,
  procedures,
  rootRoute,
  surveysFeature,
  withPreload,
} from './frame-routes';

/* Pages without a session: a network's public pages and the pages behind a personal link in a mail. */

/** The public pages of a network: no session needed, their own light frame. */
export const publicRoute = createRoute({
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
export const publicIndexRoute = createRoute({
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
export const imprintRoute = publicText('impressum');
export const privacyRoute = publicText('datenschutz');
export const accessibilityRoute = publicText('barrierefreiheit');
const PublicEventsPage = lazyRouteComponent(eventsPlanning, 'PublicEventsPage');
export const publicEventsRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'veranstaltungen',
  component: withPreload(function PublicEvents() {
    const { slug } = publicRoute.useParams();
    return <PublicEventsPage slug={slug} />;
  }, PublicEventsPage),
});
const PublicEventPage = lazyRouteComponent(eventsRegistration, 'PublicEventPage');
export const publicEventRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'veranstaltungen/$eventId',
  component: withPreload(function PublicEvent() {
    const { slug, eventId } = publicEventRoute.useParams();
    return <PublicEventPage slug={slug} eventId={eventId} />;
  }, PublicEventPage),
});
const PublicDocumentationPage = lazyRouteComponent(eventsDocumentation, 'PublicDocumentationPage');
export const publicDocumentationRoute = createRoute({
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
export const linkPageRoute = createRoute({
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
export const voteRoute = createRoute({
  getParentRoute: () => linkPageRoute,
  path: 'umlauf/$token',
  component: withPreload(function VoteRoute() {
    const { token } = voteRoute.useParams();
    return <VotePage token={token} />;
  }, VotePage),
});
const ReplyPage = lazyRouteComponent(() => import('../features/replies'), 'ReplyPage');
export const replyRoute = createRoute({
  getParentRoute: () => linkPageRoute,
  path: 'antwort/$token',
  component: withPreload(function ReplyRoute() {
    const { token } = replyRoute.useParams();
    return <ReplyPage token={token} />;
  }, ReplyPage),
});
const WithdrawalPage = lazyRouteComponent(() => import('../features/contacts-privacy'), 'WithdrawalPage');
export const withdrawalRoute = createRoute({
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
export const invitationLinkRoute = createRoute({
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
export const myRegistrationRoute = createRoute({
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
export const answerRoute = createRoute({
  getParentRoute: () => linkPageRoute,
  path: 'befragung/$token',
  staticData: { linkPageSub: 'surveys.linkSub' },
  beforeLoad: () => loadModuleMessages(),
  component: withPreload(function AnswerRoute() {
    const { token } = answerRoute.useParams();
    return <AnswerPage token={token} />;
  }, AnswerPage),
});
