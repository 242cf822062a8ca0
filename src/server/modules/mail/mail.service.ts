import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { OutboxList, OutboxMailDetail, OutboxMailSummary } from '../../../contracts/mail.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { hidePersonalLinks, renderPersonalLinks } from '../links/links.service.js';
import { authorize, can } from '../networks/networks.policy.js';
import { type MailAttachment, outboxMail } from './mail.tables.js';

export type NewMail = {
  networkId: string | null;
  to: string;
  toName?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: MailAttachment[];
  /**
   * Carries a secret link (password reset, invitation, meeting reply, vote): its text is hidden from
   * the network's Postausgang.
   */
  sensitive?: boolean;
};

/** Puts a mail into the outbox; pass the transaction of the change that causes it. */
export async function enqueueMail(tx: Db, mail: NewMail): Promise<string> {
  const id = randomUUID();
  await enqueueMailInsert(tx, id, mail);
  return id;
}

/** The insert behind `enqueueMail`, to be run with others in one statement (the id chosen beforehand). */
export const enqueueMailInsert = (tx: Db, id: string, mail: NewMail) =>
  tx.insert(outboxMail).values({
    id,
    networkId: mail.networkId,
    toAddress: mail.to,
    toName: mail.toName ?? null,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html ?? null,
    attachments: mail.attachments ?? [],
    sensitive: mail.sensitive ?? false,
  });

type Row = typeof outboxMail.$inferSelect;
const summary = (r: Row): OutboxMailSummary => ({
  id: r.id,
  toAddress: r.toAddress,
  toName: r.toName,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  attachmentNames: r.attachments.map((a) => a.filename),
});

export async function listOutbox(
  deps: Deps,
  actor: NetworkActor,
  status?: 'pending' | 'sent' | 'failed',
): Promise<OutboxList> {
  authorize(actor.role, 'outbox.read');
  const rows = await deps.db
    .select()
    .from(outboxMail)
    .where(and(eq(outboxMail.networkId, actor.networkId), status ? eq(outboxMail.status, status) : undefined))
    .orderBy(desc(outboxMail.createdAt))
    .limit(500);
  return { items: rows.map(summary), smtpConfigured: Boolean(deps.config.smtpUrl) };
}

/** How many of the network's mails failed after every attempt (Start); `null` without outbox access. */
export async function failedMailCount(deps: Deps, actor: NetworkActor): Promise<number | null> {
  if (!can(actor.role, 'outbox.read')) return null;
  const [row] = await deps.db
    .select({ n: count() })
    .from(outboxMail)
    .where(and(eq(outboxMail.networkId, actor.networkId), eq(outboxMail.status, 'failed')));
  return row?.n ?? 0;
}

async function loadMail(deps: Deps, actor: NetworkActor, mailId: string): Promise<Row> {
  authorize(actor.role, 'outbox.read');
  const [row] = await deps.db
    .select()
    .from(outboxMail)
    .where(and(eq(outboxMail.id, mailId), eq(outboxMail.networkId, actor.networkId)));
  if (!row) throw notFound('Die E-Mail');
  return row;
}

const HIDDEN_TEXT =
  'Diese E-Mail enthält einen persönlichen Link für ihre Empfängerin oder ihren Empfänger und wird deshalb hier nicht angezeigt.';

export async function getOutboxMail(
  deps: Deps,
  actor: NetworkActor,
  mailId: string,
): Promise<OutboxMailDetail> {
  const row = await loadMail(deps, actor, mailId);
  // Secret links are for their addressee. The office sees that the mail exists; the administration
  // sees its text, with every personal link (reply, vote, calendar, account invitation) as
  // "[persönlicher Link]": the links are minted on delivery and stored nowhere. To hand over an
  // invitation without SMTP, the administration uses "Einladungslink anzeigen".
  const textBody = row.sensitive && actor.role !== 'admin' ? HIDDEN_TEXT : hidePersonalLinks(row.textBody);
  return { ...summary(row), textBody };
}

/**
 * Mails of the installation itself (password resets), which belong to no network: readable by the
 * installation's operators only. Their reset link is never stored (sendWithUnstoredLink).
 */
export async function listInstallationOutbox(
  deps: Deps,
  status?: 'pending' | 'sent' | 'failed',
): Promise<OutboxList> {
  const rows = await deps.db
    .select()
    .from(outboxMail)
    .where(and(isNull(outboxMail.networkId), status ? eq(outboxMail.status, status) : undefined))
    .orderBy(desc(outboxMail.createdAt))
    .limit(500);
  return { items: rows.map(summary), smtpConfigured: Boolean(deps.config.smtpUrl) };
}

export async function getInstallationMail(deps: Deps, mailId: string): Promise<OutboxMailDetail> {
  const [row] = await deps.db
    .select()
    .from(outboxMail)
    .where(and(eq(outboxMail.id, mailId), isNull(outboxMail.networkId)));
  if (!row) throw notFound('Die E-Mail');
  return { ...summary(row), textBody: row.textBody };
}

/** Puts a failed mail back in the queue. */
export async function retryOutboxMail(
  deps: Deps,
  actor: NetworkActor,
  mailId: string,
): Promise<OutboxMailSummary> {
  const row = await loadMail(deps, actor, mailId);
  if (row.linkNotStored) throw linkNotStoredError();
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(outboxMail)
      .set({ status: 'pending', nextAttemptAt: deps.now(), lastError: null })
      .where(eq(outboxMail.id, row.id))
      .returning();
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'outbox_mail',
      entityId: row.id,
      summary: `E-Mail „${row.subject}“ an ${row.toAddress} erneut in den Versand gegeben`,
      before: { status: row.status },
      after: { status: 'pending' },
    });
    return summary(updated!);
  });
}

/** Where a mail with a link that is not stored goes in the text the outbox keeps. */
export const UNSTORED_LINK = '[persönlicher Link]';

const NOT_STORED = 'Der Link wurde nicht gespeichert, deshalb kein erneuter Versand: Neuen Link anfordern.';

const linkNotStoredError = () =>
  new DomainError(
    'outbox.link_not_stored',
    `Diese E-Mail kann nicht erneut gesendet werden. ${NOT_STORED}`,
    'conflict',
  );

/**
 * Sends a mail whose link must not be stored anywhere (a password reset link from better-auth, whose
 * token cannot be minted again later): the outbox keeps the text with "[persönlicher Link]" in its
 * place, and the link exists only in memory for this one attempt. A failed attempt is final; the
 * Postausgang says to request a new link. Without SMTP the mail is recorded as not delivered.
 */
export async function sendWithUnstoredLink(
  db: Db,
  transport: Transport | null,
  mail: NewMail,
  link: string,
): Promise<void> {
  if (!mail.text.includes(UNSTORED_LINK)) throw new Error('mail text has no slot for its link');
  const [row] = await db
    .insert(outboxMail)
    .values({
      networkId: mail.networkId,
      toAddress: mail.to,
      toName: mail.toName ?? null,
      subject: mail.subject,
      textBody: mail.text,
      sensitive: true,
      linkNotStored: true,
      status: 'failed',
      lastError: transport ? 'Wird zugestellt …' : `Kein SMTP-Server eingerichtet. ${NOT_STORED}`,
    })
    .returning();
  if (!transport) return;
  try {
    const { messageId } = await transport.send({ ...row!, textBody: mail.text.replace(UNSTORED_LINK, link) });
    await db
      .update(outboxMail)
      .set({ status: 'sent', sentAt: sql`now()`, attempts: 1, messageId, lastError: null })
      .where(eq(outboxMail.id, row!.id));
  } catch (err) {
    const reason = err instanceof Error ? err.message.slice(0, 400) : String(err);
    await db
      .update(outboxMail)
      .set({ attempts: 1, lastError: `${reason} – ${NOT_STORED}` })
      .where(eq(outboxMail.id, row!.id));
  }
}

export type Transport = {
  send(mail: Row): Promise<{ messageId: string }>;
};

export const MAX_ATTEMPTS = 8;
/** Back-off between attempts: 30 s, 1 min, 2 min … capped at one hour. */
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);

/** How long a claimed mail is reserved for the instance sending it before another may try. */
const LEASE = '10 minutes';

/**
 * Sends due mails. A short transaction claims rows with FOR UPDATE SKIP LOCKED and pushes their next
 * attempt past a lease, so a second app instance running the same loop skips them and no mail goes out
 * twice; sending happens outside any transaction, so the database is never held up by SMTP.
 */
export async function deliverDueMails(deps: Deps, transport: Transport, batch = 20): Promise<number> {
  const claimed = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outboxMail)
      .where(and(eq(outboxMail.status, 'pending'), lte(outboxMail.nextAttemptAt, deps.now())))
      .orderBy(asc(outboxMail.nextAttemptAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (due.length > 0) {
      await tx
        .update(outboxMail)
        .set({ nextAttemptAt: sql`now() + ${LEASE}::interval` })
        .where(
          inArray(
            outboxMail.id,
            due.map((m) => m.id),
          ),
        );
    }
    return due;
  });
  for (const mail of claimed) {
    try {
      const textBody = await renderPersonalLinks(deps.db, deps.config.baseUrl, mail.textBody);
      const { messageId } = await transport.send({ ...mail, textBody });
      await deps.db
        .update(outboxMail)
        .set({ status: 'sent', sentAt: deps.now(), attempts: mail.attempts + 1, messageId, lastError: null })
        .where(eq(outboxMail.id, mail.id));
    } catch (err) {
      const attempts = mail.attempts + 1;
      await deps.db
        .update(outboxMail)
        .set({
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          lastError: err instanceof Error ? err.message.slice(0, 500) : String(err),
          nextAttemptAt: sql`now() + ${`${retryDelayMs(attempts)} milliseconds`}::interval`,
        })
        .where(eq(outboxMail.id, mail.id));
    }
  }
  return claimed.length;
}

/** The mails of a network to these addresses (access export of a person): no bodies. */
export async function mailsTo(db: Db, networkId: string, addresses: string[]) {
  if (addresses.length === 0) return [];
  return db
    .select({
      id: outboxMail.id,
      toAddress: outboxMail.toAddress,
      subject: outboxMail.subject,
      status: outboxMail.status,
      createdAt: outboxMail.createdAt,
      sentAt: outboxMail.sentAt,
    })
    .from(outboxMail)
    .where(
      and(
        eq(outboxMail.networkId, networkId),
        inArray(
          sql`lower(${outboxMail.toAddress})`,
          addresses.map((a) => a.toLowerCase()),
        ),
      ),
    )
    .orderBy(asc(outboxMail.createdAt));
}

/**
 * Erasure: mails to these addresses stay as rows (the Postausgang's counts stay true) but lose
 * address, name, attachments and body; the subject keeps what is not personal (`redact`). A mail not
 * yet sent is never sent: it is marked failed "gelöscht".
 */
export async function redactMailsTo(
  tx: Db,
  networkId: string,
  addresses: string[],
  redact: (text: string) => string,
): Promise<number> {
  if (addresses.length === 0) return 0;
  const rows = await tx
    .select({ id: outboxMail.id, subject: outboxMail.subject, status: outboxMail.status })
    .from(outboxMail)
    .where(
      and(
        eq(outboxMail.networkId, networkId),
        inArray(
          sql`lower(${outboxMail.toAddress})`,
          addresses.map((a) => a.toLowerCase()),
        ),
      ),
    );
  for (const r of rows) {
    await tx
      .update(outboxMail)
      .set({
        toAddress: '[gelöscht]',
        toName: null,
        subject: redact(r.subject),
        textBody: '[Inhalt gelöscht]',
        htmlBody: null,
        attachments: [],
        messageId: null,
        ...(r.status === 'pending' ? { status: 'failed' as const, lastError: 'gelöscht' } : {}),
      })
      .where(eq(outboxMail.id, r.id));
  }
  return rows.length;
}

/** Retention: a network's mails older than the cut-off that are no longer pending. */
export async function oldMails(db: Db, networkId: string, before: Date) {
  return db
    .select({ id: outboxMail.id, subject: outboxMail.subject, createdAt: outboxMail.createdAt })
    .from(outboxMail)
    .where(
      and(
        eq(outboxMail.networkId, networkId),
        lte(outboxMail.createdAt, before),
        sql`${outboxMail.status} <> 'pending'`,
      ),
    );
}

export async function mailsById(db: Db, networkId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(outboxMail)
    .where(and(eq(outboxMail.networkId, networkId), inArray(outboxMail.id, ids)));
}

export async function deleteMails(tx: Db, networkId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx
    .delete(outboxMail)
    .where(and(eq(outboxMail.networkId, networkId), inArray(outboxMail.id, ids)))
    .returning({ id: outboxMail.id });
  return rows.length;
}
