import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** Registration: the public and the personal form, capacity and waiting lists with offers, change and cancel by personal link. */
export const registrationRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
