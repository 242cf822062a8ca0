/** The address book's institutions (Netzwerk). */
export const contactsInstitutions = {
  contactsInstitutions: {
    title: 'Einrichtungen',
  },
};
