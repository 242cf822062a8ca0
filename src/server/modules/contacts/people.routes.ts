import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** People: list, search, record, edit, functions at institutions, fields, links to committee members, guests and accounts. */
export const peopleRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
