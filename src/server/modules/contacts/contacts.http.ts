import { ErrorBody } from '../../../contracts/common.js';

/** The error answers a route of the address book may give (as work.http.ts for the work programme). */
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

/** Who may call a route of the address book (declared on each route; the server checks before reading). */
export const read = { access: { permission: 'contacts.read' as const } };
export const manage = { access: { permission: 'contacts.manage' as const } };

/** The OpenAPI group of people and institutions. */
export const tags = ['Netzwerk: Personen und Einrichtungen'];
