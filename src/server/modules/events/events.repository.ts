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
  // No key update: it serialises the changes of the event's places and plans like `for update`, but does
  // not wait for transactions that insert rows referring to the event (a registration being written).
  const [row] = opts.lock ? await q.for('no key update') : await q;
  return row;
}
