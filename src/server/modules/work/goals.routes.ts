import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
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
import { errors } from './work.http.js';
import * as svc from './work.service.js';

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
          response: { 200: z.array(Goal), ...errors },
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
          response: { 201: GoalDetail, ...errors },
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
          response: { 200: GoalDetail, ...errors },
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
          response: { 200: GoalDetail, ...errors },
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
          response: { 200: z.array(AvailableDecision), ...errors },
        },
      },
      async (req) => svc.availableDecisions(deps, memberOf(req), req.query.type),
    );
  };
