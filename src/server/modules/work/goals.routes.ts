import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  AvailableDecision,
  AvailableDecisionsQuery,
  Goal,
  GoalChange,
  GoalDetail,
  GoalInput,
  GoalParams,
  GoalsQuery,
} from '../../../contracts/work-goals.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import * as svc from './work.service.js';

/** Error answers of the goals' and plans' routes. */
export const goalErrors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const tags = ['Arbeitsprogramm: Ziele'];

/** The work programme's goals: set and changed by decisions of the steering committee. */
export const goalsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId/work';
    app.get(
      `${n}/goals`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Ziele (Filter: Handlungsfeld, Stand, Überprüfung fällig)',
          params: NetworkParams,
          querystring: GoalsQuery,
          response: { 200: z.array(Goal), ...goalErrors },
        },
      },
      async (req) => svc.listGoals(deps, memberOf(req), req.query),
    );
    app.post(
      `${n}/goals`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Ziel aus einem gefassten Zielbeschluss anlegen',
          params: NetworkParams,
          body: GoalInput,
          response: { 201: GoalDetail, ...goalErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createGoal(deps, memberOf(req), req.body)),
    );
    app.get(
      `${n}/goals/:goalId`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Ziel mit seinen Fassungen',
          params: GoalParams,
          response: { 200: GoalDetail, ...goalErrors },
        },
      },
      async (req) => svc.getGoal(deps, memberOf(req), req.params.goalId),
    );
    app.post(
      `${n}/goals/:goalId/versions`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Ziel nach einem neuen Beschluss ändern (neue Fassung mit Begründung)',
          params: GoalParams,
          body: GoalChange,
          response: { 200: GoalDetail, ...goalErrors },
        },
      },
      async (req) => svc.changeGoal(deps, memberOf(req), req.params.goalId, req.body),
    );
    app.get(
      `${n}/decisions-available`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Gefasste Ziel- oder Arbeitsplanungsbeschlüsse zur Auswahl (used: schon verwendet)',
          params: NetworkParams,
          querystring: AvailableDecisionsQuery,
          response: { 200: z.array(AvailableDecision), ...goalErrors },
        },
      },
      async (req) => svc.availableDecisions(deps, memberOf(req), req.query.type),
    );
  };
