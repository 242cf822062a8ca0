export const eventsRegistration = {
  eventsRegistration: {
    title: 'Registrations',
    publicTitle: 'Registration',
    invitationTitle: 'Your invitation',
    mineTitle: 'Your registration',
  },
};
