/** Running a meeting, planning a year, and looking before a mass mail goes out (issue 8). */
export const meetingRun = {
  meetingRun: {
    opensLater: 'Eröffnen lässt sich die Sitzung ab {{when}} Uhr, eine Stunde vor Beginn.',
    moreActions: 'Weitere Aktionen',
    cancelHint:
      'Eine Absage geht an alle Eingeladenen (mit Kalender-Absage) und lässt sich nicht zurücknehmen.',
    step: 'Schritt {{n}}',
    attendance: {
      intro:
        'Vorausgefüllt aus den Antworten auf die Einladung: alle anwesend, wer die Stellvertretung schickt, ist vertreten, wer abgesagt hat, entschuldigt. Ändern Sie nur, was abweicht.',
      allPresent: 'Alle anwesend',
      statusOf: '{{name}}',
      reply: 'Antwort: {{reply}}',
      noReply: 'keine Antwort',
      summary:
        '{{present}} anwesend · {{represented}} vertreten · {{excused}} entschuldigt · {{absent}} abwesend',
      save: 'Anwesenheit speichern',
      change: 'Anwesenheit ändern',
    },
    round: {
      intro:
        'Standard: alle Stimmberechtigten stimmen zu. Erfassen Sie nur die Ausnahmen: einen Einwand (mit Begründung) oder eine Enthaltung.',
      exceptions: 'Positionen',
      stanceOf: 'Position von {{name}}',
      recordAllConsent: 'Alle stimmen zu – Ergebnis feststellen',
      recordWithExceptions: 'Ergebnis feststellen ({{count}} Ausnahme(n))',
      adviceTitle: 'Beratende Stimmen (zählen nicht)',
      adviceIntro:
        'Gäste, Mitglieder ohne Stimmrecht und das Bildungsbüro können sich äußern; ihr Rat wird in der Runde und in der Niederschrift festgehalten und zählt nie für den Beschluss.',
      adviceKinds: { guest: 'Gast', member: 'ohne Stimmrecht', office: 'Bildungsbüro' },
      adviceLabel: 'Rat von {{name}} ({{kind}})',
      adviceShown: 'Rat (beratend, zählt nicht)',
    },
    series: {
      open: 'Sitzungen für ein Jahr planen',
      title: 'Sitzungen für ein Jahr planen',
      intro:
        'Legen Sie die Termine des Jahres auf einmal an, zum Beispiel zwei Sitzungen. Jede Sitzung lässt sich danach einzeln verschieben oder absagen.',
      year: 'Jahr',
      meetingN: '{{n}}. Sitzung',
      titleN: 'Titel der {{n}}. Sitzung',
      dayN: 'Datum der {{n}}. Sitzung',
      add: 'Weiteren Termin hinzufügen',
      remove: '{{n}}. Termin entfernen',
      submit: 'Sitzungen anlegen',
      created: '{{count}} Sitzungen geplant: {{titles}}.',
      spring: 'Lenkungskreis Frühjahr {{year}}',
      autumn: 'Lenkungskreis Herbst {{year}}',
    },
  },
  massActions: {
    loading: 'Empfängerinnen und Empfänger werden ermittelt …',
    summary: '{{what}} an {{count}} Personen per E-Mail.',
    receivesTitle: 'Erhalten per E-Mail ({{count}})',
    unreachableTitle: 'Nicht per E-Mail erreichbar ({{count}})',
    roles: {
      member: 'Mitglied',
      nonvoting: 'Mitglied ohne Stimmrecht',
      deputy: 'Stellvertretung',
      guest: 'Gast (beratend)',
    },
    invitations: {
      title: 'Einladungen verschicken?',
      confirm: 'Jetzt verschicken',
      done: '{{what}} an {{count}} Personen versandt.',
      unreachable: '{{count}} nicht erreichbar: {{names}}.',
    },
    circulation: {
      title: 'Entwurf der Niederschrift in Umlauf geben?',
      confirm: 'In Umlauf geben',
      done: 'Entwurf der Niederschrift an {{count}} Mitglieder versandt.',
    },
    procedure: {
      title: 'Umlaufverfahren starten?',
      confirm: 'Starten und versenden',
      warning:
        'Schweigen gilt nicht als Zustimmung: Ohne die Antwort dieser Mitglieder kommt der Beschluss nicht zustande. Fragen Sie telefonisch oder auf Papier und tragen Sie die Antwort beim Verfahren ein.',
      done: 'Umlaufverfahren gestartet: Beschlussvorschlag an {{count}} Mitglieder versandt.',
    },
  },
};
