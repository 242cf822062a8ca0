import { ErrorBody } from '../../../contracts/common.js';

/** The error answers every steering route may give, and the OpenAPI tag of the module's routes. */
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  410: ErrorBody,
  422: ErrorBody,
};
export const tags = ['Lenkungskreis'];
