import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** On the day: check-in by search or code, walk-ins, attendance per session, attendance list and badges as PDF; exports to Excel. */
export const checkinRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
