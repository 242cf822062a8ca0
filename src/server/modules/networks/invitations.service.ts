import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/common.js';
import type { Invitation, InvitationPreview } from '../../../contracts/networks.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Actor, Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { user } from '../auth/auth.tables.js';
import { invitationLinkOf, linkForMail, mintLink, revokeInvitationLinks } from '../links/links.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from './networks.policy.js';
import { roleLabel } from './networks.rules.js';
import { invitation, membership, network } from './networks.tables.js';
import { createAccount } from './setup.service.js';

/**
 * Invitations to an account in a network. Their links are personal links (links.service.ts): minted when
 * the mail leaves or when the administration shows one, stored only as a hash.
 */
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
        invitedBy: actor.userId,
        expiresAt: new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    // A placeholder: the token is minted when the mail leaves, so the outbox never holds it.
    const link = await linkForMail(tx, {
      networkId: actor.networkId,
      purpose: 'account_invitation',
      invitationId: row!.id,
    });
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

/** The invitation of this network, locked for the change; 404 for any other. */
async function lockInvitation(tx: Db, networkId: string, invitationId: string) {
  const [row] = await tx
    .select()
    .from(invitation)
    .where(and(eq(invitation.id, invitationId), eq(invitation.networkId, networkId)))
    .for('update');
  if (!row) throw notFound('Die Einladung');
  return row;
}

export async function revokeInvitation(deps: Deps, actor: NetworkActor, invitationId: string): Promise<void> {
  authorize(actor.role, 'members.manage');
  await deps.db.transaction(async (tx) => {
    const row = await lockInvitation(tx, actor.networkId, invitationId);
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
  const link = await invitationLinkOf(db, token);
  const [row] = link?.invitationId
    ? await db
        .select({ i: invitation, networkName: network.name })
        .from(invitation)
        .innerJoin(network, eq(network.id, invitation.networkId))
        .where(eq(invitation.id, link.invitationId))
    : [];
  if (!row || link?.revokedAt || row.i.status !== 'pending' || row.i.expiresAt < now) {
    // A link that worked once (expired, revoked, replaced, accepted) is gone (410); an unknown one is
    // not found.
    throw new DomainError(
      'invitations.invalid',
      'Diese Einladung ist ungültig, abgelaufen oder wurde bereits angenommen. Bitten Sie das Bildungsbüro um eine neue.',
      row ? 'gone' : 'not_found',
    );
  }
  return row;
}

/**
 * A fresh link for an open invitation, shown once to the administration so that it can hand the link
 * over itself (no SMTP server, mail lost). Every earlier link of the invitation stops working, the one
 * in the invitation mail included; the audit records that a link was shown, never the link.
 */
export async function showInvitationLink(
  deps: Deps,
  actor: NetworkActor,
  invitationId: string,
): Promise<{ url: string; expiresAt: string }> {
  authorize(actor.role, 'members.manage');
  return deps.db.transaction(async (tx) => {
    const row = await lockInvitation(tx, actor.networkId, invitationId);
    if (row.status !== 'pending' || row.expiresAt < deps.now()) {
      throw new DomainError(
        'invitations.not_pending',
        'Diese Einladung ist nicht mehr offen. Laden Sie die Person neu ein.',
        'conflict',
      );
    }
    await revokeInvitationLinks(tx, row.id, deps.now());
    const url = await mintLink(tx, deps.config.baseUrl, {
      networkId: actor.networkId,
      purpose: 'account_invitation',
      invitationId: row.id,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'invitation',
      entityId: row.id,
      summary: `Einladungslink für ${row.email} angezeigt; frühere Links der Einladung gelten nicht mehr`,
    });
    return { url, expiresAt: row.expiresAt.toISOString() };
  });
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
