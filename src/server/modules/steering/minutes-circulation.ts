import { asc, eq } from 'drizzle-orm';
import type { AudiencePreview } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { authorize } from '../networks/networks.policy.js';
import { loadMeeting } from './meetings.service.js';
import { committeeMember } from './steering.tables.js';

/** Who receives circulated minutes: the committee's members; those without an address are named. */
export async function circulationAudience(db: Db, networkId: string) {
  return db
    .select()
    .from(committeeMember)
    .where(eq(committeeMember.networkId, networkId))
    .orderBy(asc(committeeMember.name));
}

/** What "in Umlauf geben" would send, person by person, before anything goes out. */
export async function previewCirculation(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
): Promise<AudiencePreview> {
  authorize(actor.role, 'steering.manage');
  const m = await loadMeeting(deps.db, actor, meetingId);
  const members = await circulationAudience(deps.db, actor.networkId);
  return {
    what: 'Entwurf der Niederschrift',
    blocked: m.status === 'minutes_drafted' ? null : 'Es gibt keinen Entwurf, der umlaufen könnte.',
    recipients: members.map((x) => ({
      name: x.name,
      email: x.email,
      role: x.deputyOf ? 'deputy' : x.voting ? 'member' : 'nonvoting',
      receives: 'Entwurf der Niederschrift als PDF zur Durchsicht',
      unreachable: x.email ? null : 'keine E-Mail-Adresse hinterlegt: bitte auf Papier zustellen',
    })),
  };
}
