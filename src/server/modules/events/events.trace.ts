import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { berlinDay } from '../../lib/berlin-time.js';
import { type ResolvedNode, registerTraceKind } from '../trace/trace.service.js';
import { event, recommendation } from './events.tables.js';

/* How events and their recommendations appear in the trace (Verlauf): many at once, one network. */

const eventStatus = {
  planned: 'in Planung',
  announced: 'angekündigt',
  registration_open: 'Anmeldung offen',
  closed: 'Anmeldung geschlossen',
  held: 'durchgeführt',
  documented: 'dokumentiert',
} as const;
const recommendationStatus = {
  draft: 'Entwurf',
  agreed: 'abgestimmt',
  handed: 'an den Lenkungskreis übergeben',
  withdrawn: 'zurückgezogen',
} as const;

async function loadEvents(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(event)
    .where(and(eq(event.networkId, networkId), inArray(event.id, ids)));
  return new Map<string, ResolvedNode>(
    rows.map((e) => [
      e.id,
      {
        label: e.title,
        status: e.status,
        state: e.cancelledAt ? 'abgesagt' : eventStatus[e.status],
        date: berlinDay(e.startsAt),
        actor: e.organizer || 'Bildungsbüro',
        path: `veranstaltungen/${e.id}`,
        short: e.title,
      },
    ]),
  );
}

async function loadRecommendations(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select({ r: recommendation, eventTitle: event.title })
    .from(recommendation)
    .innerJoin(event, eq(event.id, recommendation.eventId))
    .where(and(eq(recommendation.networkId, networkId), inArray(recommendation.id, ids)));
  return new Map<string, ResolvedNode>(
    rows.map(({ r, eventTitle }) => [
      r.id,
      {
        label: `Empfehlung „${r.title}“ (${eventTitle})`,
        status: r.status,
        state: recommendationStatus[r.status],
        date: berlinDay(r.agreedAt ?? r.createdAt),
        actor: eventTitle,
        path: `veranstaltungen/${r.eventId}/dokumentation`,
        short: r.title,
      },
    ]),
  );
}

/** Registers the events module's kinds with the trace (called once when the app starts). */
export function registerEventTraceKinds(): void {
  registerTraceKind('event', { load: loadEvents });
  registerTraceKind('recommendation', { load: loadRecommendations });
}
