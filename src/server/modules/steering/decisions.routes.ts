import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NetworkParams, PageQuery, pageOf } from '../../../contracts/common.js';
import { Decision, DecisionParams, DecisionQuery, DecisionStatusInput } from '../../../contracts/steering.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { keysetPage } from '../../lib/keyset.js';
import { XLSX_TYPE } from '../../lib/spreadsheet.js';
import { networkName } from '../networks/networks.service.js';
import { registerWorkbook } from './steering.export.js';
import { errors, tags } from './steering.http.js';
import * as svc from './steering.service.js';

/**
 * The register of decisions and its export.
 */
export const decisionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    const actor = memberOf;

    app.get(
      `${n}/decisions/export.xlsx`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Beschlusssammlung als Excel-Datei (mit denselben Filtern)',
          params: NetworkParams,
          querystring: DecisionQuery,
          response: errors,
        },
      },
      async (req, reply) => {
        const a = actor(req);
        const decisions = await svc.listDecisions(deps, a, req.query);
        const file = await registerWorkbook((await networkName(deps, a.networkId)) ?? '', decisions);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachmentDisposition('Beschlusssammlung.xlsx'))
          .send(file as never);
      },
    );
    app.get(
      `${n}/decisions`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Beschlusssammlung, seitenweise (limit, after)',
          params: NetworkParams,
          querystring: DecisionQuery.extend(PageQuery.shape),
          response: { 200: pageOf(Decision), ...errors },
        },
      },
      async (req) => {
        const { limit, after, ...filters } = req.query;
        return keysetPage(limit, (rows) => svc.listDecisions(deps, actor(req), filters, { rows, after }));
      },
    );
    app.patch(
      `${n}/decisions/:decisionId`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Umsetzungsstand',
          params: DecisionParams,
          body: DecisionStatusInput,
          response: { 200: Decision, ...errors },
        },
      },
      async (req) => svc.setDecisionStatus(deps, actor(req), req.params.decisionId, req.body.status),
    );
  };
