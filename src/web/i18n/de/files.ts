/** Documents. */
export const files = {
  files: {
    title: 'Dokumente',
    tableCaption: 'Dokumente im Bildungsnetzwerk',
    name: 'Datei',
    size: 'Größe',
    uploaded: 'Hochgeladen',
    by: 'von {{name}}',
    visibility: 'Sichtbarkeit',
    visibilities: {
      public: 'Öffentlich',
      members: 'Lenkungskreis und Team',
      office: 'Nur Bildungsbüro',
    },
    visibilityHint:
      'Öffentlich: für alle über einen Link. Lenkungskreis und Team: angemeldete Benutzer aus Lenkungskreis, Bildungsbüro und Administration. Nur Bildungsbüro: intern.',
    uploadTitle: 'Dokument hochladen',
    file: 'Datei',
    fileHint: 'PDF, Office-Dokumente oder Bilder.',
    upload: 'Hochladen',
    uploaded_ok: '„{{name}}“ ist hochgeladen.',
    download: '{{name}} herunterladen',
    publicLink: 'Öffentlicher Link',
    changeVisibility: 'Sichtbarkeit von {{name}}',
    deleteLabel: '{{name}} löschen',
    deleteTitle: 'Dokument löschen?',
    deleteText: '„{{name}}“ wird endgültig gelöscht.',
    deleted: '„{{name}}“ ist gelöscht.',
    none: 'Noch keine Dokumente vorhanden.',
    chooseFile: 'Bitte wählen Sie eine Datei aus.',
  },
};
