import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  ConsentInput,
  ContractDetail,
  ContractInput,
  FieldOfAction,
  FieldParams,
  FieldsQuery,
  FieldUpdate,
  HistoryEntry,
  Responsibility,
  ResponsibilityInput,
  ResponsibilityParams,
  ScopeAnswer,
  ScopeQuery,
  VersionDetail,
  VersionInput,
  VersionParams,
} from '../../../contracts/contract.js';
import { memberOf } from '../../http/access.js';
import { DomainError } from '../../http/errors.js';
import type { Deps } from '../../lib/context.js';
import * as svc from './contract.service.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const tags = ['Kooperationsvertrag'];

export const contractRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/networks/:networkId/contract';
    app.get(
      base,
      {
        config: { access: { permission: 'contract.read' } },
        schema: { tags, params: NetworkParams, response: { 200: ContractDetail, ...errors } },
      },
      async (req) => svc.getContract(deps, memberOf(req)),
    );
    app.put(
      base,
      {
        config: { access: { permission: 'contract.manage' } },
        schema: {
          tags,
          summary: 'Vertrag anlegen oder Parteien ändern',
          params: NetworkParams,
          body: ContractInput,
          response: { 200: ContractDetail, ...errors },
        },
      },
      async (req) => svc.saveContract(deps, memberOf(req), req.body),
    );
    app.get(
      `${base}/history`,
      {
        config: { access: { permission: 'contract.read' } },
        schema: {
          tags,
          summary: 'Zeitleiste des Vertrags',
          params: NetworkParams,
          response: { 200: z.array(HistoryEntry), ...errors },
        },
      },
      async (req) => svc.contractHistory(deps, memberOf(req)),
    );
    app.post(
      `${base}/versions`,
      {
        config: { access: { permission: 'contract.manage' } },
        schema: {
          tags,
          summary: 'Fassung oder Änderungsvereinbarung entwerfen',
          params: NetworkParams,
          body: VersionInput,
          response: { 201: VersionDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.draftVersion(deps, memberOf(req), req.body)),
    );
    app.get(
      `${base}/versions/:versionId`,
      {
        config: { access: { permission: 'contract.read' } },
        schema: { tags, params: VersionParams, response: { 200: VersionDetail, ...errors } },
      },
      async (req) => svc.getVersion(deps, memberOf(req), req.params.versionId),
    );
    app.post(
      `${base}/versions/:versionId/consents`,
      {
        config: { access: { permission: 'contract.manage' } },
        schema: {
          tags,
          summary: 'Zustimmung einer Vertragspartei erfassen',
          params: VersionParams,
          body: ConsentInput,
          response: { 200: VersionDetail, ...errors },
        },
      },
      async (req) => svc.recordConsent(deps, memberOf(req), req.params.versionId, req.body),
    );
    app.post(
      `${base}/versions/:versionId/withdraw`,
      {
        config: { access: { permission: 'contract.manage' } },
        schema: {
          tags,
          summary: 'Entwurf zurückziehen',
          params: VersionParams,
          response: { 200: VersionDetail, ...errors },
        },
      },
      async (req) => svc.withdrawVersion(deps, memberOf(req), req.params.versionId),
    );
    app.post(
      `${base}/versions/:versionId/attachments`,
      {
        config: {
          access: { permission: 'contract.manage' },
          multipart: z.object({
            label: z
              .string()
              .max(200)
              .optional()
              .describe('Bezeichnung, vor der Datei (Vorgabe: Unterzeichnete Fassung)'),
            file: z.file().describe('Das Dokument, z. B. die unterzeichnete Fassung als PDF'),
          }),
        },
        schema: {
          tags,
          summary: 'Dokument anhängen (multipart: Feld „label“, dann „file“)',
          params: VersionParams,
          consumes: ['multipart/form-data'],
          response: { 201: VersionDetail, ...errors },
        },
      },
      async (req, reply) => {
        const actor = memberOf(req);
        if (!req.isMultipart()) {
          throw new DomainError(
            'files.multipart_required',
            'Bitte senden Sie die Datei als Formular-Upload.',
            'invalid',
          );
        }
        let label = 'Unterzeichnete Fassung';
        for await (const part of req.parts()) {
          if (part.type === 'field' && part.fieldname === 'label' && String(part.value).trim()) {
            label = String(part.value).trim().slice(0, 200);
          } else if (part.type === 'file' && part.fieldname === 'file') {
            const content = await part.toBuffer();
            const v = await svc.attachToVersion(deps, actor, req.params.versionId, {
              label,
              fileName: part.filename,
              content,
            });
            return reply.code(201).send(v);
          }
        }
        throw new DomainError('files.missing', 'Bitte wählen Sie eine Datei aus.', 'invalid');
      },
    );
    app.get(
      '/networks/:networkId/fields',
      {
        config: { access: { permission: 'contract.read' } },
        schema: {
          tags,
          summary: 'Handlungsfelder mit Stand an einem Tag',
          params: NetworkParams,
          querystring: FieldsQuery,
          response: { 200: z.array(FieldOfAction), ...errors },
        },
      },
      async (req) => svc.listFields(deps, memberOf(req), req.query.on),
    );
    app.patch(
      '/networks/:networkId/fields/:fieldId',
      {
        config: { access: { permission: 'contract.manage' } },
        schema: { tags, params: FieldParams, body: FieldUpdate, response: { 200: FieldOfAction, ...errors } },
      },
      async (req) => svc.updateField(deps, memberOf(req), req.params.fieldId, req.body),
    );
    app.get(
      '/networks/:networkId/responsibilities',
      {
        config: { access: { permission: 'contract.read' } },
        schema: {
          tags,
          summary: 'Zuständigkeitskatalog',
          params: NetworkParams,
          response: { 200: z.array(Responsibility), ...errors },
        },
      },
      async (req) => svc.listResponsibilities(deps, memberOf(req)),
    );
    app.post(
      '/networks/:networkId/responsibilities',
      {
        config: { access: { permission: 'contract.manage' } },
        schema: {
          tags,
          params: NetworkParams,
          body: ResponsibilityInput,
          response: { 201: Responsibility, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.createResponsibility(deps, memberOf(req), req.body)),
    );
    app.put(
      '/networks/:networkId/responsibilities/:responsibilityId',
      {
        config: { access: { permission: 'contract.manage' } },
        schema: {
          tags,
          params: ResponsibilityParams,
          body: ResponsibilityInput,
          response: { 200: Responsibility, ...errors },
        },
      },
      async (req) => svc.updateResponsibility(deps, memberOf(req), req.params.responsibilityId, req.body),
    );
    app.delete(
      '/networks/:networkId/responsibilities/:responsibilityId',
      {
        config: { access: { permission: 'contract.manage' } },
        schema: { tags, params: ResponsibilityParams, response: { 204: z.null(), ...errors } },
      },
      async (req, reply) => {
        await svc.deleteResponsibility(deps, memberOf(req), req.params.responsibilityId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/networks/:networkId/scope',
      {
        config: { access: { permission: 'contract.read' } },
        schema: {
          tags,
          summary: 'Zuständigkeit prüfen',
          params: NetworkParams,
          querystring: ScopeQuery,
          response: { 200: ScopeAnswer, ...errors },
        },
      },
      async (req) => svc.askScope(deps, memberOf(req), req.query),
    );
  };
