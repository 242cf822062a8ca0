import { contactsImport } from './de/contacts-import';
import { contactsInstitutions } from './de/contacts-institutions';
import { contactsLists } from './de/contacts-lists';
import { contactsPeople } from './de/contacts-people';
import { contactsPrivacy } from './de/contacts-privacy';
import { workDesk } from './de/work-desk';
import { workGoals } from './de/work-goals';
import { workOrders } from './de/work-orders';
import { workProjects } from './de/work-projects';
import { workReports } from './de/work-reports';
import { workTrace } from './de/work-trace';

/**
 * The German messages of the work programme and the address book: not in the entry bundle (the initial JavaScript's
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
};
export type DeModules = typeof deModules;
