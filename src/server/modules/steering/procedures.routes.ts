import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
import {
  AudiencePreview,
  Procedure,
  ProcedureInput,
  ProcedureParams,
  VoteInput,
} from '../../../contracts/steering.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { errors, tags } from './steering.http.js';
import { getProcedure, listProcedures, previewProcedure, startProcedure } from './steering.procedures.js';
import { castOwnVote } from './worklist.service.js';

/**
 * Procedures: list, start, read one.
 */
export const procedureRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    const actor = memberOf;

    app.get(
      `${n}/procedures`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Umlaufverfahren',
          params: NetworkParams,
          response: { 200: z.array(Procedure), ...errors },
        },
      },
      async (req) => listProcedures(deps, actor(req)),
    );
    app.post(
      `${n}/procedures`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Umlaufverfahren starten (Frist in Europe/Berlin)',
          params: NetworkParams,
          body: ProcedureInput,
          response: { 201: Procedure, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await startProcedure(deps, actor(req), req.body)),
    );
    app.get(
      `${n}/procedures/preview`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Vorschau: wer ein jetzt gestartetes Umlaufverfahren erhält und wer nicht erreichbar ist',
          params: NetworkParams,
          response: { 200: AudiencePreview, ...errors },
        },
      },
      async (req) => previewProcedure(deps, actor(req)),
    );
    app.get(
      `${n}/procedures/:procedureId`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: { tags, params: ProcedureParams, response: { 200: Procedure, ...errors } },
      },
      async (req) => getProcedure(deps, actor(req), req.params.procedureId),
    );
    app.put(
      `${n}/procedures/:procedureId/my-vote`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Eigene Antwort eines angemeldeten Mitglieds (wie über den persönlichen Link)',
          params: ProcedureParams,
          body: VoteInput,
          response: { 200: Procedure, ...errors },
        },
      },
      async (req) => castOwnVote(deps, actor(req), req.params.procedureId, req.body),
    );
  };
