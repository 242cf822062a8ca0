import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** Evaluation: surveys and the question bank, anonymous answers by link, results without small cells. */
export const surveysRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
