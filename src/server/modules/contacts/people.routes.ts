import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Email, ErrorBody, NetworkParams } from '../../../contracts/common.js';
import { LegalBasis, Salutation } from '../../../contracts/contacts.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { createPerson } from './people.service.js';

/**
 * People: list, search, record, edit, functions at institutions, fields, links to committee members,
 * guests and accounts. STAND-IN of the privacy branch: only "Person anlegen" (see people.service.ts);
 * the people part's routes replace this file at the merge.
 */
export const peopleRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/networks/:networkId/contacts/people',
      {
        config: { access: { permission: 'contacts.manage' } },
        schema: {
          tags: ['Netzwerk'],
          summary: 'Person anlegen',
          params: NetworkParams,
          body: z.object({
            salutation: Salutation.optional(),
            firstName: z.string().trim().max(200).optional(),
            lastName: z.string().trim().min(1, { error: 'Bitte geben Sie den Nachnamen an.' }).max(200),
            email: Email.nullable().optional(),
            legalBasis: LegalBasis.optional(),
          }),
          response: {
            201: z.object({ id: z.uuid() }),
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
          },
        },
      },
      async (req, reply) => reply.code(201).send(await createPerson(deps, memberOf(req), req.body)),
    );
  };
