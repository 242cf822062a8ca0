export { GoalPage } from './components/goal-page';
export { GoalsPage } from './components/goals-page';
export { PlanPage } from './components/plan-page';
export { PlansPage } from './components/plans-page';
