import type { Db } from '../../db/client.js';
import type { Deps } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { revokeEventLinks } from '../links/links.service.js';
import * as repo from './checkin.repository.js';
import { DEFAULT_EVENT_RETENTION_MONTHS, retentionDue } from './checkin.rules.js';
import { eventRow } from './events.repository.js';

/*
 * Retention (DSGVO Art. 5(1)(e)): the personal data of an event — registrations and invitees — is
 * anonymised a retention period after the event's end (12 months). The rows stay, emptied, so the counts
 * (registrations, walk-ins, check-ins, attendance per session, invitations) stay true; personal links
 * stop working; the event records when.
 */

export const ANONYMISED_NAME = 'Anonymisiert';

type Actor = { userId: string | null; name: string | null; networkId: string; requestId?: string };

/** Anonymises one event's personal data, in the caller's transaction. */
export async function anonymiseEventIn(tx: Db, actor: Actor, eventId: string, now: Date) {
  const ev = await eventRow(tx, actor.networkId, eventId, { lock: true });
  if (!ev || ev.anonymisedAt) return null;
  const registrationIds = (await repo.registrationsOf(tx, actor.networkId, eventId)).map((r) => r.id);
  const inviteeIds = (await repo.inviteesOfEvent(tx, actor.networkId, eventId)).map((i) => i.id);
  await revokeEventLinks(tx, { registrationIds, inviteeIds }, now);
  await repo.blankRegistrations(tx, registrationIds, ANONYMISED_NAME, now);
  await repo.blankInvitees(tx, inviteeIds, ANONYMISED_NAME);
  await repo.markEventAnonymised(tx, eventId, now);
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'event',
    entityId: eventId,
    summary: `Personenbezogene Daten von „${ev.title}“ anonymisiert (Aufbewahrungsfrist abgelaufen)`,
    after: { registrations: registrationIds.length, invitees: inviteeIds.length },
  });
  return {
    eventId,
    anonymisedAt: now.toISOString(),
    registrations: registrationIds.length,
    invitees: inviteeIds.length,
  };
}

/** The scheduled clean-up: every event past its retention period, one transaction each. */
export async function anonymiseDueEvents(deps: Deps, networkId?: string): Promise<{ anonymised: number }> {
  const now = deps.now();
  const cut = new Date(now.getTime());
  cut.setUTCMonth(cut.getUTCMonth() - DEFAULT_EVENT_RETENTION_MONTHS + 1);
  let anonymised = 0;
  for (const ev of await repo.endedEvents(deps.db, cut, networkId)) {
    if (!retentionDue(ev.endsAt, DEFAULT_EVENT_RETENTION_MONTHS, now)) continue;
    const done = await deps.db.transaction((tx) =>
      anonymiseEventIn(
        tx,
        { userId: null, name: 'Aufbewahrungsfristen', networkId: ev.networkId },
        ev.id,
        now,
      ),
    );
    if (done) anonymised++;
  }
  return { anonymised };
}

export function startEventRetentionJob(
  deps: Deps,
  log: { error(o: object, m: string): void },
  intervalMs = 6 * 3600_000,
) {
  const timer = setInterval(() => {
    anonymiseDueEvents(deps).catch((err) => log.error({ err }, 'event retention job failed'));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Erasure of a person (contacts): their registrations and invitations in the network are anonymised
 * like at the end of the retention period; the rows stay for the counts.
 */
export async function anonymisePersonInEvents(tx: Db, networkId: string, personId: string, now: Date) {
  const { registrationIds, invitees } = await repo.personEventRows(tx, networkId, personId);
  const regs = [
    ...new Set([
      ...registrationIds,
      ...invitees.flatMap((i) => (i.registrationId ? [i.registrationId] : [])),
    ]),
  ];
  const inviteeIds = invitees.map((i) => i.id);
  await revokeEventLinks(tx, { registrationIds: regs, inviteeIds }, now);
  await repo.blankRegistrations(tx, regs, ANONYMISED_NAME, now);
  await repo.blankInvitees(tx, inviteeIds, ANONYMISED_NAME);
  return { registrations: regs.length, invitees: inviteeIds.length };
}
