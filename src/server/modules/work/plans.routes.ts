import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** The work programme's plans (filled in by its issue part). */
export const plansRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
