export const eventsInvitations = {
  eventsInvitations: {
    title: 'Invitations',
  },
};
