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
import { networkActor, requireActor } from '../../http/auth-hooks.js';
import { DomainError } from '../../http/errors.js';
import type { Deps } from '../../lib/context.js';
import { isPlatformAdmin } from '../networks/networks.service.js';
import {
  getInstallationMail,
  getOutboxMail,
  listInstallationOutbox,
  listOutbox,
  retryOutboxMail,
} from './mail.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['Postausgang'];

export const mailRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const operatorOnly = async (userId: string) => {
      if (!(await isPlatformAdmin(deps.db, userId))) {
        throw new DomainError('not_found', 'Diese Adresse gibt es nicht.', 'not_found');
      }
    };
    app.get(
      '/outbox',
      {
        schema: {
          tags,
          summary: 'E-Mails der Installation (Passwort zurücksetzen), nur für den Betrieb',
          querystring: OutboxQuery,
          response: { 200: OutboxList, ...errors },
        },
      },
      async (req) => {
        await operatorOnly(requireActor(req).userId);
        return listInstallationOutbox(deps, req.query.status);
      },
    );
    app.get(
      '/outbox/:mailId',
      {
        schema: {
          tags,
          params: z.object({ mailId: z.uuid() }),
          response: { 200: OutboxMailDetail, ...errors },
        },
      },
      async (req) => {
        await operatorOnly(requireActor(req).userId);
        return getInstallationMail(deps, req.params.mailId);
      },
    );
    app.get(
      '/networks/:networkId/outbox',
      {
        schema: {
          tags,
          params: NetworkParams,
          querystring: OutboxQuery,
          response: { 200: OutboxList, ...errors },
        },
      },
      async (req) => listOutbox(deps, await networkActor(deps, req, req.params.networkId), req.query.status),
    );
    app.get(
      '/networks/:networkId/outbox/:mailId',
      { schema: { tags, params: OutboxParams, response: { 200: OutboxMailDetail, ...errors } } },
      async (req) =>
        getOutboxMail(deps, await networkActor(deps, req, req.params.networkId), req.params.mailId),
    );
    app.post(
      '/networks/:networkId/outbox/:mailId/retry',
      { schema: { tags, params: OutboxParams, response: { 200: OutboxMailSummary, ...errors } } },
      async (req) =>
        retryOutboxMail(deps, await networkActor(deps, req, req.params.networkId), req.params.mailId),
    );
  };
