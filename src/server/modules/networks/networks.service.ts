import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/common.js';
import type {
  Invitation,
  InvitationPreview,
  Me,
  Member,
  NetworkDetail,
  NetworkSummary,
  SetupInput,
} from '../../../contracts/networks.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Actor, Deps, NetworkActor } from '../../lib/context.js';
import { hashToken, newToken } from '../../lib/tokens.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../auth/auth.js';
import { account, user } from '../auth/auth.tables.js';
import { describeFiles } from '../files/files.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { seedBodies } from '../structure/structure.service.js';
import { assertKeepsAnAdmin, authorize, permissionsOf } from './networks.policy.js';
import { slugFor } from './networks.rules.js';
import { invitation, membership, network, platformAdmin } from './networks.tables.js';

export const roleLabel: Record<Role, string> = {
  admin: 'Administration',
  office: 'Bildungsbüro',
  committee: 'Mitglied des Lenkungskreises',
  guest: 'Gast (beratend)',
  partner: 'Netzwerkpartner',
};

export async function setupNeeded(deps: Deps): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(user);
  return (row?.n ?? 0) === 0;
}

/**
 * Creates an account with a password as better-auth stores one (user row + credential account with an
 * argon2id hash), inside the caller's transaction so that the account and what it is for (the first
 * network, an accepted invitation) are written together or not at all.
 */
export async function createAccount(tx: Db, input: { name: string; email: string; password: string }) {
  const id = randomBytes(16).toString('base64url');
  const [created] = await tx
    .insert(user)
    .values({ id, name: input.name, email: input.email.toLowerCase(), emailVerified: true })
    .returning();
  await tx.insert(account).values({
    id: randomBytes(16).toString('base64url'),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: await hashPassword(input.password),
  });
  return created!;
}

/**
 * First run: the first administrator and the first network. Refused once any account exists, so the
 * setup form cannot be used to take over an installation.
 */
export async function runSetup(
  deps: Deps,
  input: SetupInput & { admin: { email: string } },
): Promise<{ networkId: string }> {
  // An advisory lock makes two simultaneous setup requests (two browser tabs, two instances) safe.
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7470002)`);
    const [existing] = await tx.select({ n: count() }).from(user);
    if ((existing?.n ?? 0) > 0) {
      throw new DomainError(
        'setup.already_done',
        'Die Einrichtung ist bereits abgeschlossen. Bitte melden Sie sich an.',
        'conflict',
      );
    }
    const created = await createAccount(tx, input.admin);
    await tx.insert(platformAdmin).values({ userId: created.id });
    const networkId = await insertNetwork(tx, { userId: created.id, name: created.name }, input.network);
    return { networkId };
  });
}

/** The first free public address for a network's name: hochsauerlandkreis, hochsauerlandkreis-2, … */
async function freeSlug(tx: Db, name: string): Promise<string> {
  const base = slugFor(name);
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    const [taken] = await tx.select({ id: network.id }).from(network).where(eq(network.slug, candidate));
    if (!taken) return candidate;
  }
}

async function insertNetwork(
  tx: Db,
  actor: { userId: string; name: string },
  input: { name: string; regionKey: string },
) {
  const [row] = await tx
    .insert(network)
    .values({ name: input.name, regionKey: input.regionKey, slug: await freeSlug(tx, input.name) })
    .returning();
  await tx.insert(membership).values({ networkId: row!.id, userId: actor.userId, role: 'admin' });
  // Every network has the same three bodies (§ 78a SchulG NRW); the office can reword them later.
  await seedBodies(tx, row!.id);
  const audit = { userId: actor.userId, name: actor.name, networkId: row!.id };
  await recordAudit(tx, audit, {
    action: 'create',
    entityType: 'network',
    entityId: row!.id,
    summary: `Bildungsnetzwerk „${row!.name}“ angelegt`,
    after: { name: row!.name, regionKey: row!.regionKey },
  });
  await recordAudit(tx, audit, {
    action: 'create',
    entityType: 'membership',
    entityId: actor.userId,
    summary: `${actor.name} als Administration eingetragen`,
    after: { role: 'admin' },
  });
  return row!.id;
}

export async function isPlatformAdmin(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select().from(platformAdmin).where(eq(platformAdmin.userId, userId));
  return Boolean(row);
}

export async function createNetwork(deps: Deps, actor: Actor, input: { name: string; regionKey: string }) {
  if (!(await isPlatformAdmin(deps.db, actor.userId))) {
    throw new DomainError(
      'forbidden',
      'Neue Bildungsnetzwerke legt nur der Betrieb der Installation an.',
      'forbidden',
    );
  }
  const networkId = await deps.db.transaction((tx) => insertNetwork(tx, actor, input));
  return getNetwork(deps, { ...actor, networkId, role: 'admin', requestId: '', twoFactorEnabled: false });
}

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

/** The signed-in person with their networks: one query, as it runs on every page load. */
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
    secondFactorRequiredBy: session.twoFactorEnabled
      ? []
      : memberOf.filter(([, m]) => m.requireSecondFactor).map(([id]) => id),
  };
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

const INVITATION_DAYS = 14;

type InvitationRow = typeof invitation.$inferSelect;
const invitationDto = (r: InvitationRow): Invitation => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  status: r.status,
  expiresAt: r.expiresAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

export async function listInvitations(deps: Deps, actor: NetworkActor): Promise<Invitation[]> {
  authorize(actor.role, 'members.manage');
  const rows = await deps.db
    .select()
    .from(invitation)
    .where(eq(invitation.networkId, actor.networkId))
    .orderBy(sql`${invitation.createdAt} desc`);
  return rows.map(invitationDto);
}

/** Invites a person by e-mail; the mail with the personal link goes out through the outbox. */
export async function inviteMember(
  deps: Deps,
  actor: NetworkActor,
  input: { email: string; name: string; role: Role },
): Promise<Invitation> {
  authorize(actor.role, 'members.manage');
  const token = newToken();
  return deps.db.transaction(async (tx) => {
    const [n] = await tx.select().from(network).where(eq(network.id, actor.networkId));
    const [already] = await tx
      .select({ userId: membership.userId })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(and(eq(membership.networkId, actor.networkId), sql`lower(${user.email}) = ${input.email}`));
    if (already) {
      throw new DomainError(
        'invitations.already_member',
        'Diese Person gehört dem Bildungsnetzwerk bereits an.',
        'conflict',
      );
    }
    const [pending] = await tx
      .select({ id: invitation.id })
      .from(invitation)
      .where(
        and(
          eq(invitation.networkId, actor.networkId),
          eq(invitation.status, 'pending'),
          sql`lower(${invitation.email}) = ${input.email}`,
        ),
      );
    if (pending) {
      throw new DomainError(
        'invitations.already_pending',
        'An diese Adresse ist bereits eine Einladung unterwegs. Widerrufen Sie sie, um neu einzuladen.',
        'conflict',
      );
    }
    const [row] = await tx
      .insert(invitation)
      .values({
        networkId: actor.networkId,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    const link = `${deps.config.baseUrl}/einladung/${token}`;
    await enqueueMail(tx, {
      networkId: actor.networkId,
      to: input.email,
      toName: input.name,
      subject: `Einladung: ${n!.name}`,
      text: [
        `Guten Tag ${input.name},`,
        '',
        `${actor.name} lädt Sie in das ${n!.name} ein, Rolle: ${roleLabel[input.role]}.`,
        `Mit diesem persönlichen Link nehmen Sie die Einladung an (${INVITATION_DAYS} Tage gültig):`,
        link,
        '',
        'Wenn Sie diese Einladung nicht erwartet haben, können Sie die E-Mail ignorieren.',
      ].join('\n'),
      sensitive: true,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'invitation',
      entityId: row!.id,
      summary: `${input.name} <${input.email}> als ${roleLabel[input.role]} eingeladen`,
      after: { email: input.email, name: input.name, role: input.role },
    });
    return invitationDto(row!);
  });
}

export async function revokeInvitation(deps: Deps, actor: NetworkActor, invitationId: string): Promise<void> {
  authorize(actor.role, 'members.manage');
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitation)
      .where(and(eq(invitation.id, invitationId), eq(invitation.networkId, actor.networkId)))
      .for('update');
    if (!row) throw notFound('Die Einladung');
    if (row.status !== 'pending') {
      throw new DomainError('invitations.not_pending', 'Diese Einladung ist nicht mehr offen.', 'conflict');
    }
    await tx.update(invitation).set({ status: 'revoked' }).where(eq(invitation.id, row.id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'invitation',
      entityId: row.id,
      summary: `Einladung an ${row.email} widerrufen`,
      before: { status: 'pending' },
      after: { status: 'revoked' },
    });
  });
}

async function openInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ i: invitation, networkName: network.name })
    .from(invitation)
    .innerJoin(network, eq(network.id, invitation.networkId))
    .where(eq(invitation.tokenHash, hashToken(token)));
  if (row?.i.status !== 'pending' || row.i.expiresAt < now) {
    // A link that worked once (expired, revoked, accepted) is gone (410); an unknown one is not found.
    throw new DomainError(
      'invitations.invalid',
      'Diese Einladung ist ungültig, abgelaufen oder wurde bereits angenommen. Bitten Sie das Bildungsbüro um eine neue.',
      row ? 'gone' : 'not_found',
    );
  }
  return row;
}

export async function previewInvitation(deps: Deps, token: string): Promise<InvitationPreview> {
  const { i, networkName } = await openInvitation(deps.db, token, deps.now());
  const [u] = await deps.db
    .select({ id: user.id })
    .from(user)
    .where(sql`lower(${user.email}) = lower(${i.email})`);
  return { networkName, email: i.email, name: i.name, role: i.role, accountExists: Boolean(u) };
}

/**
 * Accepts an invitation: creates the account when the address has none (name and password needed),
 * otherwise requires the invited account to be signed in. Membership, invitation status and audit
 * are written in one transaction.
 */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  signedIn: Actor | null,
  input: { name?: string; password?: string },
): Promise<{ networkId: string }> {
  const { i } = await openInvitation(deps.db, token, deps.now());
  const [existing] = await deps.db.select().from(user).where(sql`lower(${user.email}) = lower(${i.email})`);
  if (existing && (!signedIn || signedIn.userId !== existing.id)) {
    throw new DomainError(
      'invitations.sign_in_required',
      `Für ${i.email} gibt es bereits ein Konto. Bitte melden Sie sich damit an und öffnen Sie den Link erneut.`,
      'unauthenticated',
    );
  }
  const password = input.password;
  const name = input.name;
  if (!existing && (!name || !password)) {
    throw new DomainError(
      'invitations.account_data_required',
      'Bitte geben Sie Ihren Namen und ein Passwort mit mindestens 10 Zeichen an.',
      'invalid',
    );
  }
  await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(invitation).where(eq(invitation.id, i.id)).for('update');
    if (locked?.status !== 'pending') {
      throw new DomainError('invitations.invalid', 'Diese Einladung wurde bereits angenommen.', 'conflict');
    }
    const member =
      existing ?? (await createAccount(tx, { name: name!, email: i.email, password: password! }));
    await tx
      .update(invitation)
      .set({ status: 'accepted', acceptedAt: deps.now() })
      .where(eq(invitation.id, i.id));
    await recordAudit(
      tx,
      { userId: member.id, name: member.name, networkId: i.networkId },
      {
        action: 'update',
        entityType: 'invitation',
        entityId: i.id,
        summary: `Einladung an ${i.email} angenommen`,
        before: { status: 'pending' },
        after: { status: 'accepted' },
      },
    );
    await tx
      .insert(membership)
      .values({ networkId: i.networkId, userId: member.id, role: i.role })
      .onConflictDoNothing();
    await recordAudit(
      tx,
      { userId: member.id, name: member.name, networkId: i.networkId },
      {
        action: 'create',
        entityType: 'membership',
        entityId: member.id,
        summary: `${member.name} hat die Einladung als ${roleLabel[i.role]} angenommen`,
        after: { role: i.role },
      },
    );
  });
  return { networkId: i.networkId };
}

export async function networkName(deps: Deps, networkId: string): Promise<string | null> {
  const [n] = await deps.db.select({ name: network.name }).from(network).where(eq(network.id, networkId));
  return n?.name ?? null;
}
