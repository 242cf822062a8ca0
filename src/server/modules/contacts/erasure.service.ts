import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDay } from '../../lib/format.js';
import { auditActorOf, auditEntriesAbout, recordAudit, redactAuditEntries } from '../audit/audit.service.js';
import { anonymisePersonInEvents } from '../events/events.service.js';
import { revokePersonLinks } from '../links/links.service.js';
import { redactMailsTo } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { anonymiseGuestsOf, committeeMembershipsOf } from '../steering/steering.service.js';
import { type PersonRow, personById } from './contacts.repository.js';
import * as repo from './privacy.repository.js';
import { ERASED_NAME, redactOwnRecord, redactText, redactValue, secretsOf } from './privacy.rules.js';

/*
 * Erasure (Art. 17 DSGVO) that keeps counts true: the person's row stays, emptied ("Gelöschte Person"),
 * so a meeting still had its 12 guests and a list mail its 40 recipients. Decision on consents: they
 * are KEPT as anonymous evidence rows (purpose, dates, channel, text version; nothing personal in them
 * once the person row is empty), because the network must be able to show that it mailed people only
 * with consent and stopped when they withdrew (Art. 7(1) DSGVO).
 */

/** Why a person may not be erased (yet), or null. */
export async function erasureBlockedBy(db: Db, networkId: string, p: PersonRow): Promise<string | null> {
  const memberships = await committeeMembershipsOf(db, networkId, p.id);
  if (memberships.length > 0) {
    const m = memberships[0]!;
    const term = m.termTo
      ? `von ${formatDay(m.termFrom)} bis ${formatDay(m.termTo)}`
      : `seit ${formatDay(m.termFrom)}`;
    return `Die Person ist Mitglied im Lenkungskreis (${m.name}, ${term}). Mitgliedschaften im Lenkungskreis werden für die Niederschriften aufbewahrt; eine Löschung ist nicht möglich.`;
  }
  if (p.userId) {
    return 'Die Person hat ein Benutzerkonto in diesem Netzwerk. Entfernen Sie zuerst das Konto unter Mitglieder.';
  }
  return null;
}

/** The erasure itself, in the caller's transaction (the route's and the retention clean-up's). */
export async function erasePersonIn(
  tx: Db,
  actor: { userId: string | null; name: string | null; networkId: string; requestId?: string },
  p: PersonRow,
  reason: string,
  now: Date,
): Promise<void> {
  const blocked = await erasureBlockedBy(tx, actor.networkId, p);
  if (blocked) throw new DomainError('contacts.erasure_refused', blocked, 'conflict');
  const merged = await repo.mergedInto(tx, actor.networkId, p.id);
  const guests = await anonymiseGuestsOf(tx, actor.networkId, p.id, ERASED_NAME);
  const consents = await repo.consentsOf(tx, actor.networkId, p.id);
  const fullName = (x: { firstName: string; lastName: string }) => `${x.firstName} ${x.lastName}`.trim();
  const emails = [p.email, ...merged.map((m) => m.email), ...guests.emails].flatMap((e) => (e ? [e] : []));
  // Strings to take out of text that mentions the person among other things (mails, other entries).
  const mentions = secretsOf([
    ...emails,
    fullName(p),
    [p.title, p.firstName, p.lastName].filter(Boolean).join(' '),
    `${p.lastName}, ${p.firstName}`,
    p.phone,
    ...merged.map(fullName),
    ...guests.names,
  ]);
  // In entries about the person's own records also the parts of the name on their own.
  const ownSecrets = secretsOf([...mentions, p.firstName, p.lastName, ...merged.map((m) => m.lastName)]);
  const redact = (s: string) => redactText(s, mentions);

  const ids = [p.id, ...merged.map((m) => m.id)];
  await repo.emptyPeople(tx, ids, now, ERASED_NAME);
  // Their event registrations and invitations: emptied, the counts stay (events module).
  for (const id of ids) await anonymisePersonInEvents(tx, actor.networkId, id, now);
  await revokePersonLinks(tx, p.id, guests.recipientIds, now);
  await redactMailsTo(tx, actor.networkId, emails, redact);
  for (const imp of await repo.importsMentioning(tx, actor.networkId, mentions)) {
    await repo.setImportSummary(tx, imp.id, redactValue(imp.summary, mentions) as Record<string, unknown>);
  }
  const own = new Set([...ids, ...guests.guestIds, ...guests.recipientIds, ...consents.map((c) => c.id)]);
  const entries = await auditEntriesAbout(tx, actor.networkId, [...own], mentions);
  await redactAuditEntries(tx, entries, (e) =>
    own.has(e.entityId)
      ? {
          summary: redactText(e.summary, ownSecrets),
          before: redactOwnRecord(e.before, ownSecrets),
          after: redactOwnRecord(e.after, ownSecrets),
        }
      : {
          summary: redact(e.summary),
          before: redactValue(e.before, mentions),
          after: redactValue(e.after, mentions),
        },
  );
  await repo.closeCasesOf(tx, actor.networkId, ids, now);
  await recordAudit(tx, actor, {
    action: 'delete',
    entityType: 'person',
    entityId: p.id,
    summary: 'Person gelöscht (anonymisiert)',
    // The reason is the office's own words: it must not name the person either.
    after: {
      reason: redactText(reason, ownSecrets),
      guests: guests.guestIds.length,
      consentsKept: consents.length,
    },
  });
}

export async function erasePerson(
  deps: Deps,
  actor: NetworkActor,
  personId: string,
  reason: string,
): Promise<{ personId: string; erasedAt: string }> {
  authorize(actor.role, 'contacts.manage');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const p = await personById(tx, actor.networkId, personId, true);
    if (!p) throw notFound('Die Person');
    if (p.erasedAt) {
      throw new DomainError('contacts.person_erased', 'Diese Person wurde bereits gelöscht.', 'conflict');
    }
    await erasePersonIn(tx, { ...auditActorOf(actor), networkId: actor.networkId }, p, reason, now);
  });
  return { personId, erasedAt: now.toISOString() };
}
