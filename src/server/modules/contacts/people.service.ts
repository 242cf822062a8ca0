import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { insertPerson } from './contacts.repository.js';

/*
 * STAND-IN of the privacy branch (c4-privacy) until the people part (c2-people) is merged: only
 * "Person anlegen", so the privacy browser journey can start from a person. At the merge the people
 * part's own people.service.ts and people.routes.ts replace this file and the route as a whole.
 */
export async function createPerson(
  deps: Deps,
  actor: NetworkActor,
  input: {
    salutation?: 'Frau' | 'Herr' | 'divers' | 'none';
    firstName?: string;
    lastName: string;
    email?: string | null;
    legalBasis?: 'public_task' | 'consent';
  },
): Promise<{ id: string }> {
  authorize(actor.role, 'contacts.manage');
  return deps.db.transaction(async (tx) => {
    const p = await insertPerson(tx, {
      networkId: actor.networkId,
      salutation: input.salutation ?? 'none',
      firstName: input.firstName ?? '',
      lastName: input.lastName,
      email: input.email ?? null,
      legalBasis: input.legalBasis ?? 'public_task',
      createdBy: actor.userId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'person',
      entityId: p.id,
      summary: `Person „${`${p.firstName} ${p.lastName}`.trim()}“ angelegt`,
      after: { firstName: p.firstName, lastName: p.lastName, email: p.email, legalBasis: p.legalBasis },
    });
    return { id: p.id };
  });
}
