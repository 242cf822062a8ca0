/** The address book's people (Netzwerk). */
export const contactsPeople = {
  contactsPeople: {
    title: 'People',
  },
};
