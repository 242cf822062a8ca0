/** The address book's privacy (Netzwerk). */
export const contactsPrivacy = {
  contactsPrivacy: {
    title: 'Aufbewahrung & Löschung',
  },
};
