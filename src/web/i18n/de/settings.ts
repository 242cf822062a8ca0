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
    municipalitiesTitle: 'Kommunen',
    municipalitiesIntro:
      'Die Städte und Gemeinden der Bildungsregion. Im Adressbuch werden Einrichtungen einer Kommune zugeordnet und danach gefiltert.',
    municipalitiesTable: 'Kommunen mit Regionalschlüssel',
    municipalitiesNone: 'Noch keine Kommunen eingetragen.',
    municipalityActions: 'Aktionen',
    municipalityAddTitle: 'Kommune hinzufügen',
    municipalityName: 'Name der Kommune',
    municipalityAdd: 'Kommune hinzufügen',
    municipalityKeyHint: '8 Ziffern, beginnt mit {{regionKey}}, z. B. {{regionKey}}032',
    municipalityAdded: '„{{name}}“ ist hinzugefügt.',
    municipalityRename: 'Umbenennen',
    municipalityRenameOf: '„{{name}}“ umbenennen',
    municipalityRenameTitle: 'Kommune {{regionKey}} umbenennen',
    municipalityRenamed: 'Der neue Name „{{name}}“ ist gespeichert.',
    municipalityRemove: 'Entfernen',
    municipalityRemoveOf: '„{{name}}“ entfernen',
    municipalityRemoveTitle: '„{{name}}“ entfernen?',
    municipalityRemoveText:
      'Eine Kommune, der noch Einrichtungen zugeordnet sind, lässt sich nicht entfernen. Ordnen Sie diese Einrichtungen vorher einer anderen Kommune zu.',
    municipalityRemoved: '„{{name}}“ ist entfernt.',
  },
};
