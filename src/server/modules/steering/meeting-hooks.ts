import type { Db } from '../../db/client.js';
import type { NetworkActor } from '../../lib/context.js';

/*
 * What other modules add to a meeting without the steering module knowing them (they depend on
 * steering, never the other way round): the work programme freezes the progress reports taken into a
 * meeting when it is opened, and lists them in the item's section of the minutes. Modules register
 * their hooks when they are loaded (work/reports.service.ts).
 */

export type MeetingRef = { id: string; networkId: string; title: string; startsAt: Date };

export type MeetingHooks = {
  /** Runs inside the transaction that opens the meeting (status → held). */
  onOpened?: (tx: Db, actor: NetworkActor, m: MeetingRef, itemIds: string[], now: Date) => Promise<void>;
  /** Lines each item's record in the minutes carries, by item id. */
  minutesLines?: (db: Db, itemIds: string[]) => Promise<Map<string, string[]>>;
};

const registered = new Map<string, MeetingHooks>();

/** Registers (or replaces) a module's hooks under its name. */
export function registerMeetingHooks(name: string, hooks: MeetingHooks): void {
  registered.set(name, hooks);
}

export async function runMeetingOpened(
  tx: Db,
  actor: NetworkActor,
  m: MeetingRef,
  itemIds: string[],
  now: Date,
) {
  for (const h of registered.values()) await h.onOpened?.(tx, actor, m, itemIds, now);
}

export async function hookedMinutesLines(db: Db, itemIds: string[]): Promise<Map<string, string[]>> {
  const all = new Map<string, string[]>();
  if (itemIds.length === 0) return all;
  for (const h of registered.values()) {
    for (const [id, lines] of (await h.minutesLines?.(db, itemIds)) ?? []) {
      all.set(id, [...(all.get(id) ?? []), ...lines]);
    }
  }
  return all;
}
