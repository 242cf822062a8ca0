import type { settings as de } from '../de/settings';
import type { Shape } from '../shape';

/** Network settings. */
export const settings: Shape<typeof de> = {
  settings: {
    title: 'Settings',
    networkTitle: 'Education network',
    regionKey: 'Regional key',
    createdAt: 'Created on',
    requireSecondFactor: 'Require a second factor for everyone',
    requireSecondFactorHint:
      'Members without a second factor are asked to set it up before they open the network.',
    newNetworkTitle: 'Create a new education network',
    newNetworkIntro: 'As platform administrator you can create further education networks.',
    create: 'Create education network',
    created: '“{{name}}” has been created.',
    openNew: 'Open “{{name}}”',
    municipalitiesTitle: 'Municipalities',
    municipalitiesIntro:
      'The towns and municipalities of the education region. The address book files institutions under a municipality and filters by it.',
    municipalitiesTable: 'Municipalities with region key',
    municipalitiesNone: 'No municipalities entered yet.',
    municipalityActions: 'Actions',
    municipalityAddTitle: 'Add a municipality',
    municipalityName: 'Name of the municipality',
    municipalityAdd: 'Add municipality',
    municipalityKeyHint: '8 digits, starting with {{regionKey}}, e.g. {{regionKey}}032',
    municipalityAdded: '“{{name}}” has been added.',
    municipalityRename: 'Rename',
    municipalityRenameOf: 'Rename “{{name}}”',
    municipalityRenameTitle: 'Rename municipality {{regionKey}}',
    municipalityRenamed: 'The new name “{{name}}” has been saved.',
    municipalityRemove: 'Remove',
    municipalityRemoveOf: 'Remove “{{name}}”',
    municipalityRemoveTitle: 'Remove “{{name}}”?',
    municipalityRemoveText:
      'A municipality that institutions are still filed under cannot be removed. File those institutions under another municipality first.',
    municipalityRemoved: '“{{name}}” has been removed.',
  },
};
