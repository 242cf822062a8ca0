import type { Role } from '../../../contracts/common.js';
import type { Me, NetworkSummary } from '../../../contracts/networks.js';
import type { Actor } from '../../lib/context.js';
import { permissionsOf } from './networks.policy.js';

/**
 * The signed-in person with their networks, built from what the request's session lookup already read
 * (http/session.ts): the UI asks for it on every page, so it costs no query of its own.
 */
export function meOf(session: {
  actor: Actor;
  twoFactorEnabled: boolean;
  platformAdmin: boolean;
  memberships: Map<
    string,
    { role: Role; requireSecondFactor: boolean; name: string; regionKey: string; slug: string | null }
  >;
  lastNetworkId?: string | null;
}): Me {
  const memberOf = [...session.memberships];
  const networks: NetworkSummary[] = memberOf.map(([id, m]) => ({
    id,
    name: m.name,
    regionKey: m.regionKey,
    slug: m.slug,
    role: m.role,
    permissions: permissionsOf(m.role),
  }));
  return {
    user: {
      id: session.actor.userId,
      name: session.actor.name,
      email: session.actor.email,
      twoFactorEnabled: session.twoFactorEnabled,
    },
    platformAdmin: session.platformAdmin,
    networks,
    lastNetworkId: session.lastNetworkId ?? null,
    secondFactorRequiredBy: session.twoFactorEnabled
      ? []
      : memberOf.filter(([, m]) => m.requireSecondFactor).map(([id]) => id),
  };
}
