/**
 * The address book's public face for other modules (steering links committee members and guests to
 * their person). Only what other modules need; the parts' own services stay private to the module.
 */
export { fold } from './fold.rules.js';
export { linkPerson } from './person-link.service.js';
export { institutionsInMunicipalities, refreshInstitutionSearch } from './records.service.js';
