import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { event } from './events.tables.js';

/* Queries every part of the events module shares: the event row itself. Each part keeps its own
 * queries in its own <part>.repository.ts. */

export type EventRow = typeof event.$inferSelect;

/** The event of a network, optionally locked for the transaction (a write that depends on its state). */
export async function eventRow(
  db: Db,
  networkId: string,
  eventId: string,
  opts: { lock?: boolean } = {},
): Promise<EventRow | undefined> {
  const q = db
    .select()
    .from(event)
    .where(and(eq(event.networkId, networkId), eq(event.id, eventId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row;
}
