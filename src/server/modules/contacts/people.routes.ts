import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
import {
  AffiliationInput,
  AffiliationParams,
  ContactOptions,
  PeopleQuery,
  PersonDetail,
  PersonInput,
  PersonListItem,
  PersonParams,
  PersonUpdate,
  SearchQuery,
  SearchResult,
} from '../../../contracts/contacts-people.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { CSV_TYPE, XLSX_TYPE } from '../../lib/spreadsheet.js';
import { errors, manage, read, tags } from './contacts.http.js';
import { peopleCsv, peopleXlsx } from './people.export.js';
import * as svc from './people.service.js';

/** People: list, search, record, edit, functions at institutions, fields, links to committee members, guests and accounts. */
export const peopleRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId/contacts';

    app.get(
      `${n}/search`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Suche über Personen und Einrichtungen (während der Eingabe; Umlaute und ß gleich)',
          params: NetworkParams,
          querystring: SearchQuery,
          response: { 200: SearchResult, ...errors },
        },
      },
      async (req) => svc.search(deps, memberOf(req), req.query.q),
    );
    app.get(
      `${n}/options`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Kommunen und Handlungsfelder für Formulare und Filter',
          params: NetworkParams,
          response: { 200: ContactOptions, ...errors },
        },
      },
      async (req) => svc.contactOptions(deps, memberOf(req)),
    );
    app.get(
      `${n}/people`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Personen (Suche q, Filter: Art der Einrichtung, Kommune, Funktion, Handlungsfeld, Multiplikator)',
          params: NetworkParams,
          querystring: PeopleQuery,
          response: { 200: z.array(PersonListItem), ...errors },
        },
      },
      async (req) => svc.listPeople(deps, memberOf(req), req.query),
    );
    for (const format of ['xlsx', 'csv'] as const)
      app.get(
        `${n}/people/export.${format}`,
        {
          config: read,
          schema: {
            tags,
            summary: `Personen als ${format === 'xlsx' ? 'Excel-Datei' : 'CSV-Datei (UTF-8 mit BOM, Semikolon)'} (mit denselben Filtern)`,
            params: NetworkParams,
            querystring: PeopleQuery,
            response: errors,
          },
        },
        async (req, reply) => {
          const people = await svc.listPeople(deps, memberOf(req), req.query);
          return reply
            .header('content-type', format === 'xlsx' ? XLSX_TYPE : CSV_TYPE)
            .header('content-disposition', attachmentDisposition(`Personen.${format}`))
            .send((format === 'xlsx' ? await peopleXlsx(people) : peopleCsv(people)) as never);
        },
      );
    app.post(
      `${n}/people`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Person anlegen',
          params: NetworkParams,
          body: PersonInput,
          response: { 201: PersonDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createPerson(deps, memberOf(req), req.body)),
    );
    app.get(
      `${n}/people/:personId`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Person mit Funktionen, Handlungsfeldern, Herkunft, Lenkungskreis, Gasteinladungen und Konto',
          params: PersonParams,
          response: { 200: PersonDetail, ...errors },
        },
      },
      async (req) => svc.getPerson(deps, memberOf(req), req.params.personId),
    );
    app.put(
      `${n}/people/:personId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Person ändern (mit version; veraltet → 409)',
          params: PersonParams,
          body: PersonUpdate,
          response: { 200: PersonDetail, ...errors },
        },
      },
      async (req) => svc.updatePerson(deps, memberOf(req), req.params.personId, req.body),
    );
    app.post(
      `${n}/people/:personId/affiliations`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Funktion bei einer Einrichtung hinzufügen',
          params: PersonParams,
          body: AffiliationInput,
          response: { 201: PersonDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.addAffiliation(deps, memberOf(req), req.params.personId, req.body)),
    );
    app.delete(
      `${n}/people/:personId/affiliations/:affiliationId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Funktion bei einer Einrichtung entfernen',
          params: AffiliationParams,
          response: { 200: PersonDetail, ...errors },
        },
      },
      async (req) =>
        svc.removeAffiliation(deps, memberOf(req), req.params.personId, req.params.affiliationId),
    );
  };
