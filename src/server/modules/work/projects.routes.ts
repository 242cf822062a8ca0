import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** The work programme's projects (filled in by its issue part). */
export const projectsRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
