import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** The trace (Verlauf) of any decision, goal, order, project or report, both ways. */
export const traceRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
