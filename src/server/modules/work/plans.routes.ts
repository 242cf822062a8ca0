import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
import {
  PlanAgreeInput,
  PlanCompareQuery,
  PlanComparison,
  PlanInput,
  PlanParams,
  PlanPublishInput,
  PlansQuery,
  PlanVersionInput,
  WorkPlan,
  WorkPlanDetail,
} from '../../../contracts/work-goals.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { errors } from './work.http.js';
import * as svc from './work.service.js';

const tags = ['Arbeitsprogramm: Arbeitsplanung'];

/** The work programme's plans: one per field of action and year, versions agreed by decision. */
export const plansRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId/work';
    app.get(
      `${n}/plans`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Arbeitsplanungen (Filter: Jahr, Handlungsfeld)',
          params: NetworkParams,
          querystring: PlansQuery,
          response: { 200: z.array(WorkPlan), ...errors },
        },
      },
      async (req) => svc.listPlans(deps, memberOf(req), req.query),
    );
    app.post(
      `${n}/plans`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Arbeitsplanung eines Handlungsfelds für ein Jahr anlegen (Fassung 1, Entwurf)',
          params: NetworkParams,
          body: PlanInput,
          response: { 201: WorkPlanDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createPlan(deps, memberOf(req), req.body)),
    );
    app.get(
      `${n}/plans/:planId`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Arbeitsplanung mit Fassungen',
          params: PlanParams,
          response: { 200: WorkPlanDetail, ...errors },
        },
      },
      async (req) => svc.getPlan(deps, memberOf(req), req.params.planId),
    );
    app.post(
      `${n}/plans/:planId/versions`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Neue Fassung (Entwurf); beschlossene Fassungen bleiben unverändert',
          params: PlanParams,
          body: PlanVersionInput,
          response: { 200: WorkPlanDetail, ...errors },
        },
      },
      async (req) => svc.addPlanVersion(deps, memberOf(req), req.params.planId, req.body),
    );
    app.post(
      `${n}/plans/:planId/agreement`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Fassung als beschlossen markieren (Beschluss zur Arbeitsplanung)',
          params: PlanParams,
          body: PlanAgreeInput,
          response: { 200: WorkPlanDetail, ...errors },
        },
      },
      async (req) => svc.agreePlanVersion(deps, memberOf(req), req.params.planId, req.body),
    );
    app.put(
      `${n}/plans/:planId/published`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Beschlossene Fassung auf der öffentlichen Netzwerkseite zeigen',
          params: PlanParams,
          body: PlanPublishInput,
          response: { 200: WorkPlanDetail, ...errors },
        },
      },
      async (req) => svc.publishPlan(deps, memberOf(req), req.params.planId, req.body.published),
    );
    app.get(
      `${n}/plans/:planId/comparison`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Was sich zwischen zwei Fassungen geändert hat',
          params: PlanParams,
          querystring: PlanCompareQuery,
          response: { 200: PlanComparison, ...errors },
        },
      },
      async (req) =>
        svc.comparePlanVersions(deps, memberOf(req), req.params.planId, req.query.from, req.query.to),
    );
  };
