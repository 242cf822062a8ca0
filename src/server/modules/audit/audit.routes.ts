import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../../contracts/audit.js';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import { networkActor } from '../../http/auth-hooks.js';
import type { Deps } from '../../lib/context.js';
import { listAudit } from './audit.service.js';

export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/networks/:networkId/audit',
      {
        schema: {
          tags: ['Protokoll der Änderungen'],
          params: NetworkParams,
          querystring: AuditQuery,
          response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => listAudit(deps, await networkActor(deps, req, req.params.networkId), req.query),
    );
  };
