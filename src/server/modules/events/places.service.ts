import type { PlaceStatus } from '../../../contracts/events.js';
import type { ChoiceView, PlaceCounts, SessionOption } from '../../../contracts/events-registration.js';
import type { Db } from '../../db/client.js';
import { DomainError } from '../../http/errors.js';
import type { Deps } from '../../lib/context.js';
import { linkForMail } from '../links/links.service.js';
import { enqueueMail, type NewMail } from '../mail/mail.service.js';
import type { EventRow } from './events.repository.js';
import {
  needsSettling,
  offerDeadline,
  type Place,
  placeFor,
  settle,
  takesPlace,
  waitingPosition,
} from './places.rules.js';
import { type MailKind, registrationCalendar, registrationMail } from './registration.mails.js';
import * as repo from './registration.repository.js';

/*
 * The places of an event and its sessions as registrations hold them: read views (free places, choices
 * with waiting positions), the settling of offers and waiting lists with the mails it sends, and the
 * mail to one registration. The callers hold the event's lock (registration.service.ts).
 */

export const choosableKinds = new Set(['workshop', 'forum']);

const placeOf = (r: {
  id: string;
  status: PlaceStatus;
  waitingSince: Date | null;
  offerExpiresAt: Date | null;
}): Place => ({ id: r.id, status: r.status, waitingSince: r.waitingSince, offerExpiresAt: r.offerExpiresAt });

/** Everything about the places of one event, read in one go. */
export async function placesOf(db: Db, ev: EventRow) {
  const [sessions, regs, choiceRows] = await Promise.all([
    repo.sessionsOf(db, ev.id),
    repo.registrationsOf(db, ev.id),
    repo.choicesOf(db, ev.id),
  ]);
  const eventPlaces = regs.filter((r) => r.status !== 'cancelled').map(placeOf);
  // A session's places: the choices of registrations that hold a confirmed place at the event.
  const sessionPlaces = new Map<string, Place[]>();
  for (const s of sessions) sessionPlaces.set(s.id, []);
  // A choice joins its session's list once its registration holds a place (then it has a moment).
  for (const { choice, registrationStatus } of choiceRows)
    if (
      registrationStatus === 'confirmed' &&
      choice.status !== 'cancelled' &&
      !(choice.status === 'waiting' && !choice.waitingSince)
    )
      sessionPlaces.get(choice.sessionId)?.push(placeOf(choice));
  return { sessions, regs, choiceRows, eventPlaces, sessionPlaces };
}

export type Places = Awaited<ReturnType<typeof placesOf>>;

export const count = (places: Place[], capacity: number | null, cancelled = 0): PlaceCounts => ({
  capacity,
  confirmed: places.filter((p) => p.status === 'confirmed').length,
  offered: places.filter((p) => p.status === 'offered').length,
  waiting: places.filter((p) => p.status === 'waiting').length,
  cancelled,
});

export const freeOf = (capacity: number | null, places: Place[]) =>
  capacity === null ? null : Math.max(0, capacity - places.filter((p) => takesPlace(p.status)).length);

export function sessionOptions(p: Places): SessionOption[] {
  return p.sessions.map((s) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    free: freeOf(s.capacity, p.sessionPlaces.get(s.id) ?? []),
    choosable: choosableKinds.has(s.kind),
  }));
}

export function choiceViews(p: Places, registrationId: string): ChoiceView[] {
  const byId = new Map(p.sessions.map((s) => [s.id, s]));
  return p.choiceRows
    .filter((c) => c.choice.registrationId === registrationId)
    .map(({ choice }) => {
      const s = byId.get(choice.sessionId)!;
      return {
        sessionId: s.id,
        title: s.title,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        priority: choice.priority,
        status: choice.status,
        waitingPosition:
          choice.status === 'waiting' ? waitingPosition(p.sessionPlaces.get(s.id) ?? [], choice.id) : null,
        offerExpiresAt: choice.offerExpiresAt?.toISOString() ?? null,
      };
    });
}

/** One registration with its choices and waiting positions (cheap: no full lists). */
export async function regView(tx: Db, ev: EventRow, regId: string, sessions?: repo.SessionRecord[]) {
  const all = sessions ?? (await repo.sessionsOf(tx, ev.id));
  const byId = new Map(all.map((x) => [x.id, x]));
  const reg = (await repo.registrationById(tx, ev.networkId, regId))!;
  const rows = await repo.choicesOfRegistration(tx, regId);
  const position =
    reg.status === 'waiting' && reg.waitingSince
      ? (await repo.waitingAhead(tx, ev.id, reg.waitingSince, reg.id)) + 1
      : null;
  const choices: ChoiceView[] = [];
  for (const c of rows) {
    const x = byId.get(c.sessionId)!;
    choices.push({
      sessionId: x.id,
      title: x.title,
      startsAt: x.startsAt.toISOString(),
      endsAt: x.endsAt.toISOString(),
      priority: c.priority,
      status: c.status,
      waitingPosition:
        c.status === 'waiting' && c.waitingSince && reg.status === 'confirmed'
          ? (await repo.choiceWaitingAhead(tx, x.id, c.waitingSince, c.id)) + 1
          : null,
      offerExpiresAt: c.offerExpiresAt?.toISOString() ?? null,
    });
  }
  return { reg, position, choices };
}

/** A chosen session as the mails name it. */
export const mailChoice = (
  s: repo.SessionRecord,
  c: { priority: number; status: string; waitingSince: Date | null; offerExpiresAt: Date | null },
) => ({
  sessionId: s.id,
  title: s.title,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  priority: c.priority,
  status: c.status,
  waitingSince: c.waitingSince,
  offerExpiresAt: c.offerExpiresAt,
});

/** The mail to a registration, with its calendar when it holds a place, ready for the outbox. */
export function mailOf(
  deps: Deps,
  ev: EventRow,
  networkName: string,
  reg: {
    id: string;
    firstName: string;
    lastName: string;
    email: string;
    status: PlaceStatus;
    offerExpiresAt: Date | null;
  },
  choices: Array<ReturnType<typeof mailChoice>>,
  kind: MailKind,
  link: string,
  offeredSessions: string[] = [],
): NewMail {
  const offerAt = reg.offerExpiresAt ?? choices.find((c) => c.status === 'offered')?.offerExpiresAt ?? null;
  const { subject, text } = registrationMail(kind, {
    event: ev,
    networkName,
    name: `${reg.firstName} ${reg.lastName}`,
    offerExpiresAt: offerAt,
    choices,
    offeredSessions,
    link,
  });
  const withCalendar = (kind === 'confirmed' || kind === 'accepted') && reg.status === 'confirmed';
  const ics = withCalendar
    ? registrationCalendar(
        reg.id,
        ev,
        choices.filter((c) => c.status === 'confirmed').map((c) => ({ ...c, id: c.sessionId })),
        {
          name: `Regionales Bildungsbüro – ${networkName}`,
          email: deps.config.mailFrom.replace(/^.*<|>$/g, ''),
        },
      )
    : null;
  return {
    networkId: ev.networkId,
    to: reg.email,
    toName: `${reg.firstName} ${reg.lastName}`,
    subject,
    text,
    sensitive: true,
    attachments: ics
      ? [
          {
            filename: 'Veranstaltung.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            contentBase64: Buffer.from(ics).toString('base64'),
          },
        ]
      : [],
  };
}

/** Queues one mail to a registration with its personal link (and the calendar when it has a place). */
export async function mailTo(
  tx: Db,
  deps: Deps,
  ev: EventRow,
  registrationId: string,
  kind: MailKind,
  offeredSessions: string[] = [],
) {
  const [sessions, reg, rows, networkName] = await Promise.all([
    repo.sessionsOf(tx, ev.id),
    repo.registrationById(tx, ev.networkId, registrationId),
    repo.choicesOfRegistration(tx, registrationId),
    repo.networkName(tx, ev.networkId),
  ]);
  const byId = new Map(sessions.map((x) => [x.id, x]));
  const link = await linkForMail(tx, {
    networkId: ev.networkId,
    purpose: 'registration',
    registrationId,
    expiresAt: ev.endsAt,
  });
  const choices = rows.map((c) => mailChoice(byId.get(c.sessionId)!, c));
  await enqueueMail(tx, mailOf(deps, ev, networkName, reg!, choices, kind, link, offeredSessions));
}

/** A registration and its choices cancelled (no mail, no audit: the caller's). */
export async function cancelRows(tx: Db, registrationId: string, now: Date) {
  await repo.updateRegistration(
    tx,
    registrationId,
    { status: 'cancelled', cancelledAt: now, offerExpiresAt: null },
    now,
  );
  await repo.updateChoicesOf(tx, registrationId, { status: 'cancelled', offerExpiresAt: null });
}

/**
 * Applies the rules of places to the event and each session: offers that ran out are cancelled, free
 * places are offered to the next ones on the waiting lists (with a mail each). Call inside a
 * transaction that holds the event's lock.
 */
export async function settleEvent(tx: Db, deps: Deps, ev: EventRow, now: Date) {
  // The common case (nothing ran out, no free place while somebody waits) costs two grouped queries.
  const [evTally, sTallies] = await Promise.all([
    repo.eventTally(tx, ev.id, now),
    repo.sessionTallies(tx, ev.id, now),
  ]);
  if (!needsSettling(ev.capacity, evTally) && sTallies.size > 0) {
    const caps = new Map((await repo.sessionsOf(tx, ev.id)).map((x) => [x.id, x.capacity]));
    if (![...sTallies].some(([id, t]) => needsSettling(caps.get(id) ?? null, t))) return 0;
  } else if (!needsSettling(ev.capacity, evTally)) return 0;
  let p = await placesOf(tx, ev);
  const until = offerDeadline(now, ev.offerHours, ev.startsAt);
  const mails: Array<[string, MailKind, string[]]> = [];
  const ev0 = settle(ev.capacity, p.eventPlaces, now);
  for (const id of ev0.expired) {
    await cancelRows(tx, id, now);
    mails.push([id, 'expired', []]);
  }
  for (const id of ev0.offered) {
    await repo.updateRegistration(tx, id, { status: 'offered', offerExpiresAt: until }, now);
    mails.push([id, 'offer', []]);
  }
  if (ev0.expired.length + ev0.offered.length > 0) p = await placesOf(tx, ev);
  for (const s of p.sessions) {
    const places = p.sessionPlaces.get(s.id) ?? [];
    const r = settle(s.capacity, places, now);
    for (const id of r.expired) {
      await repo.updateChoice(tx, id, { status: 'cancelled', offerExpiresAt: null });
      const regId = p.choiceRows.find((c) => c.choice.id === id)!.choice.registrationId;
      mails.push([regId, 'expired', []]);
    }
    for (const id of r.offered) {
      await repo.updateChoice(tx, id, { status: 'offered', offerExpiresAt: until });
      const regId = p.choiceRows.find((c) => c.choice.id === id)!.choice.registrationId;
      mails.push([regId, 'offer', [s.title]]);
    }
  }
  for (const [id, kind, sessions] of mails) await mailTo(tx, deps, ev, id, kind, sessions);
  return mails.length;
}

/** The choices of a registration that just got its place at the event: each session's rule decides. */
export async function placeChoices(tx: Db, ev: EventRow, registrationId: string, now: Date) {
  const sessions = new Map((await repo.sessionsOf(tx, ev.id)).map((x) => [x.id, x]));
  const tallies = await repo.sessionTallies(tx, ev.id, now);
  const at = await repo.waitingMoment(tx, ev.id, now);
  for (const choice of await repo.choicesOfRegistration(tx, registrationId)) {
    if (choice.status !== 'waiting' || choice.waitingSince) continue;
    const s = sessions.get(choice.sessionId)!;
    const t = tallies.get(s.id) ?? { taken: 0, waiting: 0, expired: 0 };
    const status = placeFor(s.capacity, t.taken, t.waiting);
    await repo.updateChoice(tx, choice.id, { status, waitingSince: status === 'waiting' ? at : null });
    if (status === 'confirmed') t.taken += 1;
    else t.waiting += 1;
    tallies.set(s.id, t);
  }
}

export function validChoices(sessions: repo.SessionRecord[], ids: string[]) {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  for (const id of ids) {
    const s = byId.get(id);
    if (!s || !choosableKinds.has(s.kind))
      throw new DomainError(
        'registration.session',
        'Bitte wählen Sie nur Workshops und Foren dieser Veranstaltung.',
        'invalid',
      );
  }
}
