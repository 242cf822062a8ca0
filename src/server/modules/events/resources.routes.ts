import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** Räume & Technik: rooms and media, their bookings per event or session; double bookings refused, naming the other booking. */
export const resourcesRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
