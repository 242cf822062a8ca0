import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { hashToken, newToken } from '../../lib/tokens.js';
import { personalLink } from './links.tables.js';

export type LinkPurpose = (typeof personalLink.$inferSelect)['purpose'];
type LinkTarget = { networkId: string; purpose: LinkPurpose } & (
  | { recipientId: string }
  | { voteId: string }
  | { memberId: string }
  | { invitationId: string }
  | { userId: string }
  | { personId: string; expiresAt: Date }
  | { inviteeId: string; expiresAt: Date }
  | { registrationId: string; expiresAt: Date }
);

const pathOf: Record<LinkPurpose, (token: string) => string> = {
  meeting_reply: (t) => `/antwort/${t}`,
  procedure_vote: (t) => `/umlauf/${t}`,
  calendar: (t) => `/api/calendar/${t}.ics`,
  account_invitation: (t) => `/einladung/${t}`,
  work_calendar: (t) => `/api/work-calendar/${t}.ics`,
  consent_withdrawal: (t) => `/abmelden/${t}`,
  event_invitation: (t) => `/veranstaltung/einladung/${t}`,
  registration: (t) => `/veranstaltung/anmeldung/${t}`,
};

const PLACEHOLDER = /\[\[personal-link:([0-9a-f-]{36})\]\]/g;

/** A link gone for good answers 410 with a German sentence the public pages show as it is. */
export const linkGone = (code: string, message: string) => new DomainError(code, message, 'gone');

/**
 * A new personal link for a mail. The mail text gets a placeholder; the token is minted only when the
 * mail leaves (renderPersonalLinks), so the outbox never holds it.
 */
export async function linkForMail(tx: Db, target: LinkTarget): Promise<string> {
  const id = randomUUID();
  await linkForMailInsert(tx, id, target);
  return linkPlaceholder(id);
}

/** The placeholder a mail carries for the personal link `id`. */
export const linkPlaceholder = (id: string) => `[[personal-link:${id}]]`;

/** The insert behind `linkForMail`, to be run with others in one statement (the id chosen beforehand). */
export const linkForMailInsert = (tx: Db, id: string, target: LinkTarget) =>
  tx.insert(personalLink).values({ ...target, id });

/** A new link shown once to its owner (calendar on the account page): returns the full URL. */
export async function mintLink(tx: Db, baseUrl: string, target: LinkTarget): Promise<string> {
  const token = newToken();
  await tx.insert(personalLink).values({ ...target, tokenHash: hashToken(token) });
  return `${baseUrl}${pathOf[target.purpose](token)}`;
}

/**
 * Replaces the placeholders of a mail by freshly minted links, right before delivery. A retried
 * delivery mints again, which retires the token of the attempt before.
 */
export async function renderPersonalLinks(db: Db, baseUrl: string, text: string): Promise<string> {
  text = await renderOtherLinks(db, baseUrl, text);
  const ids = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  if (ids.length === 0) return text;
  const urls = new Map<string, string>();
  for (const id of ids) {
    const token = newToken();
    const [row] = await db
      .update(personalLink)
      .set({ tokenHash: hashToken(token) })
      .where(and(eq(personalLink.id, id), isNull(personalLink.revokedAt)))
      .returning({ purpose: personalLink.purpose });
    urls.set(id, row ? `${baseUrl}${pathOf[row.purpose](token)}` : '(Link nicht mehr gültig)');
  }
  return text.replace(PLACEHOLDER, (_, id: string) => urls.get(id)!);
}

/**
 * Other kinds of one-time links a module mints itself at delivery (the evaluation's anonymous survey
 * links: `[[survey-link:<surveyId>]]`): the module registers how to mint one; the outbox holds only the
 * placeholder, so no link is ever stored with its recipient.
 */
type MailLinkMinter = (db: Db, baseUrl: string, id: string) => Promise<string>;
const minters = new Map<string, MailLinkMinter>();
// Any `<kind>-link` but the personal links above (their own placeholder, minted by this module).
const OTHER = /\[\[((?!personal-)[a-z]+-link):([0-9a-f-]{36})\]\]/g;
export function registerMailLink(kind: `${string}-link`, mint: MailLinkMinter) {
  minters.set(kind, mint);
}
export const mailLinkPlaceholder = (kind: `${string}-link`, id: string) => `[[${kind}:${id}]]`;

async function renderOtherLinks(db: Db, baseUrl: string, text: string): Promise<string> {
  const found = [...text.matchAll(OTHER)];
  if (found.length === 0) return text;
  const urls: string[] = [];
  for (const m of found) {
    const mint = minters.get(m[1]!);
    urls.push(mint ? await mint(db, baseUrl, m[2]!) : '(Link nicht mehr gültig)');
  }
  let i = 0;
  return text.replace(OTHER, () => urls[i++]!);
}

/** The Postausgang shows where a personal link stands, never the link. */
export const hidePersonalLinks = (text: string) =>
  text.replace(PLACEHOLDER, '[persönlicher Link]').replace(OTHER, '[persönlicher Link]');

export const hasPersonalLinks = (text: string) => text.search(PLACEHOLDER) >= 0 || text.search(OTHER) >= 0;

/**
 * The link a token belongs to: 404 when unknown, 410 when its owner replaced it or, for links with an
 * expiry date (consent withdrawal), when it has expired.
 */
export async function openLink(db: Db, purpose: LinkPurpose, token: string, what: string, now?: Date) {
  const [row] = await db
    .select()
    .from(personalLink)
    .where(and(eq(personalLink.tokenHash, hashToken(token)), eq(personalLink.purpose, purpose)));
  if (!row) throw notFound(what);
  if (row.revokedAt && purpose === 'consent_withdrawal') {
    // Withdrawal links are never replaced, only revoked with the person's record (erasure).
    throw linkGone('links.revoked', 'Dieser persönliche Link gilt nicht mehr.');
  }
  if (row.revokedAt) {
    throw linkGone(
      'links.replaced',
      'Dieser persönliche Link wurde durch einen neuen ersetzt und gilt nicht mehr. Verwenden Sie den neuen Link.',
    );
  }
  if (row.expiresAt && row.expiresAt <= (now ?? new Date())) {
    throw linkGone(
      'links.expired',
      'Dieser persönliche Link ist abgelaufen. Bitte wenden Sie sich an das Bildungsbüro, wenn Sie keine E-Mails mehr erhalten möchten.',
    );
  }
  return row;
}

/** Retires every link of an account invitation (before the administration is shown a new one). */
export async function revokeInvitationLinks(tx: Db, invitationId: string, now: Date) {
  await tx
    .update(personalLink)
    .set({ revokedAt: now })
    .where(and(eq(personalLink.invitationId, invitationId), isNull(personalLink.revokedAt)));
}

/** The link row of an account invitation's token, revoked or not; undefined when unknown. */
export async function invitationLinkOf(db: Db, token: string) {
  const [row] = await db
    .select({ invitationId: personalLink.invitationId, revokedAt: personalLink.revokedAt })
    .from(personalLink)
    .where(and(eq(personalLink.tokenHash, hashToken(token)), eq(personalLink.purpose, 'account_invitation')));
  return row;
}

/** Retires every calendar link of a member (rotation, or the office withdrawing it). */
export async function revokeCalendarLinks(tx: Db, memberId: string, now: Date) {
  await tx
    .update(personalLink)
    .set({ revokedAt: now })
    .where(
      and(
        eq(personalLink.memberId, memberId),
        eq(personalLink.purpose, 'calendar'),
        isNull(personalLink.revokedAt),
      ),
    );
}

export async function hasCalendarLink(tx: Db, memberId: string) {
  const [row] = await tx
    .select({ id: personalLink.id })
    .from(personalLink)
    .where(
      and(
        eq(personalLink.memberId, memberId),
        eq(personalLink.purpose, 'calendar'),
        isNull(personalLink.revokedAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Retires the calendar links a guest made through one of their invitations. */
export async function revokeGuestCalendarLinks(tx: Db, recipientId: string, now: Date) {
  await tx
    .update(personalLink)
    .set({ revokedAt: now })
    .where(
      and(
        eq(personalLink.recipientId, recipientId),
        eq(personalLink.purpose, 'calendar'),
        isNull(personalLink.revokedAt),
      ),
    );
}

type UserLink = { networkId: string; userId: string; purpose: LinkPurpose };
const liveUserLinks = (target: UserLink) =>
  and(
    eq(personalLink.networkId, target.networkId),
    eq(personalLink.userId, target.userId),
    eq(personalLink.purpose, target.purpose),
    isNull(personalLink.revokedAt),
  );

/** Retires a person's own links of one purpose in a network (the desk's calendar feed). */
export async function revokeUserLinks(tx: Db, target: UserLink, now: Date) {
  const revoked = await tx
    .update(personalLink)
    .set({ revokedAt: now })
    .where(liveUserLinks(target))
    .returning({ id: personalLink.id });
  return revoked.length;
}

export async function hasUserLink(db: Db, target: UserLink) {
  const [row] = await db
    .select({ id: personalLink.id })
    .from(personalLink)
    .where(liveUserLinks(target))
    .limit(1);
  return Boolean(row);
}

/** Merging people in the address book: their personal links follow the record that is kept. */
export async function movePersonLinks(tx: Db, networkId: string, fromIds: string[], toId: string) {
  if (fromIds.length === 0) return;
  await tx
    .update(personalLink)
    .set({ personId: toId })
    .where(and(eq(personalLink.networkId, networkId), inArray(personalLink.personId, fromIds)));
}

/** Erasure: every link of a person (withdrawal links) and of their guest invitations stops working. */
export async function revokePersonLinks(tx: Db, personId: string, recipientIds: string[], now: Date) {
  await tx
    .update(personalLink)
    .set({ revokedAt: now })
    .where(
      and(
        isNull(personalLink.revokedAt),
        recipientIds.length > 0
          ? or(eq(personalLink.personId, personId), inArray(personalLink.recipientId, recipientIds))
          : eq(personalLink.personId, personId),
      ),
    );
}

/** Retention and erasure of event data: the links of these registrations and invitees stop working. */
export async function revokeEventLinks(
  tx: Db,
  target: { registrationIds: string[]; inviteeIds: string[] },
  now: Date,
) {
  const { registrationIds, inviteeIds } = target;
  if (registrationIds.length === 0 && inviteeIds.length === 0) return;
  const conditions = [
    ...(registrationIds.length > 0 ? [inArray(personalLink.registrationId, registrationIds)] : []),
    ...(inviteeIds.length > 0 ? [inArray(personalLink.inviteeId, inviteeIds)] : []),
  ];
  await tx
    .update(personalLink)
    .set({ revokedAt: now })
    .where(and(isNull(personalLink.revokedAt), or(...conditions)));
}
