import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../../contracts/audit.js';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { listAudit } from './audit.service.js';

export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/networks/:networkId/audit',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags: ['Protokoll der Änderungen'],
          params: NetworkParams,
          querystring: AuditQuery,
          response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => listAudit(deps, memberOf(req), req.query),
    );
  };
