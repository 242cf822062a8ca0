import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** The work programme's desk (filled in by its issue part). */
export const deskRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
