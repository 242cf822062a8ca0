import type { DueEventTask } from '../../../contracts/events-planning.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { authorize } from '../networks/networks.policy.js';
import { addDays, isDueSoon, isOverdue } from './checklist.rules.js';
import * as repo from './planning.repository.js';

/* The checklist as other modules see it: the office's start page lists overdue and soon-due steps. */

/** The office's start page: open event steps overdue or due within the next seven days. */
export async function dueEventTasks(
  deps: Pick<Deps, 'db' | 'now'>,
  actor: NetworkActor,
): Promise<DueEventTask[]> {
  authorize(actor.role, 'events.manage');
  const today = berlinDay(deps.now());
  const rows = await repo.dueTasks(deps.db, actor.networkId, addDays(today, 8));
  return rows
    .filter((r) => isOverdue(r.t, today) || isDueSoon(r.t, today))
    .map((r) => ({
      eventId: r.t.eventId,
      eventTitle: r.eventTitle,
      taskId: r.t.id,
      title: r.t.title,
      dueOn: r.t.dueOn!,
      overdue: isOverdue(r.t, today),
    }));
}
