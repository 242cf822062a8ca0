/**
 * The work programme's public face: other modules (the public site, the demo) import its use cases
 * from here; files inside the module import the resource services directly.
 */
export { availableDecisions, changeGoal, createGoal, getGoal, listGoals } from './goals.service.js';
export {
  addPlanVersion,
  agreePlanVersion,
  comparePlanVersions,
  createPlan,
  getPlan,
  listPlans,
  publishedWorkPlans,
  publishPlan,
} from './plans.service.js';
// The evaluation (surveys) checks a project as a survey's subject.
export { loadProject } from './projects.service.js';
