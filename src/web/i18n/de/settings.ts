/** Network settings. */
export const settings = {
  settings: {
    title: 'Einstellungen',
    networkTitle: 'Bildungsnetzwerk',
    regionKey: 'Regionalschlüssel',
    createdAt: 'Angelegt am',
    requireSecondFactor: 'Zweiten Faktor für alle verlangen',
    requireSecondFactorHint:
      'Benutzer ohne zweiten Faktor werden gebeten, ihn einzurichten, bevor sie das Bildungsnetzwerk öffnen.',
    newNetworkTitle: 'Neues Bildungsnetzwerk anlegen',
    newNetworkIntro: 'Als Plattform-Administration können Sie weitere Bildungsnetzwerke anlegen.',
    create: 'Bildungsnetzwerk anlegen',
    created: '„{{name}}“ ist angelegt.',
    openNew: '„{{name}}“ öffnen',
  },
};
