import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** Events: list, create, edit, status, fields and target groups; the planning checklist and its templates; the public list and calendar feed. */
export const planningRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
