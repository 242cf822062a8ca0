import { contactsImport } from './de/contacts-import';
import { contactsInstitutions } from './de/contacts-institutions';
import { contactsLists } from './de/contacts-lists';
import { contactsPeople } from './de/contacts-people';
import { contactsPrivacy } from './de/contacts-privacy';
import { eventsCheckin } from './de/events-checkin';
import { eventsDocumentation } from './de/events-documentation';
import { eventsInvitations } from './de/events-invitations';
import { eventsPlanning } from './de/events-planning';
import { eventsProgramme } from './de/events-programme';
import { eventsRegistration } from './de/events-registration';
import { meetingRun } from './de/meeting-run';
import { minutes } from './de/minutes';
import { surveys } from './de/surveys';
import { workDesk } from './de/work-desk';
import { workGoals } from './de/work-goals';
import { workOrders } from './de/work-orders';
import { workProjects } from './de/work-projects';
import { workReports } from './de/work-reports';
import { workTrace } from './de/work-trace';

/**
 * The German messages of the work programme, the address book, events, surveys and a meeting's conduct and minutes: not in the entry bundle (the initial JavaScript's
 * budget), loaded before a network's pages or a public network page render (`loadModuleMessages`).
 */
export const deModules = {
  ...workGoals,
  ...workOrders,
  ...workProjects,
  ...workReports,
  ...workTrace,
  ...workDesk,
  ...contactsPeople,
  ...contactsInstitutions,
  ...contactsLists,
  ...contactsImport,
  ...contactsPrivacy,
  ...eventsPlanning,
  ...eventsProgramme,
  ...eventsInvitations,
  ...eventsRegistration,
  ...eventsCheckin,
  ...eventsDocumentation,
  ...surveys,
  // Holding a meeting and its minutes: network pages only.
  ...meetingRun,
  ...minutes,
};
export type DeModules = typeof deModules;
