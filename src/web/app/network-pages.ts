import type { Permission } from '../../contracts/common';
import type { Me, NetworkSummary } from '../../contracts/networks';
import type { MessageKey } from '../i18n';

/** The pages of a network in the navigation, and who sees each (the server checks again). */
export type NetworkPage = {
  to:
    | '/n/$networkId/start'
    | '/n/$networkId/dokumente'
    | '/n/$networkId/verwaltung/benutzer'
    | '/n/$networkId/verwaltung/protokoll'
    | '/n/$networkId/verwaltung/postausgang'
    | '/n/$networkId/verwaltung/einstellungen'
    | '/n/$networkId/verwaltung/oeffentliche-seite'
    | '/n/$networkId/vertrag'
    | '/n/$networkId/vertrag/handlungsfelder'
    | '/n/$networkId/vertrag/zustaendigkeit'
    | '/n/$networkId/vertrag/katalog'
    | '/n/$networkId/lenkungskreis/sitzungen'
    | '/n/$networkId/lenkungskreis/beschluesse'
    | '/n/$networkId/lenkungskreis/umlaufverfahren'
    | '/n/$networkId/lenkungskreis/mitglieder'
    | '/n/$networkId/arbeitsprogramm/schreibtisch'
    | '/n/$networkId/arbeitsprogramm/ziele'
    | '/n/$networkId/arbeitsprogramm/planung'
    | '/n/$networkId/arbeitsprogramm/auftraege'
    | '/n/$networkId/arbeitsprogramm/projekte'
    | '/n/$networkId/arbeitsprogramm/qualitaet'
    | '/n/$networkId/netzwerk/personen'
    | '/n/$networkId/netzwerk/einrichtungen'
    | '/n/$networkId/netzwerk/verteiler'
    | '/n/$networkId/verwaltung/aufbewahrung'
    | '/n/$networkId/veranstaltungen'
    | '/n/$networkId/veranstaltungen/raeume'
    | '/n/$networkId/veranstaltungen/befragungen';
  suffix: string;
  group: 'main' | 'steering' | 'work' | 'events' | 'contacts' | 'contract' | 'admin';
  label: MessageKey;
  icon: string;
  allowed: (n: NetworkSummary, me: Me) => boolean;
};

const has = (p: Permission) => (n: NetworkSummary) => n.permissions.includes(p);

export const networkPages: NetworkPage[] = [
  {
    to: '/n/$networkId/start',
    suffix: 'start',
    group: 'main',
    label: 'nav.start',
    icon: 'home',
    allowed: () => true,
  },
  {
    to: '/n/$networkId/dokumente',
    suffix: 'dokumente',
    group: 'main',
    label: 'nav.documents',
    icon: 'draft',
    allowed: has('files.read'),
  },
  {
    to: '/n/$networkId/lenkungskreis/sitzungen',
    suffix: 'lenkungskreis/sitzungen',
    group: 'steering',
    label: 'nav.meetings',
    icon: 'calendar-today',
    allowed: has('meetings.read'),
  },
  {
    to: '/n/$networkId/lenkungskreis/beschluesse',
    suffix: 'lenkungskreis/beschluesse',
    group: 'steering',
    label: 'nav.decisions',
    icon: 'checklist',
    allowed: has('steering.read'),
  },
  {
    to: '/n/$networkId/lenkungskreis/umlaufverfahren',
    suffix: 'lenkungskreis/umlaufverfahren',
    group: 'steering',
    label: 'nav.procedures',
    icon: 'autorenew',
    allowed: has('steering.read'),
  },
  {
    to: '/n/$networkId/lenkungskreis/mitglieder',
    suffix: 'lenkungskreis/mitglieder',
    group: 'steering',
    label: 'nav.committee',
    icon: 'account-circle',
    allowed: has('steering.read'),
  },
  {
    to: '/n/$networkId/arbeitsprogramm/schreibtisch',
    suffix: 'arbeitsprogramm/schreibtisch',
    group: 'work',
    label: 'nav.workDesk',
    icon: 'edit',
    allowed: has('work.manage'),
  },
  {
    to: '/n/$networkId/arbeitsprogramm/ziele',
    suffix: 'arbeitsprogramm/ziele',
    group: 'work',
    label: 'nav.workGoals',
    icon: 'check',
    allowed: has('work.read'),
  },
  {
    to: '/n/$networkId/arbeitsprogramm/planung',
    suffix: 'arbeitsprogramm/planung',
    group: 'work',
    label: 'nav.workPlans',
    icon: 'calendar-today',
    allowed: has('work.read'),
  },
  {
    to: '/n/$networkId/arbeitsprogramm/auftraege',
    suffix: 'arbeitsprogramm/auftraege',
    group: 'work',
    label: 'nav.workOrders',
    icon: 'checklist',
    allowed: has('work.read'),
  },
  {
    to: '/n/$networkId/arbeitsprogramm/projekte',
    suffix: 'arbeitsprogramm/projekte',
    group: 'work',
    label: 'nav.workProjects',
    icon: 'content-copy',
    allowed: has('work.read'),
  },
  {
    to: '/n/$networkId/arbeitsprogramm/qualitaet',
    suffix: 'arbeitsprogramm/qualitaet',
    group: 'work',
    label: 'nav.workQuality',
    icon: 'autorenew',
    allowed: has('work.read'),
  },
  {
    to: '/n/$networkId/veranstaltungen',
    suffix: 'veranstaltungen',
    group: 'events',
    label: 'nav.eventsAll',
    icon: 'calendar-today',
    allowed: has('events.read'),
  },
  {
    to: '/n/$networkId/veranstaltungen/raeume',
    suffix: 'veranstaltungen/raeume',
    group: 'events',
    label: 'nav.eventsResources',
    icon: 'home',
    allowed: has('events.manage'),
  },
  {
    to: '/n/$networkId/veranstaltungen/befragungen',
    suffix: 'veranstaltungen/befragungen',
    group: 'events',
    label: 'nav.eventsSurveys',
    icon: 'checklist',
    allowed: has('surveys.read'),
  },
  {
    to: '/n/$networkId/netzwerk/personen',
    suffix: 'netzwerk/personen',
    group: 'contacts',
    label: 'nav.contactsPeople',
    icon: 'account-circle',
    allowed: has('contacts.read'),
  },
  {
    to: '/n/$networkId/netzwerk/einrichtungen',
    suffix: 'netzwerk/einrichtungen',
    group: 'contacts',
    label: 'nav.contactsInstitutions',
    icon: 'home',
    allowed: has('contacts.read'),
  },
  {
    to: '/n/$networkId/netzwerk/verteiler',
    suffix: 'netzwerk/verteiler',
    group: 'contacts',
    label: 'nav.contactsLists',
    icon: 'mail',
    allowed: has('contacts.read'),
  },
  {
    to: '/n/$networkId/verwaltung/benutzer',
    suffix: 'verwaltung/benutzer',
    group: 'admin',
    label: 'nav.members',
    icon: 'account-circle',
    allowed: has('members.read'),
  },
  {
    to: '/n/$networkId/verwaltung/protokoll',
    suffix: 'verwaltung/protokoll',
    group: 'admin',
    label: 'nav.audit',
    icon: 'checklist',
    allowed: has('audit.read'),
  },
  {
    to: '/n/$networkId/verwaltung/postausgang',
    suffix: 'verwaltung/postausgang',
    group: 'admin',
    label: 'nav.outbox',
    icon: 'mail',
    allowed: has('outbox.read'),
  },
  {
    to: '/n/$networkId/verwaltung/einstellungen',
    suffix: 'verwaltung/einstellungen',
    group: 'admin',
    label: 'nav.settings',
    icon: 'edit',
    allowed: (n, me) => n.permissions.includes('network.manage') || me.platformAdmin,
  },
  {
    to: '/n/$networkId/verwaltung/oeffentliche-seite',
    suffix: 'verwaltung/oeffentliche-seite',
    group: 'admin',
    label: 'nav.publicSite',
    icon: 'language',
    allowed: has('public.manage'),
  },
  {
    to: '/n/$networkId/verwaltung/aufbewahrung',
    suffix: 'verwaltung/aufbewahrung',
    group: 'admin',
    label: 'nav.contactsRetention',
    icon: 'autorenew',
    allowed: has('contacts.manage'),
  },
  {
    to: '/n/$networkId/vertrag',
    suffix: 'vertrag',
    group: 'contract',
    label: 'nav.contractVersions',
    icon: 'content-copy',
    allowed: has('contract.read'),
  },
  {
    to: '/n/$networkId/vertrag/handlungsfelder',
    suffix: 'vertrag/handlungsfelder',
    group: 'contract',
    label: 'nav.contractFields',
    icon: 'check',
    allowed: has('contract.read'),
  },
  {
    to: '/n/$networkId/vertrag/zustaendigkeit',
    suffix: 'vertrag/zustaendigkeit',
    group: 'contract',
    label: 'nav.contractScope',
    icon: 'search',
    allowed: has('contract.read'),
  },
  {
    to: '/n/$networkId/vertrag/katalog',
    suffix: 'vertrag/katalog',
    group: 'contract',
    label: 'nav.contractCatalogue',
    icon: 'checklist',
    allowed: has('contract.read'),
  },
];
