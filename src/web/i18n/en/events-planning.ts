export const eventsPlanning = {
  eventsPlanning: {
    title: 'Events',
    eventTitle: 'Event',
    publicTitle: 'Events',
    tabs: {
      label: 'Parts of the event',
      overview: 'Overview',
      programme: 'Programme',
      invitations: 'Invitations',
      registrations: 'Registrations',
      checkin: 'Check-in',
      documentation: 'Documentation',
      evaluation: 'Evaluation',
    },
  },
};
