import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { AudiencePreview } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDate, formatDateTime, formatMeetingTime } from '../../lib/format.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { hasCalendarLink, linkForMail, linkGone, openLink } from '../links/links.service.js';
import { enqueueMail } from '../mail/mail.service.js';
import { authorize } from '../networks/networks.policy.js';
import { network } from '../networks/networks.tables.js';
import { assertReplyAllowed } from './meetings.rules.js';
import { type CalendarMeeting, meetingCalendar } from './steering.calendar.js';
import { type DocBlock, renderPdf } from './steering.documents.js';
import { agendaItem, committeeMember, guest, meeting, meetingRecipient } from './steering.tables.js';

type MeetingRow = typeof meeting.$inferSelect;
type ItemRow = typeof agendaItem.$inferSelect;
export type MailKind = 'request' | 'update' | 'cancel';

const kindLabel: Record<ItemRow['kind'], string> = {
  information: 'Information',
  discussion: 'Beratung',
  decision: 'Beschluss',
};

export const calendarEntry = (m: MeetingRow, description = ''): CalendarMeeting => ({
  uid: m.icalUid,
  sequence: m.icalSequence,
  title: m.title,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  location: m.location,
  onlineUrl: m.onlineUrl,
  cancelled: m.status === 'cancelled',
  description,
});

/** The agenda as a tagged PDF; a guest's copy holds only the items they are invited to. */
export async function agendaPdf(
  networkName: string,
  m: MeetingRow,
  items: ItemRow[],
  allNumbers: Map<string, number>,
) {
  const blocks: DocBlock[] = [
    { type: 'h1', text: `Tagesordnung: ${m.title}` },
    { type: 'p', text: networkName },
    { type: 'meta', label: 'Termin', value: formatMeetingTime(m.startsAt, m.endsAt) },
    { type: 'meta', label: 'Ort', value: m.location || 'wird noch bekannt gegeben' },
  ];
  if (m.onlineUrl) blocks.push({ type: 'meta', label: 'Online-Teilnahme', value: m.onlineUrl });
  blocks.push({ type: 'h2', text: 'Tagesordnung' });
  for (const i of items) {
    blocks.push({ type: 'h3', text: `TOP ${allNumbers.get(i.id)} ${i.title}` });
    const details = [
      kindLabel[i.kind],
      i.presenter && `Berichterstattung: ${i.presenter}`,
      i.durationMinutes && `${i.durationMinutes} Minuten`,
      i.public ? 'öffentlich' : 'nicht öffentlich',
    ];
    blocks.push({ type: 'p', text: details.filter(Boolean).join(' · ') });
    if (i.kind === 'decision' && i.proposal)
      blocks.push({ type: 'p', text: `Beschlussvorschlag: ${i.proposal}` });
  }
  return renderPdf(`Tagesordnung ${m.title}`, blocks);
}

const subjectOf = (kind: MailKind, m: MeetingRow) =>
  `${kind === 'request' ? 'Einladung' : kind === 'update' ? 'Änderung' : 'Abgesagt'}: ${m.title} am ${formatDate(m.startsAt)}`;

/**
 * Who receives a meeting's invitations: the committee's members (voting or not) and deputies in office
 * on the day, and the meeting's guests with the items they are invited to. Nobody else: an office
 * account is not invited as a member unless the person is on the committee.
 */
async function audienceOf(tx: Db, networkId: string, m: MeetingRow) {
  const day = berlinDay(m.startsAt);
  const members = await tx
    .select()
    .from(committeeMember)
    .where(
      and(
        eq(committeeMember.networkId, networkId),
        lte(committeeMember.termFrom, day),
        or(isNull(committeeMember.termTo), gte(committeeMember.termTo, day)),
      ),
    )
    .orderBy(asc(committeeMember.name));
  const guests = await tx.select().from(guest).where(eq(guest.meetingId, m.id)).orderBy(asc(guest.createdAt));
  const items = (
    await tx.select().from(agendaItem).where(eq(agendaItem.meetingId, m.id)).orderBy(asc(agendaItem.position))
  ).filter((i) => i.status !== 'moved');
  const numbers = new Map(items.map((i, idx) => [i.id, idx + 1]));
  const people = [
    ...members.map((x) => ({
      memberId: x.id,
      guestId: null,
      name: x.name,
      email: x.email,
      role: x.deputyOf ? ('deputy' as const) : x.voting ? ('member' as const) : ('nonvoting' as const),
      items,
    })),
    ...guests.map((g) => ({
      memberId: null,
      guestId: g.id,
      name: g.name,
      email: g.email,
      role: 'guest' as const,
      items: g.itemId ? items.filter((i) => i.id === g.itemId) : items,
    })),
  ];
  return { items, numbers, people };
}

const NO_EMAIL = 'keine E-Mail-Adresse hinterlegt';

/**
 * What "Einladungen verschicken" would do now, person by person, without sending anything: the
 * office looks before the mass mail goes out. The same audience as notifyRecipients.
 */
export async function previewInvitations(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
): Promise<AudiencePreview> {
  authorize(actor.role, 'steering.manage');
  const [m] = await deps.db
    .select()
    .from(meeting)
    .where(and(eq(meeting.id, meetingId), eq(meeting.networkId, actor.networkId)));
  if (!m) throw notFound('Die Sitzung');
  const { items, numbers, people } = await audienceOf(deps.db, actor.networkId, m);
  const update = m.status === 'invited';
  const blocked =
    m.status !== 'planned' && m.status !== 'invited'
      ? 'Zu dieser Sitzung werden keine Einladungen mehr verschickt.'
      : items.length === 0
        ? 'Die Tagesordnung ist leer. Legen Sie zuerst Tagesordnungspunkte an.'
        : null;
  const what = update ? 'Aktualisierte Einladung' : 'Einladung';
  return {
    what,
    blocked,
    recipients: people.map((p) => ({
      name: p.name,
      email: p.email,
      role: p.role,
      receives:
        p.items.length === items.length
          ? `${what} mit Tagesordnung (PDF, alle TOPs), Kalendereintrag und persönlichem Antwortlink`
          : `${what} nur zu ${p.items.map((i) => `TOP ${numbers.get(i.id)}`).join(', ')} (PDF), Kalendereintrag und persönlichem Antwortlink`,
      unreachable: p.email ? null : `${NO_EMAIL}: bitte persönlich oder per Post zustellen`,
    })),
  };
}

/**
 * Writes the invitation (or update, or cancellation) for every member, deputy and guest into the
 * outbox, in the caller's transaction: agenda PDF and iCalendar attached, personal reply link in the
 * text. Returns the persons who have no e-mail address, for delivery by hand.
 */
export async function notifyRecipients(
  tx: Db,
  deps: Deps,
  actor: NetworkActor,
  m: MeetingRow,
  kind: MailKind,
) {
  const [n] = await tx.select().from(network).where(eq(network.id, actor.networkId));
  const { items, numbers, people } = await audienceOf(tx, actor.networkId, m);
  const existing = await tx.select().from(meetingRecipient).where(eq(meetingRecipient.meetingId, m.id));

  const fullAgenda = kind === 'cancel' ? null : await agendaPdf(n!.name, m, items, numbers);
  const manual: Array<{ name: string; reason: string }> = [];
  let sent = 0;
  for (const p of people) {
    let r = existing.find((x) => (p.memberId ? x.memberId === p.memberId : x.guestId === p.guestId));
    if (!r) {
      [r] = await tx
        .insert(meetingRecipient)
        .values({
          networkId: actor.networkId,
          meetingId: m.id,
          memberId: p.memberId,
          guestId: p.guestId,
          name: p.name,
          email: p.email,
        })
        .returning();
    }
    if (kind !== 'request' && r!.sentSequence === null) continue; // never invited: nothing to update
    if (!p.email) {
      manual.push({ name: p.name, reason: NO_EMAIL });
      continue;
    }
    const agenda =
      kind === 'cancel'
        ? null
        : p.items.length === items.length
          ? fullAgenda
          : await agendaPdf(n!.name, m, p.items, numbers);
    const lines = [
      `Guten Tag ${p.name},`,
      '',
      kind === 'cancel'
        ? `die Sitzung „${m.title}“ am ${formatDateTime(m.startsAt)} ist abgesagt${m.cancelReason ? `: ${m.cancelReason}` : '.'}`
        : kind === 'update'
          ? `die Sitzung „${m.title}“ hat sich geändert. Es gilt:`
          : `hiermit lädt das Regionale Bildungsbüro Sie ${p.guestId ? 'als Gast (beratend) ' : ''}zur Sitzung „${m.title}“ ein.`,
    ];
    if (kind !== 'cancel') {
      // Each mail carries its own reply link (minted on delivery); all work until the meeting is over.
      const replyLink = await linkForMail(tx, {
        networkId: actor.networkId,
        purpose: 'meeting_reply',
        recipientId: r!.id,
      });
      // The calendar subscription comes once, with the first invitation; the member can replace it on
      // their account page.
      const calendarLink =
        p.memberId && !(await hasCalendarLink(tx, p.memberId))
          ? await linkForMail(tx, { networkId: actor.networkId, purpose: 'calendar', memberId: p.memberId })
          : null;
      lines.push(
        '',
        `Termin: ${formatMeetingTime(m.startsAt, m.endsAt)}`,
        `Ort: ${m.location || 'wird noch bekannt gegeben'}`,
        ...(m.onlineUrl ? [`Online-Teilnahme: ${m.onlineUrl}`] : []),
        '',
        'Tagesordnung:',
        ...p.items.map((i) => `TOP ${numbers.get(i.id)} ${i.title}`),
        '',
        `Bitte antworten Sie hier (Teilnahme, Stellvertretung oder Absage): ${replyLink}`,
        'Dieser Link ist persönlich: Bitte leiten Sie die E-Mail nicht weiter.',
        ...(calendarLink
          ? [`Ihre Sitzungen als Kalenderabo (persönlich, gilt bis zum Ende Ihrer Amtszeit): ${calendarLink}`]
          : []),
      );
    }
    lines.push('', 'Mit freundlichen Grüßen', `Regionales Bildungsbüro – ${n!.name}`);
    const ics = meetingCalendar(
      kind === 'cancel' ? 'CANCEL' : 'REQUEST',
      [calendarEntry(m, p.items.map((i) => `TOP ${numbers.get(i.id)} ${i.title}`).join('\n'))],
      {
        organizer: {
          name: `Regionales Bildungsbüro – ${n!.name}`,
          email: n!.contactEmail ?? deps.config.mailFrom.replace(/^.*<|>$/g, ''),
        },
        attendee: { name: p.name, email: p.email },
      },
    );
    await enqueueMail(tx, {
      networkId: actor.networkId,
      to: p.email,
      toName: p.name,
      subject: subjectOf(kind, m),
      text: lines.join('\n'),
      sensitive: kind !== 'cancel',
      attachments: [
        ...(agenda
          ? [
              {
                filename: 'Tagesordnung.pdf',
                contentType: 'application/pdf',
                contentBase64: agenda.toString('base64'),
              },
            ]
          : []),
        {
          filename: kind === 'cancel' ? 'Absage.ics' : 'Einladung.ics',
          contentType: `text/calendar; charset=utf-8; method=${kind === 'cancel' ? 'CANCEL' : 'REQUEST'}`,
          contentBase64: Buffer.from(ics).toString('base64'),
          method: kind === 'cancel' ? 'CANCEL' : 'REQUEST',
        },
      ],
    });
    await tx
      .update(meetingRecipient)
      .set({ sentSequence: m.icalSequence, email: p.email, name: p.name })
      .where(eq(meetingRecipient.id, r!.id));
    sent++;
  }
  return { sent, manualDelivery: manual };
}

/** Sends the invitations (the first time) or an update to everyone (after changes). */
export async function sendInvitations(deps: Deps, actor: NetworkActor, meetingId: string) {
  return deps.db.transaction(async (tx) => {
    const [m0] = await tx
      .select()
      .from(meeting)
      .where(and(eq(meeting.id, meetingId), eq(meeting.networkId, actor.networkId)))
      .for('update');
    if (!m0) throw notFound('Die Sitzung');
    if (m0.status !== 'planned' && m0.status !== 'invited') {
      throw new DomainError(
        'steering.meeting_closed',
        'Zu dieser Sitzung werden keine Einladungen mehr verschickt.',
        'conflict',
      );
    }
    const items = await tx
      .select({ id: agendaItem.id })
      .from(agendaItem)
      .where(eq(agendaItem.meetingId, m0.id));
    if (items.length === 0) {
      throw new DomainError(
        'steering.agenda_empty',
        'Die Tagesordnung ist leer. Legen Sie zuerst Tagesordnungspunkte an.',
        'invalid',
      );
    }
    const kind: MailKind = m0.status === 'planned' ? 'request' : 'update';
    const [m] = await tx
      .update(meeting)
      .set({ status: 'invited', icalSequence: kind === 'update' ? m0.icalSequence + 1 : m0.icalSequence })
      .where(eq(meeting.id, m0.id))
      .returning();
    const result = await notifyRecipients(tx, deps, actor, m!, 'request');
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'meeting',
      entityId: m!.id,
      summary: `${kind === 'request' ? 'Einladungen' : 'Aktualisierte Einladungen'} zu „${m!.title}“ verschickt (${result.sent} E-Mails${result.manualDelivery.length ? `, ${result.manualDelivery.length} ohne E-Mail-Adresse` : ''})`,
      after: { status: 'invited', sequence: m!.icalSequence, ...result },
    });
    return result;
  });
}

// ---- replies and subscriptions (personal links, no account needed) ----------------------------------

const termEnded = () =>
  linkGone(
    'links.term_ended',
    'Ihre Amtszeit im Lenkungskreis ist beendet; dieser persönliche Link gilt deshalb nicht mehr.',
  );

/** The member behind a personal link, while their term lasts. */
async function memberInOffice(db: Db, memberId: string, now: Date) {
  const [member] = await db.select().from(committeeMember).where(eq(committeeMember.id, memberId));
  if (!member) throw notFound('Das Mitglied');
  if (member.termTo !== null && member.termTo < berlinDay(now)) throw termEnded();
  return member;
}

/**
 * The invitation behind a reply link. The link serves until the meeting is over; a cancelled meeting
 * still shows its notice. A member whose term has ended no longer answers.
 */
export async function recipientByToken(db: Db, token: string, now: Date) {
  const link = await openLink(db, 'meeting_reply', token, 'Die Einladung');
  const [row] = await db
    .select({ r: meetingRecipient, m: meeting })
    .from(meetingRecipient)
    .innerJoin(meeting, eq(meeting.id, meetingRecipient.meetingId))
    .where(eq(meetingRecipient.id, link.recipientId!));
  if (!row) throw notFound('Die Einladung');
  const over = !['planned', 'invited', 'cancelled'].includes(row.m.status) || row.m.endsAt <= now;
  if (over) {
    throw linkGone(
      'links.meeting_over',
      'Diese Sitzung ist vorbei; der persönliche Link zur Rückmeldung gilt nicht mehr.',
    );
  }
  if (row.r.memberId) await memberInOffice(db, row.r.memberId, now);
  return row;
}

export async function replyInfo(deps: Deps, token: string) {
  const { r, m } = await recipientByToken(deps.db, token, deps.now());
  let hasDeputy = false;
  if (r.memberId) {
    const [d] = await deps.db
      .select({ id: committeeMember.id })
      .from(committeeMember)
      .where(eq(committeeMember.deputyOf, r.memberId));
    hasDeputy = Boolean(d);
  }
  return {
    meetingTitle: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    location: m.location,
    onlineUrl: m.onlineUrl,
    cancelled: m.status === 'cancelled',
    name: r.name,
    isGuest: r.guestId !== null,
    hasDeputy,
    reply: r.reply,
  };
}

export async function submitReply(deps: Deps, token: string, reply: 'attending' | 'deputy' | 'excused') {
  await deps.db.transaction(async (tx) => {
    const { r, m } = await recipientByToken(tx, token, deps.now());
    await recordOwnReply(tx, deps.now(), r, m, reply);
  });
  return replyInfo(deps, token);
}

type RecipientRow = typeof meetingRecipient.$inferSelect;

/** The invited person's own answer (through their link or signed in), in the caller's transaction. */
export async function recordOwnReply(
  tx: Db,
  now: Date,
  r: RecipientRow,
  m: MeetingRow,
  reply: 'attending' | 'deputy' | 'excused',
) {
  assertReplyAllowed(m.status, reply, r.memberId !== null);
  await tx
    .update(meetingRecipient)
    .set({ reply, repliedAt: now, replyChannel: 'link', replyRecordedBy: null })
    .where(eq(meetingRecipient.id, r.id));
  await recordAudit(
    tx,
    { userId: null, name: r.name, networkId: r.networkId },
    {
      action: 'update',
      entityType: 'meeting_reply',
      entityId: r.id,
      summary: `${r.name} antwortet auf „${m.title}“: ${reply === 'attending' ? 'nimmt teil' : reply === 'deputy' ? 'schickt die Stellvertretung' : 'entschuldigt'}`,
      before: { reply: r.reply },
      after: { reply },
    },
  );
}

/**
 * A member's meetings as a subscribable calendar: a secret link, replaceable by its owner, that stops
 * with the end of the term.
 */
export async function calendarFeed(deps: Deps, token: string): Promise<string> {
  const link = await openLink(deps.db, 'calendar', token, 'Der Kalender');
  if (link.recipientId) return guestCalendarFeed(deps, link.recipientId);
  const member = await memberInOffice(deps.db, link.memberId!, deps.now());
  const [n] = await deps.db.select().from(network).where(eq(network.id, member.networkId));
  const meetings = await deps.db
    .select()
    .from(meeting)
    .where(eq(meeting.networkId, member.networkId))
    .orderBy(asc(meeting.startsAt));
  return meetingCalendar(
    'PUBLISH',
    meetings.map((m) => calendarEntry(m)),
    {
      organizer: {
        name: `Regionales Bildungsbüro – ${n!.name}`,
        email: n!.contactEmail ?? 'bildungsbuero@localhost',
      },
      name: `Lenkungskreis – ${n!.name}`,
    },
  );
}

/**
 * A guest's subscription: the meetings this guest is invited to in the network (by the address of the
 * invitation). It ends with the last of them.
 */
async function guestCalendarFeed(deps: Deps, recipientId: string): Promise<string> {
  const [r] = await deps.db.select().from(meetingRecipient).where(eq(meetingRecipient.id, recipientId));
  const [g] = r?.guestId ? await deps.db.select().from(guest).where(eq(guest.id, r.guestId)) : [];
  if (!r || !g) throw notFound('Der Kalender');
  const invites = await deps.db
    .select({ m: meeting })
    .from(guest)
    .innerJoin(meeting, eq(meeting.id, guest.meetingId))
    .where(
      and(
        eq(guest.networkId, g.networkId),
        g.userId
          ? or(eq(guest.userId, g.userId), g.email ? eq(guest.email, g.email) : eq(guest.id, g.id))
          : g.email
            ? eq(guest.email, g.email)
            : eq(guest.id, g.id),
      ),
    )
    .orderBy(asc(meeting.startsAt));
  const meetings = [...new Map(invites.map(({ m }) => [m.id, m])).values()];
  if (meetings.every((m) => m.endsAt <= deps.now())) {
    throw linkGone(
      'links.meetings_over',
      'Die Sitzungen, zu denen Sie als Gast eingeladen waren, sind vorbei; dieses Kalenderabo gilt nicht mehr.',
    );
  }
  const [n] = await deps.db.select().from(network).where(eq(network.id, g.networkId));
  return meetingCalendar(
    'PUBLISH',
    meetings.map((m) => calendarEntry(m)),
    {
      organizer: {
        name: `Regionales Bildungsbüro – ${n!.name}`,
        email: n!.contactEmail ?? 'bildungsbuero@localhost',
      },
      name: `Lenkungskreis (Gast) – ${n!.name}`,
    },
  );
}
