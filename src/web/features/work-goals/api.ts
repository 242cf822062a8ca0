import { queryOptions } from '@tanstack/react-query';
import type { FieldOfAction } from '../../../contracts/contract';
import type {
  AvailableDecision,
  Goal,
  GoalChange,
  GoalDetail,
  GoalInput,
  PlanAgreeInput,
  PlanComparison,
  PlanInput,
  PlanVersionInput,
  WorkPlan,
  WorkPlanDetail,
} from '../../../contracts/work-goals';
import { get, post, put, qs } from '../../lib/api';

const base = (networkId: string) => `/networks/${networkId}/work`;
export const goalsKey = (networkId: string) => ['networks', networkId, 'work', 'goals'] as const;
export const plansKey = (networkId: string) => ['networks', networkId, 'work', 'plans'] as const;
/** The pickers' decisions: a goal or plan decided with one marks it used. */
export const decisionsAvailableKey = (networkId: string) =>
  ['networks', networkId, 'work', 'decisions-available'] as const;

export type GoalFilters = { fieldId?: string; status?: Goal['status']; reviewDue?: 'true' };

export const goalsQuery = (networkId: string, filters: GoalFilters = {}) =>
  queryOptions({
    queryKey: [...goalsKey(networkId), filters],
    queryFn: ({ signal }) => get<Goal[]>(`${base(networkId)}/goals${qs(filters)}`, signal),
  });

export const goalQuery = (networkId: string, goalId: string) =>
  queryOptions({
    queryKey: [...goalsKey(networkId), 'one', goalId],
    queryFn: ({ signal }) => get<GoalDetail>(`${base(networkId)}/goals/${goalId}`, signal),
  });

export const createGoal = (networkId: string, body: GoalInput) =>
  post<GoalDetail>(`${base(networkId)}/goals`, body);
export const changeGoal = (networkId: string, goalId: string, body: GoalChange) =>
  post<GoalDetail>(`${base(networkId)}/goals/${goalId}/versions`, body);

/** Taken decisions for the pickers (office only). */
export const availableDecisionsQuery = (networkId: string, type: 'goal' | 'work_plan', enabled = true) =>
  queryOptions({
    queryKey: [...decisionsAvailableKey(networkId), type],
    queryFn: ({ signal }) =>
      get<AvailableDecision[]>(`${base(networkId)}/decisions-available${qs({ type })}`, signal),
    enabled,
  });

export const plansQuery = (networkId: string, year?: number) =>
  queryOptions({
    queryKey: [...plansKey(networkId), { year }],
    queryFn: ({ signal }) => get<WorkPlan[]>(`${base(networkId)}/plans${qs({ year })}`, signal),
  });

export const planQuery = (networkId: string, planId: string) =>
  queryOptions({
    queryKey: [...plansKey(networkId), 'one', planId],
    queryFn: ({ signal }) => get<WorkPlanDetail>(`${base(networkId)}/plans/${planId}`, signal),
  });

export const comparisonQuery = (networkId: string, planId: string, from: number, to: number) =>
  queryOptions({
    queryKey: [...plansKey(networkId), 'compare', planId, from, to],
    queryFn: ({ signal }) =>
      get<PlanComparison>(`${base(networkId)}/plans/${planId}/comparison${qs({ from, to })}`, signal),
  });

export const createPlan = (networkId: string, body: PlanInput) =>
  post<WorkPlanDetail>(`${base(networkId)}/plans`, body);
export const addPlanVersion = (networkId: string, planId: string, body: PlanVersionInput) =>
  post<WorkPlanDetail>(`${base(networkId)}/plans/${planId}/versions`, body);
export const agreePlan = (networkId: string, planId: string, body: PlanAgreeInput) =>
  post<WorkPlanDetail>(`${base(networkId)}/plans/${planId}/agreement`, body);
export const publishPlan = (networkId: string, planId: string, published: boolean) =>
  put<WorkPlanDetail>(`${base(networkId)}/plans/${planId}/published`, { published });

/** Fields of action (today's joint state), for grouping and the forms. */
export const fieldsQuery = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'contract', 'fields', 'today'],
    queryFn: ({ signal }) => get<FieldOfAction[]>(`/networks/${networkId}/fields`, signal),
  });
