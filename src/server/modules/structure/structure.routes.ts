import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import { NetworkStructure } from '../../../contracts/structure.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { getStructure } from './structure.service.js';

export const structureRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/networks/:networkId/structure',
      {
        config: { access: 'member' },
        schema: {
          tags: ['Bildungsnetzwerke'],
          summary: 'Gremien, Kommunen und Team des Bildungsbüros',
          params: NetworkParams,
          response: { 200: NetworkStructure, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => getStructure(deps, memberOf(req)),
    );
  };
