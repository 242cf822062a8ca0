export const eventsPlanning = {
  eventsPlanning: {
    title: 'Veranstaltungen',
    eventTitle: 'Veranstaltung',
    publicTitle: 'Veranstaltungen',
  },
};
