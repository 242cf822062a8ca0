import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../../contracts/common.js';
import { TraceParams, TraceView } from '../../../contracts/trace.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { traceOf } from './trace.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The trace (Verlauf) of any decision, goal, order, project or report, both ways. */
export const traceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/networks/:networkId/trace/:kind/:id',
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags: ['Verlauf'],
          summary: 'Verlauf: was hierher führte und was daraus folgte, zeitlich geordnet',
          params: TraceParams,
          response: { 200: TraceView, ...errors },
        },
      },
      async (req) => traceOf(deps, memberOf(req), req.params.kind, req.params.id),
    );
  };
