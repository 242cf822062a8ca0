import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** Import from Excel and CSV: preview (mapping, rejected rows, duplicates), import in one transaction, merging duplicates. */
export const importRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
