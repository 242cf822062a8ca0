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
  },
};
