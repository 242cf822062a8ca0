import { ErrorBody } from '../../../contracts/common.js';

/** The error answers a route of the work programme may give (as steering.http.ts for steering). */
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
