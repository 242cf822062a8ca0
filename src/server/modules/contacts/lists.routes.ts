import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** Distribution lists (Verteiler): static and dynamic, preview with who is left out and why, mails to a list. */
export const listsRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
