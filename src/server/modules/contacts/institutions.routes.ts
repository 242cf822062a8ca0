import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
import {
  Institution,
  InstitutionDetail,
  InstitutionInput,
  InstitutionParams,
  InstitutionRemoved,
  InstitutionsQuery,
  InstitutionUpdate,
} from '../../../contracts/contacts-people.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { CSV_TYPE, XLSX_TYPE } from '../../lib/spreadsheet.js';
import { errors, manage, read, tags } from './contacts.http.js';
import * as svc from './institutions.service.js';
import { institutionsCsv, institutionsXlsx } from './people.export.js';

/** Institutions: schools (number, type, operator), Kitas, companies, chambers …. */
export const institutionsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId/contacts/institutions';

    app.get(
      n,
      {
        config: read,
        schema: {
          tags,
          summary: 'Einrichtungen (Suche q, Filter: Art, Schulform, Kommune, archiviert)',
          params: NetworkParams,
          querystring: InstitutionsQuery,
          response: { 200: z.array(Institution), ...errors },
        },
      },
      async (req) => svc.listInstitutions(deps, memberOf(req), req.query),
    );
    for (const format of ['xlsx', 'csv'] as const)
      app.get(
        `${n}/export.${format}`,
        {
          config: read,
          schema: {
            tags,
            summary: `Einrichtungen als ${format === 'xlsx' ? 'Excel-Datei' : 'CSV-Datei (UTF-8 mit BOM, Semikolon)'} (mit denselben Filtern)`,
            params: NetworkParams,
            querystring: InstitutionsQuery,
            response: errors,
          },
        },
        async (req, reply) => {
          const list = await svc.listInstitutions(deps, memberOf(req), req.query);
          return reply
            .header('content-type', format === 'xlsx' ? XLSX_TYPE : CSV_TYPE)
            .header('content-disposition', attachmentDisposition(`Einrichtungen.${format}`))
            .send((format === 'xlsx' ? await institutionsXlsx(list) : institutionsCsv(list)) as never);
        },
      );
    app.post(
      n,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Einrichtung anlegen',
          params: NetworkParams,
          body: InstitutionInput,
          response: { 201: InstitutionDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createInstitution(deps, memberOf(req), req.body)),
    );
    app.get(
      `${n}/:institutionId`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Einrichtung mit den Personen, die dort arbeiten',
          params: InstitutionParams,
          response: { 200: InstitutionDetail, ...errors },
        },
      },
      async (req) => svc.getInstitution(deps, memberOf(req), req.params.institutionId),
    );
    app.put(
      `${n}/:institutionId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Einrichtung ändern (mit version; veraltet → 409)',
          params: InstitutionParams,
          body: InstitutionUpdate,
          response: { 200: InstitutionDetail, ...errors },
        },
      },
      async (req) => svc.updateInstitution(deps, memberOf(req), req.params.institutionId, req.body),
    );
    app.delete(
      `${n}/:institutionId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Einrichtung löschen (archiviert, wenn Personen ihr zugeordnet sind)',
          params: InstitutionParams,
          response: { 200: InstitutionRemoved, ...errors },
        },
      },
      async (req) => svc.removeInstitution(deps, memberOf(req), req.params.institutionId),
    );
  };
