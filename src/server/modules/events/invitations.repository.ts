import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { user } from '../auth/auth.tables.js';
import { network } from '../networks/networks.tables.js';
import { event, eventInvitee, eventMailing } from './events.tables.js';

/* Invitations: mailings and invitees of an event, always filtered by network. */

export type MailingRow = typeof eventMailing.$inferSelect;
export type InviteeRow = typeof eventInvitee.$inferSelect;

export async function networkOf(db: Db, networkId: string) {
  const [n] = await db
    .select({ name: network.name, slug: network.slug, contactEmail: network.contactEmail })
    .from(network)
    .where(eq(network.id, networkId));
  return n!;
}

export async function inviteesOf(db: Db, networkId: string, eventId: string): Promise<InviteeRow[]> {
  return db
    .select()
    .from(eventInvitee)
    .where(and(eq(eventInvitee.networkId, networkId), eq(eventInvitee.eventId, eventId)))
    .orderBy(asc(eventInvitee.name), asc(eventInvitee.email));
}

export async function invitedEmails(db: Db, eventId: string): Promise<Set<string>> {
  const rows = await db
    .select({ email: eventInvitee.email })
    .from(eventInvitee)
    .where(eq(eventInvitee.eventId, eventId));
  return new Set(rows.map((r) => r.email));
}

export async function mailingsOf(db: Db, networkId: string, eventId: string) {
  return db
    .select({ m: eventMailing, createdByName: user.name })
    .from(eventMailing)
    .leftJoin(user, eq(user.id, eventMailing.createdBy))
    .where(and(eq(eventMailing.networkId, networkId), eq(eventMailing.eventId, eventId)))
    .orderBy(desc(eventMailing.createdAt));
}

export async function insertMailing(tx: Db, values: typeof eventMailing.$inferInsert): Promise<MailingRow> {
  const [row] = await tx.insert(eventMailing).values(values).returning();
  return row!;
}

/** New invitees; an address already invited to the event is left alone (never twice). */
export async function insertInvitees(tx: Db, rows: Array<typeof eventInvitee.$inferInsert>) {
  if (rows.length === 0) return [];
  return tx
    .insert(eventInvitee)
    .values(rows)
    .onConflictDoNothing({ target: [eventInvitee.eventId, eventInvitee.email] })
    .returning({ id: eventInvitee.id });
}

export async function mailingById(db: Db, mailingId: string, lock = false) {
  const q = db.select().from(eventMailing).where(eq(eventMailing.id, mailingId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function eventOfMailing(db: Db, m: MailingRow) {
  const [row] = await db
    .select()
    .from(event)
    .where(and(eq(event.id, m.eventId), eq(event.networkId, m.networkId)));
  return row!;
}

/** The invitees of an invitation mailing whose mail is not yet in the outbox. */
export async function pendingInvitations(tx: Db, mailingId: string, limit: number) {
  return tx
    .select()
    .from(eventInvitee)
    .where(and(eq(eventInvitee.mailingId, mailingId), isNull(eventInvitee.mailId)))
    .orderBy(asc(eventInvitee.name), asc(eventInvitee.id))
    .limit(limit);
}

/** Invited, unanswered invitees a reminder made at `since` has not reached yet. */
export async function pendingReminders(tx: Db, eventId: string, since: Date, limit: number) {
  return tx
    .select()
    .from(eventInvitee)
    .where(
      and(
        eq(eventInvitee.eventId, eventId),
        isNotNull(eventInvitee.invitedAt),
        isNull(eventInvitee.registrationId),
        isNull(eventInvitee.declinedAt),
        or(isNull(eventInvitee.remindedAt), lt(eventInvitee.remindedAt, since)),
      ),
    )
    .orderBy(asc(eventInvitee.name), asc(eventInvitee.id))
    .limit(limit);
}

export async function markInvited(tx: Db, inviteeId: string, mailId: string, at: Date) {
  await tx.update(eventInvitee).set({ mailId, invitedAt: at }).where(eq(eventInvitee.id, inviteeId));
}

export async function markReminded(tx: Db, inviteeId: string, at: Date) {
  await tx.update(eventInvitee).set({ remindedAt: at }).where(eq(eventInvitee.id, inviteeId));
}

export async function updateMailing(tx: Db, id: string, set: Partial<typeof eventMailing.$inferInsert>) {
  const [row] = await tx.update(eventMailing).set(set).where(eq(eventMailing.id, id)).returning();
  return row!;
}

/** Mailings stopped half-way (a crash or restart), oldest first. */
export async function unfinishedMailings(db: Db) {
  return db
    .select({ id: eventMailing.id })
    .from(eventMailing)
    .where(and(ne(eventMailing.status, 'sent'), inArray(eventMailing.kind, ['invitation', 'reminder'])))
    .orderBy(asc(eventMailing.createdAt));
}

export async function inviteeById(db: Db, id: string, lock = false) {
  const q = db.select().from(eventInvitee).where(eq(eventInvitee.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function markDeclined(tx: Db, id: string, at: Date) {
  await tx.update(eventInvitee).set({ declinedAt: at }).where(eq(eventInvitee.id, id));
}

export async function eventTitle(db: Db, networkId: string, eventId: string) {
  const [row] = await db
    .select({ title: event.title })
    .from(event)
    .where(and(eq(event.id, eventId), eq(event.networkId, networkId)));
  return row?.title ?? '';
}
