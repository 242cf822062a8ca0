import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  OutboxList,
  OutboxMailDetail,
  OutboxMailSummary,
  OutboxParams,
  OutboxQuery,
} from '../../../contracts/mail.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import {
  getInstallationMail,
  getOutboxMail,
  listInstallationOutbox,
  listOutbox,
  retryOutboxMail,
} from './mail.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['Postausgang'];

export const mailRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/outbox',
      {
        config: { access: 'operator' },
        schema: {
          tags,
          summary: 'E-Mails der Installation (Passwort zurücksetzen), nur für den Betrieb',
          querystring: OutboxQuery,
          response: { 200: OutboxList, ...errors },
        },
      },
      async (req) => listInstallationOutbox(deps, req.query.status),
    );
    app.get(
      '/outbox/:mailId',
      {
        config: { access: 'operator' },
        schema: {
          tags,
          params: z.object({ mailId: z.uuid() }),
          response: { 200: OutboxMailDetail, ...errors },
        },
      },
      async (req) => getInstallationMail(deps, req.params.mailId),
    );
    app.get(
      '/networks/:networkId/outbox',
      {
        config: { access: { permission: 'outbox.read' } },
        schema: {
          tags,
          params: NetworkParams,
          querystring: OutboxQuery,
          response: { 200: OutboxList, ...errors },
        },
      },
      async (req) => listOutbox(deps, memberOf(req), req.query.status),
    );
    app.get(
      '/networks/:networkId/outbox/:mailId',
      {
        config: { access: { permission: 'outbox.read' } },
        schema: { tags, params: OutboxParams, response: { 200: OutboxMailDetail, ...errors } },
      },
      async (req) => getOutboxMail(deps, memberOf(req), req.params.mailId),
    );
    app.post(
      '/networks/:networkId/outbox/:mailId/retry',
      {
        config: { access: { permission: 'outbox.manage' } },
        schema: { tags, params: OutboxParams, response: { 200: OutboxMailSummary, ...errors } },
      },
      async (req) => retryOutboxMail(deps, memberOf(req), req.params.mailId),
    );
  };
