export const eventsPlanning = {
  eventsPlanning: {
    title: 'Veranstaltungen',
    eventTitle: 'Veranstaltung',
    publicTitle: 'Veranstaltungen',
    tabs: {
      label: 'Bereiche der Veranstaltung',
      overview: 'Überblick',
      programme: 'Programm',
      invitations: 'Einladungen',
      registrations: 'Anmeldungen',
      checkin: 'Einlass',
      documentation: 'Dokumentation',
      evaluation: 'Auswertung',
    },
  },
};
