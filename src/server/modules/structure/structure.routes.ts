import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import { MunicipalitiesInput, MunicipalityList, NetworkStructure } from '../../../contracts/structure.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { replaceMunicipalities } from './municipalities.service.js';
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
    app.put(
      '/networks/:networkId/structure/municipalities',
      {
        config: { access: { permission: 'network.manage' } },
        schema: {
          tags: ['Bildungsnetzwerke'],
          summary:
            'Kommunen des Netzwerks ersetzen (gleicher Schlüssel: umbenannt; fehlende entfernt, außer Einrichtungen verweisen darauf → 409)',
          params: NetworkParams,
          body: MunicipalitiesInput,
          response: {
            200: MunicipalityList,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
        },
      },
      async (req) => replaceMunicipalities(deps, memberOf(req), req.body.municipalities),
    );
  };
