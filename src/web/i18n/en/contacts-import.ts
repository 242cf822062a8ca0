/** The address book's import (Netzwerk). */
export const contactsImport = {
  contactsImport: {
    title: 'Import from Excel and CSV',
  },
};
