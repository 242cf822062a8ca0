import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  AdjustmentProposal,
  AdjustmentProposed,
  QualityCycle,
  QualityFieldSummary,
  QualityParams,
} from '../../../contracts/work-quality.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { proposeAdjustment, qualityCycle, qualityIndex } from './quality.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['Arbeitsprogramm'];

/** The quality cycle per field of action (Qualitätszyklus). */
export const qualityRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId/work/quality';
    app.get(
      n,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Qualitätszyklus: alle Handlungsfelder mit dem Stand jedes Schritts',
          params: NetworkParams,
          response: { 200: z.array(QualityFieldSummary), ...errors },
        },
      },
      async (req) => qualityIndex(deps, memberOf(req)),
    );
    app.get(
      `${n}/:fieldId`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Qualitätszyklus eines Handlungsfelds: Ziele, Maßnahmen, Auswertung, Anpassung',
          params: QualityParams,
          response: { 200: QualityCycle, ...errors },
        },
      },
      async (req) => qualityCycle(deps, memberOf(req), req.params.fieldId),
    );
    app.post(
      `${n}/:fieldId/adjustment`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Anpassung vorschlagen: Tagesordnungspunkt für die nächste geplante Sitzung',
          params: QualityParams,
          body: AdjustmentProposal,
          response: { 201: AdjustmentProposed, ...errors },
        },
      },
      async (req, reply) => {
        const result = await proposeAdjustment(deps, memberOf(req), req.params.fieldId, req.body);
        return reply.code(201).send(result);
      },
    );
  };
