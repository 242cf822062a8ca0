export const eventsPlanning = {
  eventsPlanning: {
    title: 'Events',
    eventTitle: 'Event',
    publicTitle: 'Events',
  },
};
