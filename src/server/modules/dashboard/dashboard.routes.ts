import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import { Dashboard } from '../../../contracts/dashboard.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { dashboardOf } from './dashboard.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['Start'];

export const dashboardRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/networks/:networkId/dashboard',
      {
        // Every member may ask; what the answer holds follows from the role (see the services).
        config: { access: 'member' },
        schema: {
          tags,
          summary:
            'Start: was jetzt zu tun ist (Mitglied: Rückmeldungen, Umlaufverfahren, Niederschriften; Bildungsbüro: Sitzungen, Rückmeldungen, Fristen, Postausgang, fällige Planungsschritte der Veranstaltungen)',
          params: NetworkParams,
          response: { 200: Dashboard, ...errors },
        },
      },
      async (req) => dashboardOf(deps, memberOf(req)),
    );
  };
