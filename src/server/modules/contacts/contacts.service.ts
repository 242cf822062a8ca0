import type { Db } from '../../db/client.js';
import { personByEmail } from './people.repository.js';

/**
 * The address book's public face for other modules (steering links committee members and guests to
 * their person). Only what other modules need; the parts' own services stay private to the module.
 */
export { fold } from './fold.rules.js';
export { personIdOfEmail } from './people.repository.js';
export { linkPerson, personNames } from './person-link.service.js';
export { listNames, mailRecipients, peopleCandidates } from './recipients.service.js';
export { institutionsInMunicipalities, refreshInstitutionSearch } from './records.service.js';

/** The live person of the address book with this e-mail, if any (events link registrations to it). */
export async function personIdByEmail(db: Db, networkId: string, email: string): Promise<string | null> {
  return (await personByEmail(db, networkId, email))?.id ?? null;
}
