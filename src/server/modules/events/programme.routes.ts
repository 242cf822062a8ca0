import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** The programme: plenary and parallel sessions in time slots, rooms, capacities, speakers with their status; printable and public timetable. */
export const programmeRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
