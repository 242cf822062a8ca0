import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** Documentation per session and for the event (text, files, photos with consent), the public page and the PDF; recommendations handed to the committee. */
export const documentationRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
