import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import type { NetworkActor } from '../../lib/context.js';
import { can } from '../networks/networks.policy.js';
import { type EventRow, eventRow } from './events.repository.js';
import { eventsOf } from './planning.repository.js';

/*
 * The face of the events module: what other modules use (dashboard, surveys, the trace, retention)
 * and what every part of the module shares.
 */

/**
 * The event as the actor may see it: another network's event, or an internal one for somebody who
 * does not plan events (a partner), is "not found" — internal events are invisible to partners.
 */
export async function visibleEvent(
  db: Db,
  actor: NetworkActor,
  eventId: string,
  opts: { lock?: boolean } = {},
): Promise<EventRow> {
  const row = await eventRow(db, actor.networkId, eventId, opts);
  if (!row) throw notFound('Die Veranstaltung');
  if (!row.public && !can(actor.role, 'events.manage') && actor.role !== 'committee')
    throw notFound('Die Veranstaltung');
  return row;
}

/**
 * The public network page: the network's public events that have not ended (not cancelled), the
 * earliest first, at most `limit`. The caller has resolved the published network.
 */
export async function upcomingPublicEvents(db: Db, networkId: string, now: Date, limit = 5) {
  const rows = await eventsOf(db, networkId, { publicOnly: true });
  return rows
    .filter((e) => !e.cancelledAt && e.endsAt >= now)
    .slice(0, limit)
    .map((e) => ({
      id: e.id,
      title: e.title,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      place: e.venue,
    }));
}

export { dueEventTasks } from './checklist.service.js';
export {
  anonymiseDueEvents,
  anonymisePersonInEvents,
  startEventRetentionJob,
} from './event-retention.service.js';
// The evaluation part (surveys) asks for sessions and the events of a field of action.
export { eventIdsOfField, participantsOfEvent, sessionOfNetwork } from './survey-subjects.repository.js';
