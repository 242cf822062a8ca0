import { randomUUID } from 'node:crypto';
import type {
  EventHead,
  InvitationView,
  RegistrationForm,
  RegistrationInput,
  RegistrationResult,
} from '../../../contracts/events-registration.js';
import { RegistrationInput as InputSchema } from '../../../contracts/events-registration.js';
import type { Db } from '../../db/client.js';
import { sqlError, writeAfter } from '../../db/statements.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps } from '../../lib/context.js';
import { formatDate } from '../../lib/format.js';
import { auditInsert, recordAudit } from '../audit/audit.service.js';
import { personIdByEmail, personIdOfEmail } from '../contacts/contacts.service.js';
import { linkForMailInsert, linkPlaceholder, openLink } from '../links/links.service.js';
import { enqueueMailInsert } from '../mail/mail.service.js';
import { networkBySlug, publishedNetworkOfSlug } from '../publicsite/publicsite.service.js';
import { type EventRow, eventRow } from './events.repository.js';
import { needsSettling, placeFor, placeState } from './places.rules.js';
import {
  cancelRows,
  freeOf,
  mailChoice,
  mailOf,
  mailTo,
  placesOf,
  regView,
  sessionOptions,
  settleEvent,
  validChoices,
} from './places.service.js';
import * as repo from './registration.repository.js';

/*
 * Registering: publicly, by a personal invitation link, or entered by the office. Every change of places
 * holds the event's lock (a new registration for the time of one statement, `registerIn`; everything
 * else in a transaction that takes it first), so registrations of one event are serialised and places
 * are never overbooked. Offers that ran out are settled lazily on every read and write of the event and
 * by a job. The places themselves, their views and their mails are in places.service.ts.
 */

export type AuditWho = { userId: string | null; name: string | null; networkId: string; requestId?: string };
export const publicWho = (networkId: string, name = 'Anmeldung über die öffentliche Seite'): AuditWho => ({
  userId: null,
  name,
  networkId,
});

export const head = (ev: EventRow, networkName: string): EventHead => ({
  id: ev.id,
  title: ev.title,
  type: ev.type,
  description: ev.description,
  startsAt: ev.startsAt.toISOString(),
  endsAt: ev.endsAt.toISOString(),
  venue: ev.venue,
  venueAddress: ev.venueAddress,
  networkName,
  capacity: ev.capacity,
  registrationDeadline: ev.registrationDeadline?.toISOString() ?? null,
});

/** Why one cannot register now (German, shown as it is), or null when registration is open. */
export function closedReason(ev: EventRow, now: Date): string | null {
  if (ev.cancelledAt) return 'Die Veranstaltung wurde abgesagt.';
  if (ev.status === 'planned' || ev.status === 'announced') return 'Die Anmeldung ist noch nicht geöffnet.';
  if (ev.status !== 'registration_open') return 'Die Anmeldung ist geschlossen.';
  if (ev.registrationDeadline && ev.registrationDeadline <= now)
    return `Die Anmeldefrist ist am ${formatDate(ev.registrationDeadline)} abgelaufen.`;
  if (ev.startsAt <= now) return 'Die Veranstaltung hat bereits begonnen.';
  return null;
}

type Source = 'public' | 'invitation' | 'office';
type ParsedInput = ReturnType<typeof InputSchema.parse>;

const duplicate = (source: Source, email: string) =>
  new DomainError(
    'registration.duplicate',
    source === 'office'
      ? `${email} ist für diese Veranstaltung bereits angemeldet.`
      : 'Sie sind bereits für diese Veranstaltung angemeldet. Den Link zu Ihrer Anmeldung finden Sie in Ihrer Bestätigungsmail.',
    'conflict',
  );

function mustBeOpen(
  ev: EventRow | undefined,
  source: Source,
  recorded: boolean,
  now: Date,
): asserts ev is EventRow {
  if (!ev) throw notFound('Die Veranstaltung');
  if (ev.cancelledAt)
    throw new DomainError('registration.closed', 'Die Veranstaltung wurde abgesagt.', 'conflict');
  const reason = source === 'office' || recorded ? null : closedReason(ev, now);
  if (reason) throw new DomainError('registration.closed', reason, 'conflict');
}

/** Whether the rules have to settle places (an offer ran out, a free place while somebody waits). */
function unsettled(ev: EventRow, sessions: repo.SessionRecord[], t: repo.Tally, st: Map<string, repo.Tally>) {
  return (
    needsSettling(ev.capacity, t) ||
    sessions.some((s) => needsSettling(s.capacity, st.get(s.id) ?? { taken: 0, waiting: 0, expired: 0 }))
  );
}

/** A new registration's place and its choices' places, by the rules, from the places of the others. */
function planOf(
  ev: EventRow,
  sessions: repo.SessionRecord[],
  choices: string[],
  t: repo.Tally,
  st: Map<string, repo.Tally>,
) {
  const status = placeFor(ev.capacity, t.taken, t.waiting);
  const caps = new Map(sessions.map((s) => [s.id, s.capacity]));
  // With a place at the event each chosen session's rule decides; on the waiting list the choices
  // wait for the event's place first (without a moment on the session's list).
  return {
    status,
    choices: choices.map((id) => {
      if (status !== 'confirmed') return 'waiting' as const;
      const c = st.get(id) ?? { taken: 0, waiting: 0, expired: 0 };
      return placeFor(caps.get(id) ?? null, c.taken, c.waiting);
    }),
  };
}

/** What a registration stores about the person; needs only with consent (and then its moment). */
function personalFields(input: ParsedInput, now: Date) {
  const needs = input.needsConsent && (input.dietary !== '' || input.accessibility !== '');
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    institution: input.institution,
    function: input.function,
    dietary: needs ? input.dietary || null : null,
    accessibility: needs ? input.accessibility || null : null,
    needsConsentAt: needs ? now : null,
    photoConsent: input.photoConsent,
  };
}

/** How often a registration plans again when others changed the places meanwhile, before the careful way. */
const PLAN_ROUNDS = 6;

/**
 * The places of each event as this app instance saw them last (after its last registration there): a
 * guess to plan the next registration from without reading the places first. Only a guess: the
 * statement checks the plan under the event's lock, and when the places changed (another instance, a
 * cancellation, the office) it writes nothing and the registration reads the places and plans again.
 */
const lastSeen = new Map<string, { at: number; places: Pick<repo.OthersPlaces, 'event' | 'sessions'> }>();
const LAST_SEEN_MS = 60_000;

function guessOf(eventId: string, now: number) {
  const seen = lastSeen.get(eventId);
  if (!seen || now - seen.at > LAST_SEEN_MS) return undefined;
  return { ...seen.places, duplicate: false, at: new Date(now) };
}

function remember(eventId: string, places: Pick<repo.OthersPlaces, 'event' | 'sessions'>, now: number) {
  if (lastSeen.size >= 1000) lastSeen.clear();
  lastSeen.set(eventId, { at: now, places });
}

/** The places after a new registration took its own: the others' tallies plus its places. */
function withMine(
  others: Pick<repo.OthersPlaces, 'event' | 'sessions'>,
  plan: ReturnType<typeof planOf>,
  choices: string[],
) {
  const add = (t: repo.Tally | undefined, status: 'confirmed' | 'waiting') => ({
    ...(t ?? { taken: 0, waiting: 0, expired: 0 }),
    taken: (t?.taken ?? 0) + (status === 'confirmed' ? 1 : 0),
    waiting: (t?.waiting ?? 0) + (status === 'waiting' ? 1 : 0),
  });
  const sessions = new Map(others.sessions);
  // Choices of a registration on the event's waiting list hold no place and wait on no session's list.
  if (plan.status === 'confirmed')
    for (const [i, id] of choices.entries()) sessions.set(id, add(sessions.get(id), plan.choices[i]!));
  return { event: add(others.event, plan.status), sessions };
}

/**
 * The core of every registration. The places are planned from what is committed now (no lock), and then
 * one statement does the rest: in the database it locks the event, checks that the places are still in
 * the state the plan was made from, and writes the registration, its choices, its link, its mail and the
 * audit entry; the lock ends with that statement, so it is held for the time of one statement, not for
 * round trips to the app. When others changed the places meanwhile, the statement writes nothing and the
 * registration plans again. Open or expired offers, a free place while somebody waits, or places that
 * keep changing send the registration the careful way (`registerLocked`), which settles first.
 */
export async function registerIn(
  deps: Deps,
  networkId: string,
  eventId: string,
  raw: RegistrationInput,
  source: Source,
  who: AuditWho,
  inviteeId?: string,
  recorded = false,
  known?: { ev: EventRow; networkName: string; sessions: repo.SessionRecord[] },
): Promise<RegistrationResult> {
  const input = InputSchema.parse(raw);
  const now = deps.now();
  const guess = guessOf(eventId, now.getTime());
  const [ev, networkName, sessions, first] = await Promise.all([
    known?.ev ?? eventRow(deps.db, networkId, eventId),
    known?.networkName ?? repo.networkName(deps.db, networkId),
    known?.sessions ?? repo.sessionsOf(deps.db, eventId),
    guess ?? repo.placesOfOthers(deps.db, eventId, input.email, now),
  ]);
  mustBeOpen(ev, source, recorded, now);
  validChoices(sessions, input.choices);
  const careful = () => registerLocked(deps, networkId, eventId, input, source, who, inviteeId, recorded);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  let others = first;
  // The sessions' places when this registration read them in full (not guessed): what this instance
  // remembers then, else what it remembered last (which other registrations keep up to date meanwhile).
  let readSessions = first === guess ? undefined : first.sessions;
  let fresh: repo.OthersPlaces | undefined;
  for (let round = 0; round < PLAN_ROUNDS; round++) {
    if (fresh) others = fresh;
    else if (round > 0 || (others === guess && unsettled(ev, sessions, others.event, others.sessions))) {
      others = await repo.placesOfOthers(deps.db, eventId, input.email, now);
      readSessions = others.sessions;
    }
    fresh = undefined;
    if (others.duplicate) throw duplicate(source, input.email);
    if (unsettled(ev, sessions, others.event, others.sessions)) return careful();
    const plan = planOf(ev, sessions, input.choices, others.event, others.sessions);
    // The sessions matter only with a place at the event: on the event's waiting list the choices wait
    // for that place first (and the lock then reads the event's places alone).
    const expected: repo.PlaceStates =
      plan.status === 'confirmed'
        ? {
            event: 'free',
            sessions: input.choices.map((id) => ({
              id,
              state: placeState(
                byId.get(id)!.capacity,
                others.sessions.get(id) ?? { taken: 0, waiting: 0, expired: 0 },
              ) as 'free' | 'full',
            })),
          }
        : { event: 'full', sessions: [] };
    const id = randomUUID();
    const linkId = randomUUID();
    // The waiting moment is decided under the lock; the mail does not state it.
    const mail = mailOf(
      deps,
      ev,
      networkName,
      {
        id,
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        status: plan.status,
        offerExpiresAt: null,
      },
      input.choices.map((sid, i) =>
        mailChoice(byId.get(sid)!, {
          priority: i + 1,
          status: plan.choices[i]!,
          waitingSince: plan.status === 'confirmed' && plan.choices[i] === 'waiting' ? now : null,
          offerExpiresAt: null,
        }),
      ),
      plan.status === 'confirmed' ? 'confirmed' : 'waiting',
      linkPlaceholder(linkId),
    );
    const db = deps.db;
    const writes = [
      repo.registrationInsert(db, {
        id,
        networkId,
        eventId: ev.id,
        personId: personIdOfEmail(db, networkId, input.email),
        ...personalFields(input, now),
        status: plan.status,
        waitingSince: plan.status === 'waiting' ? repo.heldMoment : null,
        source,
        createdAt: now,
        updatedAt: now,
      }),
      ...(input.choices.length > 0
        ? [
            repo.choicesInsert(
              db,
              input.choices.map((sessionId, i) => ({
                networkId,
                registrationId: id,
                sessionId,
                priority: i + 1,
                status: plan.choices[i]!,
                waitingSince:
                  plan.status === 'confirmed' && plan.choices[i] === 'waiting' ? repo.heldMoment : null,
              })),
            ),
          ]
        : []),
      linkForMailInsert(db, linkId, {
        networkId,
        purpose: 'registration',
        registrationId: id,
        expiresAt: ev.endsAt,
      }),
      enqueueMailInsert(db, randomUUID(), mail),
      auditInsert(db, who, {
        action: 'create',
        entityType: 'registration',
        entityId: id,
        summary: `Anmeldung zu „${ev.title}“: ${input.firstName} ${input.lastName}`,
        // Written only when the guard confirmed the plan: the status is the decided one.
        after: { status: plan.status, source, choices: input.choices.length },
      }),
      ...(inviteeId ? [repo.linkInviteeUpdate(db, inviteeId, id)] : []),
    ];
    let held: ReturnType<typeof repo.heldPlaces>;
    try {
      held = repo.heldPlaces(
        await writeAfter(db, repo.placeHold(ev.id, id, input.email, now, expected), writes),
      );
    } catch (err) {
      const e = sqlError(err);
      if (e?.code === repo.duplicateEmail) throw duplicate(source, input.email);
      if (e?.code === repo.eventCancelled)
        throw new DomainError('registration.closed', 'Die Veranstaltung wurde abgesagt.', 'conflict');
      if (e?.code !== repo.placesChanged) throw err;
      // Planned again from the places the lock saw (no need to read them once more).
      fresh = e.detail
        ? { ...repo.heldPlaces({ places: JSON.parse(e.detail) }), duplicate: false, at: now }
        : undefined;
      continue;
    }
    // The lock saw the event and the chosen sessions; the others as read or remembered.
    const before = readSessions ?? lastSeen.get(ev.id)?.places.sessions ?? others.sessions;
    const seen = { event: held.event, sessions: new Map([...before, ...held.sessions]) };
    remember(ev.id, withMine(seen, plan, input.choices), now.getTime());
    return {
      id,
      status: plan.status,
      waitingPosition: plan.status === 'waiting' ? held.event.waiting + 1 : null,
      choices: input.choices.map((sessionId, i) => {
        const s = byId.get(sessionId)!;
        const queued = plan.status === 'confirmed' && plan.choices[i] === 'waiting';
        return {
          sessionId,
          title: s.title,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          priority: i + 1,
          status: plan.choices[i]!,
          waitingPosition: queued ? (held.sessions.get(sessionId)?.waiting ?? 0) + 1 : null,
          offerExpiresAt: null,
        };
      }),
    };
  }
  return careful();
}

/**
 * The careful way of a registration: one transaction that locks the event first, settles offers that
 * ran out, then decides and writes. Taken when offers are open or ran out, and by `registerIn` when a
 * place has to be settled first.
 */
async function registerLocked(
  deps: Deps,
  networkId: string,
  eventId: string,
  input: ParsedInput,
  source: Source,
  who: AuditWho,
  inviteeId?: string,
  recorded = false,
): Promise<RegistrationResult> {
  return deps.db.transaction(async (tx) => {
    const ev = (await eventRow(tx, networkId, eventId, { lock: true }))!;
    // The moment is taken under the lock: the waiting list's order is the order of the locks.
    const now = deps.now();
    mustBeOpen(ev as EventRow | undefined, source, recorded, now);
    await repo.lockSessions(tx, ev.id);
    await settleEvent(tx, deps, ev, now);
    if (await repo.liveRegistrationByEmail(tx, ev.id, input.email)) throw duplicate(source, input.email);
    const sessions = await repo.sessionsOf(tx, ev.id);
    validChoices(sessions, input.choices);
    const tally = await repo.eventTally(tx, ev.id, now);
    const status = placeFor(ev.capacity, tally.taken, tally.waiting);
    const at = await repo.waitingMoment(tx, ev.id, now);
    const reg = await repo.insertRegistration(tx, {
      networkId,
      eventId: ev.id,
      personId: await personIdByEmail(tx, networkId, input.email),
      ...personalFields(input, now),
      status,
      waitingSince: status === 'waiting' ? at : null,
      source,
      createdAt: now,
      updatedAt: now,
    });
    // With a place at the event each chosen session's rule decides; on the waiting list the choices
    // wait for the event's place first.
    const tallies =
      status === 'confirmed' && input.choices.length > 0 ? await repo.sessionTallies(tx, ev.id, now) : null;
    const byId = new Map(sessions.map((x) => [x.id, x]));
    await repo.insertChoices(
      tx,
      input.choices.map((sessionId, i) => {
        const t = tallies?.get(sessionId) ?? { taken: 0, waiting: 0, expired: 0 };
        const st = tallies
          ? placeFor(byId.get(sessionId)!.capacity, t.taken, t.waiting)
          : ('waiting' as const);
        return {
          networkId,
          registrationId: reg.id,
          sessionId,
          priority: i + 1,
          status: st,
          waitingSince: tallies && st === 'waiting' ? at : null,
        };
      }),
    );
    if (inviteeId) await repo.linkInvitee(tx, inviteeId, reg.id);
    await recordAudit(tx, who, {
      action: 'create',
      entityType: 'registration',
      entityId: reg.id,
      summary: `Anmeldung zu „${ev.title}“: ${input.firstName} ${input.lastName}`,
      after: { status, source, choices: input.choices.length },
    });
    await mailTo(tx, deps, ev, reg.id, status === 'confirmed' ? 'confirmed' : 'waiting');
    const view = await regView(tx, ev, reg.id, sessions);
    return { id: reg.id, status, waitingPosition: view.position, choices: view.choices };
  });
}

/**
 * Records a registration as it came in at `deps.now()` through the public form or an invitation link,
 * whatever the event's state today (the demo network's history); places, mails and audit as always.
 */
export async function recordRegistration(
  deps: Deps,
  networkId: string,
  eventId: string,
  input: RegistrationInput,
  via: { source: 'public' } | { source: 'invitation'; inviteeId: string; name: string },
) {
  const who =
    via.source === 'public' ? publicWho(networkId) : publicWho(networkId, `${via.name} (Einladungslink)`);
  return registerIn(
    deps,
    networkId,
    eventId,
    input,
    via.source,
    who,
    via.source === 'invitation' ? via.inviteeId : undefined,
    true,
  );
}

/**
 * A public event of a published network (others are "not found" for the public), with the network's
 * name: one query, as every public registration starts with it.
 */
async function publicEvent(deps: Deps, slug: string, eventId: string) {
  const row = await repo.publicEventRow(deps.db, publishedNetworkOfSlug(slug), eventId);
  if (row) return row;
  await networkBySlug(deps, slug); // when the network is what is missing, it is named
  throw notFound('Die Veranstaltung');
}

export async function registrationForm(deps: Deps, slug: string, eventId: string): Promise<RegistrationForm> {
  const { ev, networkName } = await publicEvent(deps, slug, eventId);
  const p = await placesOf(deps.db, ev);
  const reason = closedReason(ev, deps.now());
  return {
    event: head(ev, networkName),
    sessions: sessionOptions(p),
    open: reason === null,
    closedReason: reason,
    freePlaces: freeOf(ev.capacity, p.eventPlaces),
  };
}

export async function registerPublic(deps: Deps, slug: string, eventId: string, input: RegistrationInput) {
  // The sessions are read alongside (by the address's id); they count only once the event is found.
  const [{ ev, networkName }, sessions] = await Promise.all([
    publicEvent(deps, slug, eventId),
    repo.sessionsOf(deps.db, eventId),
  ]);
  return registerIn(deps, ev.networkId, ev.id, input, 'public', publicWho(ev.networkId), undefined, false, {
    ev,
    networkName,
    sessions,
  });
}

export async function cancelIn(
  tx: Db,
  deps: Deps,
  ev: EventRow,
  reg: repo.RegistrationRecord,
  now: Date,
  by: AuditWho,
) {
  await cancelRows(tx, reg.id, now);
  await recordAudit(tx, by, {
    action: 'update',
    entityType: 'registration',
    entityId: reg.id,
    summary: `Abmeldung von „${ev.title}“: ${reg.firstName} ${reg.lastName}`,
    before: { status: reg.status },
    after: { status: 'cancelled' },
  });
  await mailTo(tx, deps, ev, reg.id, 'cancelled');
  await settleEvent(tx, deps, ev, now);
}

// ——— the invitation link ———

async function inviteeOfToken(deps: Deps, token: string) {
  const link = await openLink(deps.db, 'event_invitation', token, 'Die Einladung', deps.now());
  const inv = link.inviteeId ? await repo.inviteeById(deps.db, link.inviteeId) : undefined;
  if (!inv) throw notFound('Die Einladung');
  const ev = await eventRow(deps.db, inv.networkId, inv.eventId);
  if (!ev) throw notFound('Die Veranstaltung');
  return { inv, ev };
}

export async function invitationView(deps: Deps, token: string): Promise<InvitationView> {
  const { inv, ev } = await inviteeOfToken(deps, token);
  const p = await placesOf(deps.db, ev);
  const reg = inv.registrationId ? p.regs.find((r) => r.id === inv.registrationId) : undefined;
  const parts = inv.name.trim().split(/\s+/);
  const reason = closedReason(ev, deps.now());
  return {
    event: head(ev, await repo.networkName(deps.db, ev.networkId)),
    sessions: sessionOptions(p),
    open: reason === null,
    closedReason: reason,
    person: {
      firstName: parts.length > 1 ? parts.slice(0, -1).join(' ') : '',
      lastName: parts.at(-1) ?? '',
      email: inv.email,
      institution: '',
      function: '',
    },
    registered: Boolean(reg && reg.status !== 'cancelled'),
    declined: inv.declinedAt !== null,
  };
}

export async function registerByInvitation(deps: Deps, token: string, input: RegistrationInput) {
  const { inv, ev } = await inviteeOfToken(deps, token);
  return registerIn(
    deps,
    ev.networkId,
    ev.id,
    input,
    'invitation',
    publicWho(ev.networkId, `${inv.name} (Einladungslink)`),
    inv.id,
  );
}
