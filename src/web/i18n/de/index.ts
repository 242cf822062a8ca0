import { account } from './account';
import { audit } from './audit';
import { auth } from './auth';
import { committee } from './committee';
import { common } from './common';
import { contract } from './contract';
import { dashboard } from './dashboard';
import { decisions } from './decisions';
import { files } from './files';
import { meetings } from './meetings';
import { members } from './members';
import { outbox } from './outbox';
import { personalLinks } from './personal-links';
import { procedures } from './procedures';
import { publicsite } from './publicsite';
import { replies } from './replies';
import { settings } from './settings';
import { shell } from './shell';

/**
 * German catalogue: the default language of the interface, in the entry bundle. One file per feature,
 * merged into one resource, so components keep calling t('meetings.title').
 */
export const de = {
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
  ...personalLinks,
};

/** The work programme's messages arrive with the signed-in and public pages (i18n/work-de.ts). */
export type Catalogue = typeof de & import('../modules-de').DeModules;
