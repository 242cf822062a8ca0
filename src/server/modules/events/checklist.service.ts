import type { DueEventTask } from '../../../contracts/events-planning.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { can } from '../networks/networks.policy.js';
import { addDays, isDueSoon, isOverdue } from './checklist.rules.js';
import * as repo from './planning.repository.js';

/* The checklist as other modules see it: the office's start page lists overdue and soon-due steps. */

/** How far ahead Start looks for open steps (Berlin days from today). */
export const DUE_SOON_DAYS = 14;

/**
 * The office's start page: open steps of events (not cancelled, not documented) overdue or due within
 * the next 14 days, the earliest first. `null` for those who do not manage events (Start shows nothing).
 */
export async function dueEventTasks(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: NetworkActor,
): Promise<DueEventTask[] | null> {
  if (!can(actor.role, 'events.manage')) return null;
  const today = berlinDay(deps.now());
  const rows = await repo.dueTasks(deps.db, actor.networkId, addDays(today, DUE_SOON_DAYS + 1));
  return rows
    .filter((r) => isOverdue(r.t, today) || isDueSoon(r.t, today, DUE_SOON_DAYS))
    .map((r) => ({
      eventId: r.t.eventId,
      eventTitle: r.eventTitle,
      taskId: r.t.id,
      title: r.t.title,
      dueOn: r.t.dueOn!,
      overdue: isOverdue(r.t, today),
    }));
}
