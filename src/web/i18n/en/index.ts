import type { Catalogue } from '../de';
import type { Shape } from '../shape';
import { account } from './account';
import { audit } from './audit';
import { auth } from './auth';
import { committee } from './committee';
import { common } from './common';
import { contactsImport } from './contacts-import';
import { contactsInstitutions } from './contacts-institutions';
import { contactsLists } from './contacts-lists';
import { contactsPeople } from './contacts-people';
import { contactsPrivacy } from './contacts-privacy';
import { contract } from './contract';
import { dashboard } from './dashboard';
import { decisions } from './decisions';
import { eventsCheckin } from './events-checkin';
import { eventsDocumentation } from './events-documentation';
import { eventsInvitations } from './events-invitations';
import { eventsPlanning } from './events-planning';
import { eventsProgramme } from './events-programme';
import { eventsRegistration } from './events-registration';
import { files } from './files';
import { meetingRun } from './meeting-run';
import { meetings } from './meetings';
import { members } from './members';
import { minutes } from './minutes';
import { outbox } from './outbox';
import { personalLinks } from './personal-links';
import { procedures } from './procedures';
import { publicsite } from './publicsite';
import { replies } from './replies';
import { settings } from './settings';
import { shell } from './shell';
import { surveys } from './surveys';
import { workDesk } from './work-desk';
import { workGoals } from './work-goals';
import { workOrders } from './work-orders';
import { workProjects } from './work-projects';
import { workReports } from './work-reports';
import { workTrace } from './work-trace';

/** English catalogue: loaded only when chosen (a chunk of its own); same keys as German, checked by the type. */
export const en: Shape<Catalogue> = {
  ...shell,
  ...common,
  ...auth,
  ...account,
  ...dashboard,
  ...files,
  ...members,
  ...audit,
  ...outbox,
  ...settings,
  ...contract,
  ...publicsite,
  ...committee,
  ...decisions,
  ...procedures,
  ...replies,
  ...meetings,
  ...meetingRun,
  ...minutes,
  ...personalLinks,
  ...workTrace,
  ...workDesk,
  ...workOrders,
  ...workGoals,
  ...workReports,
  ...workProjects,
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
};
