import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** The work programme's orders (filled in by its issue part). */
export const ordersRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
