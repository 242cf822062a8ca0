import { and, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { event, eventField, eventSession, registration } from './events.tables.js';

/* What the evaluation (surveys module) asks of events: a session as a survey's subject, the events of a
 * field of action for the quality page. Reached through events.service.ts. */

export async function sessionOfNetwork(db: Db, networkId: string, sessionId: string) {
  const [row] = await db
    .select({
      id: eventSession.id,
      title: eventSession.title,
      eventId: eventSession.eventId,
      eventTitle: event.title,
    })
    .from(eventSession)
    .innerJoin(event, eq(event.id, eventSession.eventId))
    .where(and(eq(eventSession.networkId, networkId), eq(eventSession.id, sessionId)));
  return row;
}

export async function eventIdsOfField(db: Db, networkId: string, fieldId: string): Promise<string[]> {
  const rows = await db
    .select({ id: event.id })
    .from(eventField)
    .innerJoin(event, eq(event.id, eventField.eventId))
    .where(and(eq(event.networkId, networkId), eq(eventField.fieldId, fieldId)));
  return rows.map((r) => r.id);
}

/** Who took part (checked in) or holds a confirmed place, with an e-mail: the evaluation's recipients. */
export async function participantsOfEvent(db: Db, networkId: string, eventId: string) {
  return db
    .select({ email: registration.email, firstName: registration.firstName, lastName: registration.lastName })
    .from(registration)
    .where(
      and(
        eq(registration.networkId, networkId),
        eq(registration.eventId, eventId),
        isNull(registration.anonymisedAt),
        or(eq(registration.status, 'confirmed'), isNotNull(registration.checkedInAt)),
      ),
    );
}
