import { DomainError } from '../../src/server/http/errors.js';

/** For table-driven rule tests: the code of the DomainError a rule throws, or 'ok' when it passes. */
export function errorCodeOf(rule: () => unknown): string {
  try {
    rule();
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}
