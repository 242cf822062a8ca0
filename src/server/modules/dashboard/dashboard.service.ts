import type { Dashboard } from '../../../contracts/dashboard.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { dueEventTasks } from '../events/events.service.js';
import { failedMailCount } from '../mail/mail.service.js';
import { memberWork, officeWork } from '../steering/steering.service.js';

/**
 * Start: what needs the person now. This module owns no tables; it asks the modules that hold the
 * errands through their services, each of which decides by the person's role what it answers.
 */
export async function dashboardOf(deps: Deps, actor: NetworkActor): Promise<Dashboard> {
  const [member, office, mailsFailed, eventSteps] = await Promise.all([
    memberWork(deps, actor),
    officeWork(deps, actor),
    failedMailCount(deps, actor),
    dueEventTasks(deps, actor),
  ]);
  return { member, office: office ? { ...office, mailsFailed: mailsFailed ?? 0 } : null, eventSteps };
}
