import type { PlaceStatus } from '../../../contracts/events.js';
import type { RegistrationInput, RegistrationList } from '../../../contracts/events-registration.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf } from '../audit/audit.service.js';
import { authorize } from '../networks/networks.policy.js';
import { eventRow } from './events.repository.js';
import { visibleEvent } from './events.service.js';
import { waitingPosition } from './places.rules.js';
import { choiceViews, choosableKinds, count, placesOf, settleEvent } from './places.service.js';
import * as repo from './registration.repository.js';
import { type AuditWho, cancelIn, head, registerIn } from './registration.service.js';

/* The office's part of registration: the list, adding and cancelling, the job for offers that ran out. */

export async function listRegistrations(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  filter: { status?: PlaceStatus; sessionId?: string },
): Promise<RegistrationList> {
  authorize(actor.role, 'events.manage');
  await visibleEvent(deps.db, actor, eventId);
  const now = deps.now();
  // Lazily settles offers that ran out before showing the lists.
  const { ev, p } = await deps.db.transaction(async (tx) => {
    const ev = (await eventRow(tx, actor.networkId, eventId, { lock: true }))!;
    await repo.lockSessions(tx, ev.id);
    await settleEvent(tx, deps, ev, now);
    return { ev, p: await placesOf(tx, ev) };
  });
  const rows = p.regs
    .filter((r) => !filter.status || r.status === filter.status)
    .filter(
      (r) =>
        !filter.sessionId ||
        p.choiceRows.some((c) => c.choice.registrationId === r.id && c.choice.sessionId === filter.sessionId),
    )
    .map((r) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      institution: r.institution,
      function: r.function,
      status: r.status,
      waitingPosition: waitingPosition(p.eventPlaces, r.id),
      offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
      source: r.source,
      needs: r.needsConsentAt !== null,
      createdAt: r.createdAt.toISOString(),
      choices: choiceViews(p, r.id),
    }));
  const cancelledIn = (sessionId: string) =>
    p.choiceRows.filter((c) => c.choice.sessionId === sessionId && c.choice.status === 'cancelled').length;
  return {
    event: head(ev, await repo.networkName(deps.db, ev.networkId)),
    counts: count(p.eventPlaces, ev.capacity, p.regs.filter((r) => r.status === 'cancelled').length),
    sessions: p.sessions
      .filter((s) => choosableKinds.has(s.kind))
      .map((s) => ({
        id: s.id,
        title: s.title,
        kind: s.kind,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        ...count(p.sessionPlaces.get(s.id) ?? [], s.capacity, cancelledIn(s.id)),
      })),
    registrations: rows,
  };
}

export async function addRegistration(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  input: RegistrationInput,
) {
  authorize(actor.role, 'events.manage');
  await visibleEvent(deps.db, actor, eventId);
  return registerIn(deps, actor.networkId, eventId, input, 'office', auditActorOf(actor) as AuditWho);
}

export async function cancelRegistration(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  registrationId: string,
) {
  authorize(actor.role, 'events.manage');
  await visibleEvent(deps.db, actor, eventId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const ev = (await eventRow(tx, actor.networkId, eventId, { lock: true }))!;
    await repo.lockSessions(tx, ev.id);
    const reg = await repo.registrationById(tx, actor.networkId, registrationId);
    if (!reg || reg.eventId !== ev.id) throw notFound('Die Anmeldung');
    if (reg.status === 'cancelled')
      throw new DomainError('registration.cancelled', 'Diese Anmeldung ist bereits storniert.', 'conflict');
    await cancelIn(tx, deps, ev, reg, now, auditActorOf(actor) as AuditWho);
  });
  return listRegistrations(deps, actor, eventId, {});
}

/** Settles every event with an offer that ran out (the job; reads and writes settle lazily too). */
export async function settleExpiredOffers(deps: Deps): Promise<number> {
  const now = deps.now();
  let mails = 0;
  for (const { eventId, networkId } of await repo.eventsWithExpiredOffers(deps.db, now)) {
    mails += await deps.db.transaction(async (tx) => {
      const ev = (await eventRow(tx, networkId, eventId, { lock: true }))!;
      await repo.lockSessions(tx, ev.id);
      return settleEvent(tx, deps, ev, now);
    });
  }
  return mails;
}

export function startRegistrationJobs(
  deps: Deps,
  log: { error(o: object, m: string): void },
  intervalMs = 5 * 60_000,
) {
  const timer = setInterval(() => {
    settleExpiredOffers(deps).catch((err) => log.error({ err }, 'registration offers job failed'));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
