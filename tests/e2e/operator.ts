/**
 * The installation's operator (county IT), created by global-setup.ts through the first-run setup.
 * Only the operator may create networks; each journey's fixture asks it for one.
 */
export const OPERATOR = {
  name: 'Olaf Betrieb',
  email: 'betrieb@example.org',
  password: 'Betrieb-Kreis-IT-1',
  network: { name: 'Bildungsnetzwerk der Kreis-IT', regionKey: '05900' },
};
