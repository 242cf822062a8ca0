import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../contracts/common.js';
import type { NetworkDetail } from '../../../contracts/networks.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { describeFiles } from '../files/files.service.js';
import { authorize, permissionsOf } from './networks.policy.js';
import { membership, network } from './networks.tables.js';

/** A network's own record and settings, and a person's role in it. */
/** The role of a user in a network, or null when they are not a member (→ "not found"). */
export async function findRole(
  db: Db,
  networkId: string,
  userId: string,
): Promise<{ role: Role; requireSecondFactor: boolean } | null> {
  const [row] = await db
    .select({ role: membership.role, requireSecondFactor: network.requireSecondFactor })
    .from(membership)
    .innerJoin(network, eq(network.id, membership.networkId))
    .where(and(eq(membership.networkId, networkId), eq(membership.userId, userId)));
  return row ?? null;
}

/**
 * Remembers that the person opened this network's pages, so that the next sign-in lands there.
 * Not audited: it is a convenience of the person's own, not a change of the network's records.
 */
export async function markNetworkOpened(deps: Deps, actor: NetworkActor): Promise<void> {
  await deps.db
    .update(membership)
    .set({ lastOpenedAt: deps.now() })
    .where(and(eq(membership.networkId, actor.networkId), eq(membership.userId, actor.userId)));
}

/** Images pdfkit and Word both embed. */
const LOGO_TYPES = ['image/png', 'image/jpeg'];

export async function getNetwork(deps: Deps, actor: NetworkActor): Promise<NetworkDetail> {
  const [n] = await deps.db.select().from(network).where(eq(network.id, actor.networkId));
  if (!n) throw notFound('Das Bildungsnetzwerk');
  return {
    id: n.id,
    name: n.name,
    regionKey: n.regionKey,
    slug: n.slug,
    requireSecondFactor: n.requireSecondFactor,
    logoFileId: n.logoFileId,
    createdAt: n.createdAt.toISOString(),
    role: actor.role,
    permissions: permissionsOf(actor.role),
  };
}

export async function updateNetwork(
  deps: Deps,
  actor: NetworkActor,
  patch: { name?: string; requireSecondFactor?: boolean; logoFileId?: string | null },
): Promise<NetworkDetail> {
  authorize(actor.role, 'network.manage');
  if (patch.logoFileId) {
    const file = (await describeFiles(deps.db, actor.networkId, [patch.logoFileId])).get(patch.logoFileId);
    if (!file || !LOGO_TYPES.includes(file.mimeType)) {
      throw new DomainError(
        'networks.logo_not_image',
        'Als Logo eignet sich eine PNG- oder JPEG-Datei aus den Dokumenten dieses Bildungsnetzwerks.',
        'invalid',
      );
    }
  }
  if (patch.requireSecondFactor && !actor.twoFactorEnabled) {
    // Otherwise the administrator would lock themselves out of the settings they just changed.
    throw new DomainError(
      'networks.own_second_factor_first',
      'Richten Sie zuerst unter „Konto“ Ihren eigenen zweiten Faktor ein, bevor Sie ihn für alle verlangen.',
      'conflict',
    );
  }
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(network).where(eq(network.id, actor.networkId)).for('update');
    const [after] = await tx
      .update(network)
      .set({ ...patch, updatedAt: deps.now() })
      .where(eq(network.id, actor.networkId))
      .returning();
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'network',
      entityId: actor.networkId,
      summary: 'Einstellungen des Bildungsnetzwerks geändert',
      before: {
        name: before!.name,
        requireSecondFactor: before!.requireSecondFactor,
        logoFileId: before!.logoFileId,
      },
      after: {
        name: after!.name,
        requireSecondFactor: after!.requireSecondFactor,
        logoFileId: after!.logoFileId,
      },
    });
  });
  return getNetwork(deps, actor);
}

export async function networkName(deps: Deps, networkId: string): Promise<string | null> {
  const [n] = await deps.db.select({ name: network.name }).from(network).where(eq(network.id, networkId));
  return n?.name ?? null;
}
