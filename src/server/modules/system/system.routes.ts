import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/context.js';
import { databaseReachable } from './system.service.js';

export const systemRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Betrieb'],
          summary: 'Lebt der Prozess?',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/ready',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Betrieb'],
          summary: 'Ist die Datenbank erreichbar?',
          response: {
            200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }),
            503: z.object({ status: z.literal('unavailable') }),
          },
        },
      },
      async (_req, reply) =>
        (await databaseReachable(deps.db))
          ? { status: 'ready' as const, database: deps.database.kind }
          : reply.code(503).send({ status: 'unavailable' as const }),
    );
  };
