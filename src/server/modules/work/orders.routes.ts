import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
import { OfficeStaff } from '../../../contracts/work.js';
import {
  OrderInput,
  OrderParams,
  OrderPatch,
  OrderQuery,
  OrderTransition,
  WorkOrder,
  WorkOrderDetail,
} from '../../../contracts/work-orders.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import * as svc from './orders.service.js';
import { errors } from './work.http.js';

const tags = ['Arbeitsprogramm'];

/** Work orders: list, one with its history, create from a decision, edit, move; office staff picker. */
export const ordersRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId/work';
    app.get(
      `${n}/orders`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Arbeitsaufträge (Filter: Stand, Handlungsfeld, Zuständig, überfällig, Beschluss)',
          params: NetworkParams,
          querystring: OrderQuery,
          response: { 200: z.array(WorkOrder), ...errors },
        },
      },
      async (req) => svc.listOrders(deps, memberOf(req), req.query),
    );
    app.post(
      `${n}/orders`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Arbeitsauftrag aus einem gefassten Beschluss anlegen',
          params: NetworkParams,
          body: OrderInput,
          response: { 201: WorkOrderDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createOrder(deps, memberOf(req), req.body)),
    );
    app.get(
      `${n}/orders/:orderId`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Arbeitsauftrag mit Verlauf',
          params: OrderParams,
          response: { 200: WorkOrderDetail, ...errors },
        },
      },
      async (req) => svc.getOrder(deps, memberOf(req), req.params.orderId),
    );
    app.patch(
      `${n}/orders/:orderId`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Arbeitsauftrag ändern (mit version; veraltet → 409)',
          params: OrderParams,
          body: OrderPatch,
          response: { 200: WorkOrderDetail, ...errors },
        },
      },
      async (req) => svc.updateOrder(deps, memberOf(req), req.params.orderId, req.body),
    );
    app.post(
      `${n}/orders/:orderId/transitions`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Stand des Arbeitsauftrags ändern (zurückgeben mit Begründung)',
          params: OrderParams,
          body: OrderTransition,
          response: { 200: WorkOrderDetail, ...errors },
        },
      },
      async (req) => svc.transitionOrder(deps, memberOf(req), req.params.orderId, req.body),
    );
    app.get(
      `${n}/office-staff`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Personen des Bildungsbüros (für die Zuständigkeit)',
          params: NetworkParams,
          response: { 200: z.array(OfficeStaff), ...errors },
        },
      },
      async (req) => svc.listOfficeStaff(deps, memberOf(req)),
    );
  };
