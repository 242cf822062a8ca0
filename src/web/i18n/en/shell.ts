import type { shell as de } from '../de/shell';
import type { Shape } from '../shape';

/** The frame of the app: name, navigation, footer. */
export const shell: Shape<typeof de> = {
  app: {
    name: 'Bildungsnetz',
    tagline: 'Platform for regional education networks in North Rhine-Westphalia',
    skip: 'Skip to content',
    home: 'Bildungsnetz – home',
  },
  nav: {
    main: 'Main navigation',
    start: 'Start',
    documents: 'Documents',
    admin: 'Administration',
    members: 'Users & roles',
    audit: 'Change log',
    outbox: 'Outbox',
    settings: 'Settings',
    account: 'Account',
    signOut: 'Sign out',
    signIn: 'Sign in',
    userMenu: 'User menu of {{name}}',
    network: 'Education network',
    switchNetwork: 'Switch education network',
    menu: 'Menu',
    contract: 'Cooperation contract',
    contractVersions: 'Versions',
    contractFields: 'Fields of action',
    contractScope: 'Check responsibility',
    contractCatalogue: 'Responsibility catalogue',
    publicSite: 'Public page',
    steering: 'Steering committee',
    meetings: 'Meetings',
    decisions: 'Decisions',
    procedures: 'Written procedures',
    committee: 'Members',
  },
  footer: {
    language: 'Language',
    german: 'Deutsch',
    english: 'English',
    about: 'Bildungsnetz – a platform for regional education networks.',
    publicPage: 'Public page of “{{name}}”',
  },
};
