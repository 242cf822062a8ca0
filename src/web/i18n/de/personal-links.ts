/** Personal links: the page for a link that no longer applies, the calendar link, answers the office records. */
export const personalLinks = {
  personalLinks: {
    goneTitle: 'Dieser Link gilt nicht mehr',
    gone: {
      procedure_closed:
        'Die Frist dieses Umlaufverfahrens ist abgelaufen; eine Antwort über diesen Link ist nicht mehr möglich. Das Ergebnis erhalten Sie per E-Mail.',
      meeting_over: 'Diese Sitzung ist vorbei; der persönliche Link zur Rückmeldung gilt nicht mehr.',
      term_ended:
        'Ihre Amtszeit im Lenkungskreis ist beendet; dieser persönliche Link gilt deshalb nicht mehr.',
      replaced:
        'Dieser Link wurde durch einen neuen ersetzt. Verwenden Sie den Link aus der neuesten E-Mail.',
    },
    goneHelp: 'Bei Fragen wenden Sie sich bitte an das Regionale Bildungsbüro.',
    calendarTitle: 'Kalender-Abo für den Lenkungskreis',
    calendarIntro:
      'Mit einem persönlichen Link abonnieren Sie die Sitzungen des Lenkungskreises in Ihrem Kalender (zum Beispiel Outlook, Thunderbird oder auf dem Smartphone). Der Link wird nur einmal angezeigt. Erzeugen Sie einen neuen, gilt der alte sofort nicht mehr.',
    calendarNone: 'Sie gehören keinem Lenkungskreis an; ein Kalender-Abo gibt es nur für Mitglieder.',
    calendarActive: 'Für {{network}} besteht ein Kalender-Abo-Link.',
    calendarMissing: 'Für {{network}} besteht noch kein Kalender-Abo-Link.',
    create: 'Kalender-Abo-Link erzeugen',
    rotate: 'Kalender-Abo-Link neu erzeugen',
    newLink: 'Ihr neuer Kalender-Abo-Link für {{network}}',
    newLinkHint: 'Kopieren Sie den Link jetzt in Ihren Kalender. Er wird nicht noch einmal angezeigt.',
    created: 'Der neue Kalender-Abo-Link ist erzeugt. Frühere Links gelten nicht mehr.',
    channel: 'Eingang',
    channels: { link: 'persönlicher Link', phone: 'telefonisch', paper: 'auf Papier' },
    recordedBy: '{{channel}}, erfasst durch {{name}}',
    recordTitle: 'Antworten eintragen, die telefonisch oder auf Papier eingingen',
    recordIntro:
      'Der persönliche Link gilt nur für das Mitglied selbst. Ging eine Antwort telefonisch oder auf Papier ein, tragen Sie sie hier ein; sie wird mit Ihrem Namen als „erfasst durch“ vermerkt.',
    recordFor: 'Antwort von {{name}}',
    stance: 'Antwort',
    chooseStance: '– bitte wählen –',
    reason: 'Begründung (bei einem Einwand erforderlich)',
    submit: 'Antwort eintragen',
    recorded: 'Die Antwort von {{name}} ist eingetragen.',
    replyRecordTitle: 'Rückmeldung eintragen',
    replyFor: 'Rückmeldung von {{name}}',
    replySubmit: 'Eintragen',
    replyRecorded: 'Die Rückmeldung von {{name}} ist eingetragen.',
  },
};
