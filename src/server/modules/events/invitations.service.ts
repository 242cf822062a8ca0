import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { z } from 'zod';
import type {
  InvitationsOverview,
  Mailing,
  MailingInput,
  MailingPreview,
  SkipReason,
} from '../../../contracts/events-invitations.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinWallClock } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { listNames, mailRecipients, peopleCandidates } from '../contacts/contacts.service.js';
import { linkForMail, openLink } from '../links/links.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import type { EventRow } from './events.repository.js';
import { visibleEvent } from './events.service.js';
import * as repo from './invitations.repository.js';
import {
  answerOf,
  invitationDraft,
  invitationMailText,
  normalEmail,
  owesReminder,
  placeOf,
  tally,
} from './invitations.rules.js';

/* Invitations: mailings to lists and chosen people, worked through in batches and restartable; reminders; decline. */

type Input = z.output<typeof MailingInput>;

/** How many mails one transaction writes; a crash loses at most the batch it was in (rolled back). */
export const BATCH_SIZE = 25;

/** A withdrawal link in an invitation works for a year, as in list mails. */
const WITHDRAWAL_VALID_MS = 365 * 24 * 60 * 60 * 1000;

/** The event as iCalendar (PUBLISH: the invitee is not an attendee until they register). */
function eventCalendar(e: EventRow, organizer: { name: string; email: string }) {
  const cal = ical({
    prodId: { company: 'bildungsnetz', product: 'Bildungsnetz', language: 'DE' },
    name: e.title,
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: 'Europe/Berlin', generator: getVtimezoneComponent },
  });
  cal.createEvent({
    id: `event-${e.id}@bildungsnetz`,
    sequence: e.version,
    start: berlinWallClock(e.startsAt),
    end: berlinWallClock(e.endsAt),
    timezone: 'Europe/Berlin',
    summary: e.title,
    location: placeOf(e),
    description: e.description,
    organizer,
  });
  return cal.toString();
}

function assertOpenForMail(e: EventRow, now: Date) {
  if (e.cancelledAt)
    throw new DomainError(
      'events.invitations_cancelled',
      'Die Veranstaltung ist abgesagt: Es werden keine Einladungen mehr verschickt.',
      'conflict',
    );
  if (e.endsAt <= now)
    throw new DomainError(
      'events.invitations_past',
      'Die Veranstaltung ist vorbei: Es werden keine Einladungen mehr verschickt.',
      'conflict',
    );
}

type Resolved = {
  listId: string | null;
  listName: string | null;
  /** New invitees, in the order they get their mails. */
  fresh: Array<{ personId: string; name: string; email: string; salutation: string; viaList: boolean }>;
  skipped: Array<{ name: string; reason: SkipReason }>;
};

/** Who an invitation would reach: the list's and the chosen people, minus those invited before. */
async function resolve(db: Db, networkId: string, eventId: string, i: Input): Promise<Resolved> {
  if (i.kind === 'reminder') throw new Error('resolve is for invitations');
  const r = await mailRecipients(db, networkId, { listId: i.listId, personIds: i.personIds });
  const invited = await repo.invitedEmails(db, eventId);
  const fresh: Resolved['fresh'] = [];
  const skipped: Resolved['skipped'] = r.excluded.map((x) => ({ name: x.name, reason: x.reason }));
  for (const p of r.recipients) {
    const email = normalEmail(p.email);
    if (invited.has(email)) skipped.push({ name: p.name, reason: 'already_invited' });
    else {
      invited.add(email);
      fresh.push({ ...p, email });
    }
  }
  return { listId: r.list?.id ?? null, listName: r.list?.name ?? null, fresh, skipped };
}

function publicUrlOf(deps: Deps, slug: string | null, e: EventRow) {
  return e.public && slug ? `${deps.config.baseUrl}/netzwerk/${slug}/veranstaltungen/${e.id}` : null;
}

const salutationOf = (name: string) => (name ? `Guten Tag ${name},` : 'Guten Tag,');

export async function overview(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
): Promise<InvitationsOverview> {
  authorize(actor.role, 'events.manage');
  const e = await visibleEvent(deps.db, actor, eventId);
  const [invitees, mailings, lists, n] = await Promise.all([
    repo.inviteesOf(deps.db, actor.networkId, e.id),
    repo.mailingsOf(deps.db, actor.networkId, e.id),
    listNames(deps.db, actor.networkId),
    repo.networkOf(deps.db, actor.networkId),
  ]);
  const listName = new Map(lists.map((l) => [l.id, l.name]));
  const count = (rows: repo.InviteeRow[]) => {
    const answers = rows.map(answerOf);
    return {
      registered: answers.filter((a) => a === 'registered').length,
      declined: answers.filter((a) => a === 'declined').length,
      open: answers.filter((a) => a === 'open').length,
    };
  };
  const now = deps.now();
  return {
    mailings: mailings.map(({ m, createdByName }): Mailing => {
      const mine = m.kind === 'invitation' ? invitees.filter((i) => i.mailingId === m.id) : [];
      return {
        id: m.id,
        kind: m.kind,
        listName: m.listId ? (listName.get(m.listId) ?? null) : null,
        subject: m.subject,
        status: m.status,
        createdAt: m.createdAt.toISOString(),
        finishedAt: m.finishedAt?.toISOString() ?? null,
        createdByName,
        recipients: m.kind === 'invitation' ? mine.length : m.sentCount,
        sent: m.sentCount,
        skipped: m.skipped,
        ...(m.kind === 'invitation' ? count(mine) : { registered: 0, declined: 0, open: 0 }),
      };
    }),
    invitees: invitees.map((i) => ({
      id: i.id,
      name: i.name,
      email: i.email,
      invitedAt: i.invitedAt?.toISOString() ?? null,
      remindedAt: i.remindedAt?.toISOString() ?? null,
      answer: answerOf(i),
    })),
    counts: {
      invited: invitees.filter((i) => i.invitedAt).length,
      ...count(invitees.filter((i) => i.invitedAt)),
      remindable: invitees.filter((i) => owesReminder(i, now)).length,
    },
    lists,
    draft: invitationDraft(e, n.name),
  };
}

/** What sending would do now, without sending: counts, who is left out and why, the first mail. */
export async function previewMailing(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  i: Input,
): Promise<MailingPreview> {
  authorize(actor.role, 'events.manage');
  const e = await visibleEvent(deps.db, actor, eventId);
  const n = await repo.networkOf(deps.db, actor.networkId);
  const link = '[persönlicher Link]';
  if (i.kind === 'reminder') {
    const owed = await repo.pendingReminders(deps.db, e.id, deps.now(), 100_000);
    const first = owed[0];
    return {
      recipients: owed.length,
      skipped: {},
      skippedPeople: [],
      firstRecipient: first ? { name: first.name, email: first.email } : null,
      subject: i.subject,
      text: first
        ? invitationMailText({
            salutation: salutationOf(first.name),
            body: i.body,
            personalLink: link,
            publicUrl: publicUrlOf(deps, n.slug, e),
            withdrawalLink: first.personId ? link : null,
          })
        : null,
    };
  }
  const r = await resolve(deps.db, actor.networkId, e.id, i);
  const first = r.fresh[0];
  return {
    recipients: r.fresh.length,
    skipped: tally(r.skipped.map((s) => s.reason)),
    skippedPeople: r.skipped,
    firstRecipient: first ? { name: first.name, email: first.email } : null,
    subject: i.subject,
    text: first
      ? invitationMailText({
          salutation: first.salutation,
          body: i.body,
          personalLink: link,
          publicUrl: publicUrlOf(deps, n.slug, e),
          withdrawalLink: link,
        })
      : null,
  };
}

/**
 * Makes a mailing (queued): for an invitation one invitee per new address, in the same transaction
 * under the event's lock, so two sends at once never invite anybody twice. Then works it through.
 */
export async function createMailing(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  i: Input,
  run: RunOptions = {},
): Promise<Mailing> {
  authorize(actor.role, 'events.manage');
  const mailingId = await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    assertOpenForMail(e, deps.now());
    if (i.kind === 'reminder') {
      const owed = await repo.pendingReminders(tx, e.id, deps.now(), 1);
      if (owed.length === 0)
        throw new DomainError(
          'events.reminder_nobody',
          'Alle Eingeladenen haben geantwortet oder wurden schon erinnert: Es gibt niemanden zu erinnern.',
          'rule',
        );
      const m = await repo.insertMailing(tx, {
        networkId: actor.networkId,
        eventId: e.id,
        kind: 'reminder',
        subject: i.subject,
        body: i.body,
        createdBy: actor.userId,
        createdAt: deps.now(),
      });
      await recordAudit(tx, auditActorOf(actor), {
        action: 'create',
        entityType: 'event_mailing',
        entityId: m.id,
        summary: `Erinnerung „${i.subject}“ zu „${e.title}“ angelegt`,
        after: { kind: 'reminder', subject: i.subject },
      });
      return m.id;
    }
    const r = await resolve(tx, actor.networkId, e.id, i);
    if (r.fresh.length === 0)
      throw new DomainError(
        'events.invitation_nobody',
        r.skipped.length > 0
          ? 'Niemand erhält diese Einladung: Alle sind schon eingeladen oder können keine E-Mail erhalten. Bitte prüfen Sie die Vorschau.'
          : 'Auf dem Verteiler steht niemand. Bitte wählen Sie einen anderen Verteiler oder Personen.',
        'rule',
      );
    const m = await repo.insertMailing(tx, {
      networkId: actor.networkId,
      eventId: e.id,
      kind: 'invitation',
      listId: r.listId,
      subject: i.subject,
      body: i.body,
      skipped: tally(r.skipped.map((s) => s.reason)),
      createdBy: actor.userId,
      createdAt: deps.now(),
    });
    await repo.insertInvitees(
      tx,
      r.fresh.map((p) => ({
        networkId: actor.networkId,
        eventId: e.id,
        personId: p.personId,
        email: p.email,
        name: p.name,
        mailingId: m.id,
      })),
    );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'event_mailing',
      entityId: m.id,
      summary: `Einladung „${i.subject}“ zu „${e.title}“${r.listName ? ` an Verteiler „${r.listName}“` : ''}: ${r.fresh.length} eingeladen, ${r.skipped.length} ausgelassen`,
      after: { kind: 'invitation', subject: i.subject, invited: r.fresh.length, skipped: m.skipped },
    });
    return m.id;
  });
  await runMailing(deps, mailingId, run);
  const o = await overview(deps, actor, eventId);
  return o.mailings.find((m) => m.id === mailingId)!;
}

export type RunOptions = {
  batchSize?: number;
  /** Called after each mail written, inside its batch's transaction (tests simulate a crash by throwing). */
  afterMail?: (written: number) => void;
};

/**
 * Works a mailing through in batches: each batch writes its outbox mails and marks the invitees in one
 * transaction, so a crash half-way loses nothing and a restart never sends twice. Sets sending, then sent.
 */
export async function runMailing(deps: Deps, mailingId: string, opts: RunOptions = {}): Promise<void> {
  const size = opts.batchSize ?? BATCH_SIZE;
  let written = 0;
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const m = await repo.mailingById(tx, mailingId, true);
      if (!m || m.status === 'sent') return true;
      const e = await repo.eventOfMailing(tx, m);
      const n = await repo.networkOf(tx, m.networkId);
      const now = deps.now();
      const batch =
        m.kind === 'reminder'
          ? await repo.pendingReminders(tx, m.eventId, m.createdAt, size)
          : await repo.pendingInvitations(tx, m.id, size);
      if (batch.length === 0 || e.cancelledAt) {
        await repo.updateMailing(tx, m.id, { status: 'sent', finishedAt: now });
        return true;
      }
      const organizer = {
        name: `Regionales Bildungsbüro – ${n.name}`,
        email: n.contactEmail ?? deps.config.mailFrom.replace(/^.*<|>$/g, ''),
      };
      const ics = Buffer.from(eventCalendar(e, organizer)).toString('base64');
      // The salutation as the address book has it ("Sehr geehrte Frau …"), as in the preview.
      const ids = batch.flatMap((i) => (i.personId ? [i.personId] : []));
      const salutations = new Map(
        ids.length > 0
          ? (await mailRecipients(tx, m.networkId, { personIds: ids })).recipients.map((r) => [
              r.personId,
              r.salutation,
            ])
          : [],
      );
      for (const inv of batch) {
        const personalLink = await linkForMail(tx, {
          networkId: m.networkId,
          purpose: 'event_invitation',
          inviteeId: inv.id,
          expiresAt: e.endsAt,
        });
        const withdrawalLink = inv.personId
          ? await linkForMail(tx, {
              networkId: m.networkId,
              purpose: 'consent_withdrawal',
              personId: inv.personId,
              expiresAt: new Date(now.getTime() + WITHDRAWAL_VALID_MS),
            })
          : null;
        const mailId = await enqueueMail(tx, {
          networkId: m.networkId,
          to: inv.email,
          toName: inv.name,
          subject: m.subject,
          text: invitationMailText({
            salutation: (inv.personId && salutations.get(inv.personId)) || salutationOf(inv.name),
            body: m.body,
            personalLink,
            publicUrl: publicUrlOf(deps, n.slug, e),
            withdrawalLink,
          }),
          sensitive: true,
          attachments: [
            {
              filename: 'Veranstaltung.ics',
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              contentBase64: ics,
            },
          ],
        });
        if (m.kind === 'reminder') await repo.markReminded(tx, inv.id, now);
        else await repo.markInvited(tx, inv.id, mailId, now);
        written += 1;
        opts.afterMail?.(written);
      }
      await repo.updateMailing(tx, m.id, { status: 'sending', sentCount: m.sentCount + batch.length });
      return false;
    });
    if (done) return;
  }
}

/** After a restart: every mailing stopped half-way continues where it stopped. */
export async function resumeMailings(deps: Deps): Promise<number> {
  const open = await repo.unfinishedMailings(deps.db);
  for (const m of open) await runMailing(deps, m.id);
  return open.length;
}

/** "Ich kann nicht teilnehmen": the invitee declines through their personal link. */
export async function declineInvitation(deps: Deps, token: string) {
  const link = await openLink(deps.db, 'event_invitation', token, 'Die Einladung', deps.now());
  return deps.db.transaction(async (tx) => {
    const inv = await repo.inviteeById(tx, link.inviteeId!, true);
    if (!inv) throw notFound('Die Einladung');
    const title = await repo.eventTitle(tx, inv.networkId, inv.eventId);
    if (inv.registrationId)
      throw new DomainError(
        'events.decline_registered',
        'Sie sind bereits angemeldet. Bitte stornieren Sie Ihre Anmeldung über den Link in Ihrer Anmeldebestätigung.',
        'conflict',
      );
    if (!inv.declinedAt) {
      await repo.markDeclined(tx, inv.id, deps.now());
      await recordAudit(
        tx,
        { userId: null, name: 'über persönlichen Link', networkId: inv.networkId },
        {
          action: 'update',
          entityType: 'event_invitee',
          entityId: inv.id,
          summary: `Absage zu „${title}“ über persönlichen Link`,
          after: { declined: true },
        },
      );
    }
    return { eventTitle: title, declined: true };
  });
}

/** The people picker of the invitation form. */
export async function candidates(deps: Deps, actor: NetworkActor, eventId: string, q: string) {
  authorize(actor.role, 'events.manage');
  await visibleEvent(deps.db, actor, eventId);
  return (await peopleCandidates(deps.db, actor.networkId, q)).map((p) => ({
    personId: p.personId,
    name: p.name,
    email: p.email,
  }));
}
