import { createRoute, lazyRouteComponent, useParams } from '@tanstack/react-router';
import { useActiveNetwork } from '../lib/session';
import {
  contract,
  detailRoute,
  eventsDocumentation,
  eventsPlanning,
  eventsRegistration,
  guarded,
  networkChild,
  networkRoute,
  page,
  procedures,
  surveysFeature,
} from './frame-routes';

/* The pages of a network (signed in): one route per page, guarded by its permission. */

export const startRoute = networkChild(
  'start',
  null,
  page(() => import('../features/dashboard'), 'StartPage'),
);
export const filesRoute = networkChild(
  'dokumente',
  'files.read',
  page(() => import('../features/files'), 'FilesPage'),
);
export const membersRoute = networkChild(
  'verwaltung/benutzer',
  'members.read',
  page(() => import('../features/members'), 'MembersPage'),
);
export const auditRoute = networkChild(
  'verwaltung/protokoll',
  'audit.read',
  page(() => import('../features/audit'), 'AuditPage'),
);
export const outboxRoute = networkChild(
  'verwaltung/postausgang',
  'outbox.read',
  page(() => import('../features/outbox'), 'OutboxPage'),
);
export const settingsRoute = networkChild(
  'verwaltung/einstellungen',
  'network.manage',
  page(() => import('../features/settings'), 'SettingsPage'),
);
export const publicAdminRoute = networkChild(
  'verwaltung/oeffentliche-seite',
  'public.manage',
  page(() => import('../features/public-admin'), 'PublicAdminPage'),
);
export const contractRoute = networkChild('vertrag', 'contract.read', page(contract, 'ContractPage'));
export const versionNewRoute = networkChild(
  'vertrag/fassungen/neu',
  'contract.manage',
  page(contract, 'VersionNewPage'),
);
const VersionPage = lazyRouteComponent(contract, 'VersionPage');
export const versionRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'vertrag/fassungen/$versionId',
  component: guarded('contract.read', VersionPage, () => ({
    versionId: useParams({ from: '/app/angemeldet/n/$networkId/vertrag/fassungen/$versionId' }).versionId,
  })),
});
export const fieldsRoute = networkChild(
  'vertrag/handlungsfelder',
  'contract.read',
  page(contract, 'FieldsPage'),
);
export const scopeRoute = networkChild(
  'vertrag/zustaendigkeit',
  'contract.read',
  page(contract, 'ScopePage'),
);
export const catalogueRoute = networkChild(
  'vertrag/katalog',
  'contract.read',
  page(contract, 'CataloguePage'),
);
const meetings = () => import('../features/meetings');
export const meetingsRoute = networkChild(
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
export const meetingRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'lenkungskreis/sitzungen/$meetingId',
  component: guarded('meetings.read', MeetingOrPreparation, () => ({
    meetingId: useParams({ from: '/app/angemeldet/n/$networkId/lenkungskreis/sitzungen/$meetingId' })
      .meetingId,
  })),
});
export const decisionsRoute = networkChild(
  'lenkungskreis/beschluesse',
  'steering.read',
  page(() => import('../features/decisions'), 'DecisionsPage'),
);
export const proceduresRoute = networkChild(
  'lenkungskreis/umlaufverfahren',
  'steering.read',
  page(procedures, 'ProceduresPage'),
);
const ProcedurePage = lazyRouteComponent(procedures, 'ProcedurePage');
export const procedureRoute = createRoute({
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
export const goalsRoute = networkChild('arbeitsprogramm/ziele', 'work.read', page(workGoals, 'GoalsPage'));
export const goalRoute = detailRoute(
  'arbeitsprogramm/ziele/$goalId',
  'work.read',
  workGoals,
  'GoalPage',
  'goalId',
);
export const plansRoute = networkChild('arbeitsprogramm/planung', 'work.read', page(workGoals, 'PlansPage'));
export const planRoute = detailRoute(
  'arbeitsprogramm/planung/$planId',
  'work.read',
  workGoals,
  'PlanPage',
  'planId',
);
export const ordersRoute = networkChild(
  'arbeitsprogramm/auftraege',
  'work.read',
  page(workOrders, 'OrdersPage'),
);
export const orderRoute = detailRoute(
  'arbeitsprogramm/auftraege/$orderId',
  'work.read',
  workOrders,
  'OrderPage',
  'orderId',
);
export const projectsRoute = networkChild(
  'arbeitsprogramm/projekte',
  'work.read',
  page(workProjects, 'ProjectsPage'),
);
export const projectRoute = detailRoute(
  'arbeitsprogramm/projekte/$projectId',
  'work.read',
  workProjects,
  'ProjectPage',
  'projectId',
);
export const qualityIndexRoute = networkChild(
  'arbeitsprogramm/qualitaet',
  'work.read',
  page(workTrace, 'QualityIndexPage'),
);
export const qualityRoute = detailRoute(
  'arbeitsprogramm/qualitaet/$fieldId',
  'work.read',
  workTrace,
  'QualityPage',
  'fieldId',
);
const TracePage = lazyRouteComponent(workTrace, 'TracePage');
export const traceRoute = createRoute({
  getParentRoute: () => networkRoute,
  path: 'verlauf/$kind/$entityId',
  component: guarded('work.read', TracePage, () => {
    const p = useParams({ from: '/app/angemeldet/n/$networkId/verlauf/$kind/$entityId' });
    return { kind: p.kind, entityId: p.entityId };
  }),
});
export const deskRoute = networkChild(
  'arbeitsprogramm/schreibtisch',
  'work.manage',
  page(() => import('../features/work-desk'), 'DeskPage'),
);
const contactsPeople = () => import('../features/contacts-people');
const contactsInstitutions = () => import('../features/contacts-institutions');
const contactsLists = () => import('../features/contacts-lists');
export const peopleRoute = networkChild(
  'netzwerk/personen',
  'contacts.read',
  page(contactsPeople, 'PeoplePage'),
);
export const personRoute = detailRoute(
  'netzwerk/personen/$personId',
  'contacts.read',
  contactsPeople,
  'PersonPage',
  'personId',
);
export const institutionsRoute = networkChild(
  'netzwerk/einrichtungen',
  'contacts.read',
  page(contactsInstitutions, 'InstitutionsPage'),
);
export const institutionRoute = detailRoute(
  'netzwerk/einrichtungen/$institutionId',
  'contacts.read',
  contactsInstitutions,
  'InstitutionPage',
  'institutionId',
);
export const listsRoute = networkChild(
  'netzwerk/verteiler',
  'contacts.read',
  page(contactsLists, 'ListsPage'),
);
export const listRoute = detailRoute(
  'netzwerk/verteiler/$listId',
  'contacts.read',
  contactsLists,
  'ListPage',
  'listId',
);
export const importRoute = networkChild(
  'netzwerk/import',
  'contacts.manage',
  page(() => import('../features/contacts-import'), 'ImportPage'),
);
export const retentionRoute = networkChild(
  'verwaltung/aufbewahrung',
  'contacts.manage',
  page(() => import('../features/contacts-privacy'), 'RetentionPage'),
);
const eventsProgramme = () => import('../features/events-programme');
export const eventsRoute = networkChild('veranstaltungen', 'events.read', page(eventsPlanning, 'EventsPage'));
export const resourcesRoute = networkChild(
  'veranstaltungen/raeume',
  'events.manage',
  page(eventsProgramme, 'ResourcesPage'),
);
export const surveysRoute = networkChild(
  'veranstaltungen/befragungen',
  'surveys.read',
  page(surveysFeature, 'SurveysPage'),
);
export const surveyRoute = detailRoute(
  'veranstaltungen/befragungen/$surveyId',
  'surveys.read',
  surveysFeature,
  'SurveyPage',
  'surveyId',
);
export const eventRoute = detailRoute(
  'veranstaltungen/$eventId',
  'events.read',
  eventsPlanning,
  'EventPage',
  'eventId',
);
export const programmeRoute = detailRoute(
  'veranstaltungen/$eventId/programm',
  'events.read',
  eventsProgramme,
  'ProgrammePage',
  'eventId',
);
export const invitationsRoute = detailRoute(
  'veranstaltungen/$eventId/einladungen',
  'events.manage',
  () => import('../features/events-invitations'),
  'InvitationsPage',
  'eventId',
);
export const registrationsRoute = detailRoute(
  'veranstaltungen/$eventId/anmeldungen',
  'events.manage',
  eventsRegistration,
  'RegistrationsPage',
  'eventId',
);
export const checkInRoute = detailRoute(
  'veranstaltungen/$eventId/einlass',
  'events.manage',
  () => import('../features/events-checkin'),
  'CheckInPage',
  'eventId',
);
export const documentationRoute = detailRoute(
  'veranstaltungen/$eventId/dokumentation',
  'events.read',
  eventsDocumentation,
  'DocumentationPage',
  'eventId',
);
export const evaluationRoute = detailRoute(
  'veranstaltungen/$eventId/auswertung',
  'surveys.read',
  surveysFeature,
  'EventEvaluationPage',
  'eventId',
);
export const committeeRoute = networkChild(
  'lenkungskreis/mitglieder',
  'steering.read',
  page(() => import('../features/committee'), 'CommitteePage'),
);
