/** The address book's lists (Netzwerk). */
export const contactsLists = {
  contactsLists: {
    title: 'Verteiler',
  },
};
