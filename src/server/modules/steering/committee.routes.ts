import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
import { CommitteeMember, MemberInput, MemberParams } from '../../../contracts/steering.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { errors, tags } from './steering.http.js';
import * as svc from './steering.service.js';

/**
 * The members of the steering committee.
 */
export const committeeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    const actor = memberOf;

    app.get(
      `${n}/committee`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Mitglieder des Lenkungskreises',
          params: NetworkParams,
          response: { 200: z.array(CommitteeMember), ...errors },
        },
      },
      async (req) => svc.listCommitteeMembers(deps, actor(req)),
    );
    app.post(
      `${n}/committee`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          params: NetworkParams,
          body: MemberInput,
          response: { 201: CommitteeMember, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createCommitteeMember(deps, actor(req), req.body)),
    );
    app.put(
      `${n}/committee/:memberId`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          params: MemberParams,
          body: MemberInput,
          response: { 200: CommitteeMember, ...errors },
        },
      },
      async (req) => svc.updateCommitteeMember(deps, actor(req), req.params.memberId, req.body),
    );
  };
