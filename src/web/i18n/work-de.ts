import { workDesk } from './de/work-desk';
import { workGoals } from './de/work-goals';
import { workOrders } from './de/work-orders';
import { workProjects } from './de/work-projects';
import { workReports } from './de/work-reports';
import { workTrace } from './de/work-trace';

/**
 * The German messages of the work programme: not in the entry bundle (the initial JavaScript's
 * budget), loaded before a network's pages or a public network page render (`loadWorkMessages`).
 */
export const deWork = {
  ...workGoals,
  ...workOrders,
  ...workProjects,
  ...workReports,
  ...workTrace,
  ...workDesk,
};
export type DeWork = typeof deWork;
