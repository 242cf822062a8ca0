/** The address book's import (Netzwerk). */
export const contactsImport = {
  contactsImport: {
    title: 'Import aus Excel und CSV',
  },
};
