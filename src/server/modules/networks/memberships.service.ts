import { and, asc, count, eq } from 'drizzle-orm';
import type { Role } from '../../../contracts/common.js';
import type { Member } from '../../../contracts/networks.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { user } from '../auth/auth.tables.js';
import { assertKeepsAnAdmin, authorize } from './networks.policy.js';
import { roleLabel } from './networks.rules.js';
import { membership, network } from './networks.tables.js';
import { findRole } from './settings.service.js';

/** The people of a network and their roles. */
export async function listMembers(deps: Deps, actor: NetworkActor): Promise<Member[]> {
  authorize(actor.role, 'members.read');
  const rows = await deps.db
    .select({ m: membership, u: user })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(membership.networkId, actor.networkId))
    .orderBy(asc(user.name));
  return rows.map(({ m, u }) => ({
    userId: u.id,
    name: u.name,
    email: u.email,
    role: m.role,
    twoFactorEnabled: Boolean(u.twoFactorEnabled),
    since: m.createdAt.toISOString(),
  }));
}

/**
 * The office staff of a network (accounts with the office role): in a meeting they may give advice,
 * which is recorded and never counts. Being staff does not make anyone a committee member.
 */
export async function officeStaffOf(
  db: Db,
  networkId: string,
): Promise<Array<{ userId: string; name: string; email: string }>> {
  return db
    .select({ userId: user.id, name: user.name, email: user.email })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.networkId, networkId), eq(membership.role, 'office')))
    .orderBy(asc(user.name));
}

async function lockMembership(tx: Db, actor: NetworkActor, userId: string) {
  const networkId = actor.networkId;
  // Locking the network row serialises concurrent role changes, so two admins cannot demote each
  // other at the same moment and leave the network without one. The actor's own role is read again
  // under the lock: a demotion that just committed takes effect at once.
  await tx.select({ id: network.id }).from(network).where(eq(network.id, networkId)).for('update');
  const current = await findRole(tx, networkId, actor.userId);
  authorize(current?.role ?? 'guest', 'members.manage');
  const [m] = await tx
    .select({ m: membership, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.networkId, networkId), eq(membership.userId, userId)));
  if (!m) throw notFound('Die Person');
  const [admins] = await tx
    .select({ n: count() })
    .from(membership)
    .where(and(eq(membership.networkId, networkId), eq(membership.role, 'admin')));
  return { m: m.m, name: m.name, adminCount: admins?.n ?? 0 };
}

export async function changeMemberRole(
  deps: Deps,
  actor: NetworkActor,
  userId: string,
  role: Role,
): Promise<Member> {
  authorize(actor.role, 'members.manage');
  await deps.db.transaction(async (tx) => {
    const { m, name, adminCount } = await lockMembership(tx, actor, userId);
    assertKeepsAnAdmin(adminCount, m.role === 'admin' && role !== 'admin');
    await tx
      .update(membership)
      .set({ role })
      .where(and(eq(membership.networkId, actor.networkId), eq(membership.userId, userId)));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'membership',
      entityId: userId,
      summary: `Rolle von ${name}: ${roleLabel[m.role]} → ${roleLabel[role]}`,
      before: { role: m.role },
      after: { role },
    });
  });
  const members = await listMembers(deps, { ...actor, role: actor.role });
  return members.find((x) => x.userId === userId)!;
}

export async function removeMember(deps: Deps, actor: NetworkActor, userId: string): Promise<void> {
  authorize(actor.role, 'members.manage');
  await deps.db.transaction(async (tx) => {
    const { m, name, adminCount } = await lockMembership(tx, actor, userId);
    assertKeepsAnAdmin(adminCount, m.role === 'admin');
    await tx
      .delete(membership)
      .where(and(eq(membership.networkId, actor.networkId), eq(membership.userId, userId)));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'membership',
      entityId: userId,
      summary: `${name} aus dem Bildungsnetzwerk entfernt`,
      before: { role: m.role },
    });
  });
}
