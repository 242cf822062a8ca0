export const eventsInvitations = {
  eventsInvitations: {
    title: 'Einladungen',
  },
};
