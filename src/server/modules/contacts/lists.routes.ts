import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
import {
  Candidates,
  CandidatesQuery,
  GuestsFromListInput,
  GuestsFromListResult,
  ListDetail,
  ListInput,
  ListMailInput,
  ListMailResult,
  ListMemberParams,
  ListOptions,
  ListParams,
  ListPreview,
  ListSummary,
  ListUpdate,
  MembersInput,
  PreviewInput,
} from '../../../contracts/contacts-lists.js';
import { MeetingParams } from '../../../contracts/steering.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { CSV_TYPE, XLSX_TYPE } from '../../lib/spreadsheet.js';
import { errors, manage, read } from './contacts.http.js';
import { listCsv, listFileName, listWorkbook } from './lists.export.js';
import * as svc from './lists.service.js';

const tags = ['Netzwerk'];

/** Distribution lists (Verteiler): static and dynamic, preview with who is left out and why, mails to a list. */
export const listsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/networks/:networkId/contacts/lists';
    const actor = memberOf;

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary: 'Verteiler des Netzwerks mit der Zahl der Empfängerinnen und Empfänger',
          params: NetworkParams,
          response: { 200: z.array(ListSummary), ...errors },
        },
      },
      async (req) => svc.listLists(deps, actor(req)),
    );
    app.post(
      base,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Verteiler anlegen (fest oder dynamisch mit Filter)',
          params: NetworkParams,
          body: ListInput,
          response: { 201: ListDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createList(deps, actor(req), req.body)),
    );
    app.get(
      `${base}/options`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Auswahl für den Filter: Arten, Schulformen, Gemeinden, Handlungsfelder, Funktionen, Themen',
          params: NetworkParams,
          response: { 200: ListOptions, ...errors },
        },
      },
      async (req) => svc.listOptions(deps, actor(req)),
    );
    app.get(
      `${base}/people`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Personen für einen festen Verteiler suchen (während der Eingabe)',
          params: NetworkParams,
          querystring: CandidatesQuery,
          response: { 200: Candidates, ...errors },
        },
      },
      async (req) => svc.candidates(deps, actor(req), req.query.q),
    );
    app.post(
      `${base}/preview`,
      {
        config: read,
        schema: {
          tags,
          summary:
            'Vorschau eines noch nicht gespeicherten Filters: wer die E-Mails erhält, wer nicht und warum',
          params: NetworkParams,
          body: PreviewInput,
          response: { 200: ListPreview, ...errors },
        },
      },
      async (req) => svc.previewFilter(deps, actor(req), req.body),
    );
    app.get(
      `${base}/:listId`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Ein Verteiler mit Filter oder Mitgliedern',
          params: ListParams,
          response: { 200: ListDetail, ...errors },
        },
      },
      async (req) => svc.getList(deps, actor(req), req.params.listId),
    );
    app.put(
      `${base}/:listId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Verteiler ändern (mit version; veraltet → 409)',
          params: ListParams,
          body: ListUpdate,
          response: { 200: ListDetail, ...errors },
        },
      },
      async (req) => svc.updateList(deps, actor(req), req.params.listId, req.body),
    );
    app.delete(
      `${base}/:listId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Verteiler löschen',
          params: ListParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await svc.deleteList(deps, actor(req), req.params.listId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      `${base}/:listId/preview`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Wer die E-Mails des Verteilers erhält, wer nicht und warum',
          params: ListParams,
          response: { 200: ListPreview, ...errors },
        },
      },
      async (req) => svc.previewList(deps, actor(req), req.params.listId),
    );
    app.post(
      `${base}/:listId/members`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Personen zu einem festen Verteiler hinzufügen',
          params: ListParams,
          body: MembersInput,
          response: { 200: ListDetail, ...errors },
        },
      },
      async (req) => svc.addMembers(deps, actor(req), req.params.listId, req.body.personIds),
    );
    app.delete(
      `${base}/:listId/members/:personId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Eine Person von einem festen Verteiler entfernen',
          params: ListMemberParams,
          response: { 200: ListDetail, ...errors },
        },
      },
      async (req) => svc.removeMember(deps, actor(req), req.params.listId, req.params.personId),
    );
    app.post(
      `${base}/:listId/mail`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Rundmail an den Verteiler: je Person eine E-Mail mit persönlichem Abmeldelink',
          params: ListParams,
          body: ListMailInput,
          response: { 200: ListMailResult, ...errors },
        },
      },
      async (req) => svc.mailList(deps, actor(req), req.params.listId, req.body),
    );
    app.get(
      `${base}/:listId/export.xlsx`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Personen des Verteilers als Excel-Datei',
          params: ListParams,
          response: errors,
        },
      },
      async (req, reply) => {
        const { list, preview } = await svc.exportRows(deps, actor(req), req.params.listId);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachmentDisposition(listFileName(list.name, 'xlsx')))
          .send((await listWorkbook(list.name, preview)) as never);
      },
    );
    app.get(
      `${base}/:listId/export.csv`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Personen des Verteilers als CSV (UTF-8 mit BOM, Semikolon)',
          params: ListParams,
          response: errors,
        },
      },
      async (req, reply) => {
        const { list, preview } = await svc.exportRows(deps, actor(req), req.params.listId);
        return reply
          .header('content-type', CSV_TYPE)
          .header('content-disposition', attachmentDisposition(listFileName(list.name, 'csv')))
          .send(listCsv(preview) as never);
      },
    );
    app.post(
      '/networks/:networkId/meetings/:meetingId/guests/from-list',
      {
        config: { access: { permission: 'steering.manage' as const } },
        schema: {
          tags,
          summary: 'Gäste aus einem Verteiler einladen (wer schon eingeladen ist, wird übersprungen)',
          params: MeetingParams,
          body: GuestsFromListInput,
          response: { 200: GuestsFromListResult, ...errors },
        },
      },
      async (req) => svc.guestsFromList(deps, actor(req), req.params.meetingId, req.body.listId),
    );
  };
