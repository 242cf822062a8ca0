export const eventsRegistration = {
  eventsRegistration: {
    title: 'Anmeldungen',
    publicTitle: 'Anmeldung',
    invitationTitle: 'Ihre Einladung',
    mineTitle: 'Ihre Anmeldung',
  },
};
