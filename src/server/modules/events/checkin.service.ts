import type { CheckinEntry, CheckinOverview, WalkInInput } from '../../../contracts/events-checkin.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDate } from '../../lib/format.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { fold } from '../contacts/contacts.service.js';
import { openLink } from '../links/links.service.js';
import { authorize } from '../networks/networks.policy.js';
import * as repo from './checkin.repository.js';
import {
  alreadyCheckedIn,
  bySurname,
  capacityWarning,
  DEFAULT_EVENT_RETENTION_MONTHS,
  matchesWords,
  retentionDue,
  retentionDueAt,
  tokenOfCode,
} from './checkin.rules.js';
import { anonymiseEventIn } from './event-retention.service.js';
import type { EventRow } from './events.repository.js';
import { visibleEvent } from './events.service.js';

/*
 * The day of an event at the door: find a confirmed registration by name or institution, or by the QR
 * code of the personal registration page, and let the person in; add walk-ins; tick who took part in
 * which session.
 */

async function managedEvent(db: Db, actor: NetworkActor, eventId: string, opts: { lock?: boolean } = {}) {
  authorize(actor.role, 'events.manage');
  return visibleEvent(db, actor, eventId, opts);
}

function refuseAnonymised(ev: EventRow) {
  if (ev.anonymisedAt)
    throw new DomainError(
      'events.anonymised',
      'Die personenbezogenen Daten dieser Veranstaltung wurden bereits anonymisiert.',
      'conflict',
    );
}

const isPlaced = (r: repo.RegistrationRow) => r.status === 'confirmed' && !r.cancelledAt;

function entryOf(r: repo.RegistrationRow, choices: repo.ChoiceRow[]): CheckinEntry {
  return {
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    institution: r.institution,
    function: r.function,
    walkIn: r.walkIn,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    sessions: choices
      .filter((c) => c.registrationId === r.id)
      .map((c) => ({ sessionId: c.sessionId, status: c.status, attended: c.attendedAt !== null })),
  };
}

/** Who is in a session: plenary sessions hold everybody, others those with a confirmed place there. */
export function sessionMembers(
  s: { id: string; kind: string },
  regs: repo.RegistrationRow[],
  choices: repo.ChoiceRow[],
): repo.RegistrationRow[] {
  const placed = regs.filter(isPlaced);
  if (s.kind === 'plenary') return placed;
  const ids = new Set(
    choices.filter((c) => c.sessionId === s.id && c.status === 'confirmed').map((c) => c.registrationId),
  );
  return placed.filter((r) => ids.has(r.id));
}

export async function checkinOverview(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  q?: string,
): Promise<CheckinOverview> {
  const ev = await managedEvent(deps.db, actor, eventId);
  const [regs, choices, sessions] = await Promise.all([
    repo.registrationsOf(deps.db, actor.networkId, eventId),
    repo.choicesOf(deps.db, actor.networkId, eventId),
    repo.sessionsOf(deps.db, actor.networkId, eventId),
  ]);
  const placed = regs.filter(isPlaced).sort(bySurname);
  const query = fold(q);
  const found = query
    ? placed.filter((r) => matchesWords(fold(`${r.firstName} ${r.lastName} ${r.institution}`), query))
    : placed;
  return {
    eventId,
    title: ev.title,
    capacity: ev.capacity,
    confirmed: placed.length,
    checkedIn: placed.filter((r) => r.checkedInAt).length,
    walkIns: placed.filter((r) => r.walkIn).length,
    anonymisedAt: ev.anonymisedAt?.toISOString() ?? null,
    sessions: sessions
      .filter((s) => s.kind !== 'break')
      .map((s) => {
        const members = sessionMembers(s, regs, choices);
        const attended = new Set(
          choices.filter((c) => c.sessionId === s.id && c.attendedAt).map((c) => c.registrationId),
        );
        return {
          id: s.id,
          title: s.title,
          kind: s.kind,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          capacity: s.capacity,
          confirmed: members.length,
          attended: placed.filter((r) => attended.has(r.id)).length,
        };
      }),
    entries: found.map((r) => entryOf(r, choices)),
  };
}

async function entryById(db: Db, networkId: string, eventId: string, registrationId: string) {
  const r = await repo.registrationRow(db, networkId, registrationId);
  if (!r || r.eventId !== eventId) throw notFound('Die Anmeldung');
  const choices = (await repo.choicesOf(db, networkId, eventId)).filter((c) => c.registrationId === r.id);
  return entryOf(r, choices);
}

async function checkInIn(tx: Db, actor: NetworkActor, ev: EventRow, registrationId: string, now: Date) {
  const r = await repo.registrationRow(tx, actor.networkId, registrationId);
  if (!r || r.eventId !== ev.id) throw notFound('Die Anmeldung');
  if (!isPlaced(r))
    throw new DomainError(
      'events.checkin_not_confirmed',
      'Diese Anmeldung ist nicht bestätigt (Warteliste oder abgesagt) und kann nicht eingelassen werden.',
      'conflict',
    );
  const done = await repo.markCheckedIn(tx, r.id, now, actor.userId);
  if (!done) {
    const again = await repo.registrationRow(tx, actor.networkId, r.id);
    throw new DomainError(
      'events.already_checked_in',
      alreadyCheckedIn(again?.checkedInAt ?? now),
      'conflict',
    );
  }
  await recordAudit(tx, auditActorOf(actor), {
    action: 'update',
    entityType: 'registration',
    entityId: r.id,
    summary: `Eingelassen zu „${ev.title}“`,
    after: { checkedInAt: now.toISOString() },
  });
}

export async function checkIn(deps: Deps, actor: NetworkActor, eventId: string, registrationId: string) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const ev = await managedEvent(tx, actor, eventId);
    refuseAnonymised(ev);
    await checkInIn(tx, actor, ev, registrationId, now);
  });
  return entryById(deps.db, actor.networkId, eventId, registrationId);
}

/** The URL of the personal registration page or its bare token, as the scanner types it. */
export async function checkInByCode(deps: Deps, actor: NetworkActor, eventId: string, code: string) {
  await managedEvent(deps.db, actor, eventId);
  const token = tokenOfCode(code);
  if (!token) throw notFound('Die Anmeldung zu diesem Code');
  const link = await openLink(deps.db, 'registration', token, 'Die Anmeldung zu diesem Code', deps.now());
  if (!link.registrationId || link.networkId !== actor.networkId)
    throw notFound('Die Anmeldung zu diesem Code');
  const r = await repo.registrationRow(deps.db, actor.networkId, link.registrationId);
  // A code of another event is not found here: the door of one event admits to that event only.
  if (!r || r.eventId !== eventId) throw notFound('Die Anmeldung zu diesem Code');
  return checkIn(deps, actor, eventId, r.id);
}

export async function undoCheckIn(deps: Deps, actor: NetworkActor, eventId: string, registrationId: string) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const ev = await managedEvent(tx, actor, eventId);
    refuseAnonymised(ev);
    const r = await repo.registrationRow(tx, actor.networkId, registrationId);
    if (!r || r.eventId !== eventId) throw notFound('Die Anmeldung');
    if (!r.checkedInAt) return;
    await repo.unmarkCheckedIn(tx, r.id, now);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'registration',
      entityId: r.id,
      summary: `Einlass zu „${ev.title}“ zurückgenommen`,
      before: { checkedInAt: r.checkedInAt.toISOString() },
      after: { checkedInAt: null },
    });
  });
  return entryById(deps.db, actor.networkId, eventId, registrationId);
}

/** A person without registration at the door: confirmed and checked in; places are not enforced. */
export async function addWalkIn(deps: Deps, actor: NetworkActor, eventId: string, input: WalkInInput) {
  const now = deps.now();
  const { row, warning } = await deps.db.transaction(async (tx) => {
    // Locked: two walk-ins at once count each other for the warning.
    const ev = await managedEvent(tx, actor, eventId, { lock: true });
    refuseAnonymised(ev);
    const row = await repo.insertWalkIn(tx, {
      networkId: actor.networkId,
      eventId,
      firstName: input.firstName,
      lastName: input.lastName,
      institution: input.institution,
      function: input.function,
      at: now,
      by: actor.userId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'registration',
      entityId: row.id,
      summary: `Ohne Anmeldung eingelassen zu „${ev.title}“`,
    });
    return { row, warning: capacityWarning(await repo.confirmedCount(tx, eventId), ev.capacity) };
  });
  return { entry: entryOf(row, []), warning };
}

export async function setSessionAttendance(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  sessionId: string,
  input: { registrationIds: string[]; attended: boolean },
) {
  const now = deps.now();
  const ids = [...new Set(input.registrationIds)];
  await deps.db.transaction(async (tx) => {
    const ev = await managedEvent(tx, actor, eventId);
    refuseAnonymised(ev);
    const session = (await repo.sessionsOf(tx, actor.networkId, eventId)).find((s) => s.id === sessionId);
    if (!session) throw notFound('Der Programmpunkt');
    const regs = new Map(
      (await repo.registrationsOf(tx, actor.networkId, eventId)).map((r): [string, repo.RegistrationRow] => [
        r.id,
        r,
      ]),
    );
    const unknown = ids.filter((id) => !regs.has(id));
    if (unknown.length > 0) throw notFound('Die Anmeldung');
    if (input.attended && ids.some((id) => !isPlaced(regs.get(id)!)))
      throw new DomainError(
        'events.attendance_not_confirmed',
        'Nur bestätigte Anmeldungen können als teilgenommen markiert werden.',
        'invalid',
      );
    await repo.setAttendance(tx, actor.networkId, sessionId, ids, input.attended ? now : null);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event_session',
      entityId: sessionId,
      summary: `Teilnahme an „${session.title}“: ${ids.length} ${input.attended ? 'als teilgenommen markiert' : 'zurückgenommen'}`,
      after: { registrationIds: ids, attended: input.attended },
    });
  });
  const choices = await repo.choicesOf(deps.db, actor.networkId, eventId);
  return { sessionId, attended: choices.filter((c) => c.sessionId === sessionId && c.attendedAt).length };
}

/** What the PDFs and exports of one event read. */
export async function dayData(deps: Deps, actor: NetworkActor, eventId: string) {
  const ev = await managedEvent(deps.db, actor, eventId);
  const [regs, choices, sessions] = await Promise.all([
    repo.registrationsOf(deps.db, actor.networkId, eventId),
    repo.choicesOf(deps.db, actor.networkId, eventId),
    repo.sessionsOf(deps.db, actor.networkId, eventId),
  ]);
  return { event: ev, registrations: regs.sort(bySurname), choices, sessions };
}
export type DayData = Awaited<ReturnType<typeof dayData>>;

/** The office anonymises an event whose retention period has passed (the job does it on its own too). */
export async function anonymiseEvent(deps: Deps, actor: NetworkActor, eventId: string) {
  const now = deps.now();
  const ev = await managedEvent(deps.db, actor, eventId);
  if (ev.anonymisedAt)
    throw new DomainError('events.anonymised', 'Diese Veranstaltung wurde bereits anonymisiert.', 'conflict');
  if (!retentionDue(ev.endsAt, DEFAULT_EVENT_RETENTION_MONTHS, now)) {
    const due = retentionDueAt(ev.endsAt, DEFAULT_EVENT_RETENTION_MONTHS);
    throw new DomainError(
      'events.retention_running',
      `Die Aufbewahrungsfrist läuft noch bis ${formatDate(due)}.`,
      'conflict',
    );
  }
  const done = await deps.db.transaction((tx) =>
    anonymiseEventIn(tx, { ...auditActorOf(actor), networkId: actor.networkId }, eventId, now),
  );
  if (!done)
    throw new DomainError('events.anonymised', 'Diese Veranstaltung wurde bereits anonymisiert.', 'conflict');
  return done;
}
