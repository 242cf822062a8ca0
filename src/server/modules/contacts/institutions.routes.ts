import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** Institutions: schools (number, type, operator), Kitas, companies, chambers …. */
export const institutionsRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
