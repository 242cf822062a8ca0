/**
 * The address book's public face for other modules (steering links committee members and guests to
 * their person). Only what other modules need; the parts' own services stay private to the module.
 */

export { linkPerson } from './person-link.service.js';
export { listNames, mailRecipients, peopleCandidates } from './recipients.service.js';
export { institutionsInMunicipalities, refreshInstitutionSearch } from './records.service.js';
