import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgendaItemInput,
  GuestInput,
  ItemParams,
  MeetingDetail,
  MeetingParams,
  MoveInput,
  ReorderInput,
  Round,
  RoundInput,
} from '../../../contracts/steering.js';
import { memberOf } from '../../http/access.js';
import { DomainError } from '../../http/errors.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { openFileById } from '../files/files.service.js';
import { errors, tags } from './steering.http.js';
import * as svc from './steering.service.js';

/**
 * A meeting's agenda: items (order, move), papers, guests and voting rounds.
 */
export const agendaRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    const actor = memberOf;

    app.post(
      `${n}/meetings/:meetingId/items`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          params: MeetingParams,
          body: AgendaItemInput,
          response: { 201: MeetingDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.addAgendaItem(deps, actor(req), req.params.meetingId, req.body)),
    );
    app.put(
      `${n}/meetings/:meetingId/items/:itemId`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          params: ItemParams,
          body: AgendaItemInput,
          response: { 200: MeetingDetail, ...errors },
        },
      },
      async (req) =>
        svc.updateAgendaItem(deps, actor(req), req.params.meetingId, req.params.itemId, req.body),
    );
    app.post(
      `${n}/meetings/:meetingId/order`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Tagesordnung neu ordnen',
          params: MeetingParams,
          body: ReorderInput,
          response: { 200: MeetingDetail, ...errors },
        },
      },
      async (req) => svc.reorderAgenda(deps, actor(req), req.params.meetingId, req.body.itemIds),
    );
    app.post(
      `${n}/meetings/:meetingId/items/:itemId/move`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'In eine spätere Sitzung verschieben',
          params: ItemParams,
          body: MoveInput,
          response: { 200: MeetingDetail, ...errors },
        },
      },
      async (req) =>
        svc.moveAgendaItem(deps, actor(req), req.params.meetingId, req.params.itemId, req.body.toMeetingId),
    );
    app.post(
      `${n}/meetings/:meetingId/items/:itemId/papers`,
      {
        config: {
          access: { permission: 'steering.manage' },
          multipart: z.object({
            title: z
              .string()
              .max(300)
              .optional()
              .describe('Titel der Vorlage, vor der Datei (Vorgabe: Dateiname)'),
            paperId: z.uuid().optional().describe('Vorhandene Vorlage, zu der dies eine neue Fassung ist'),
            file: z.file().describe('Die Vorlage als Datei'),
          }),
        },
        schema: {
          tags,
          summary:
            'Vorlage hochladen (multipart: „title“, optional „paperId“ für eine neue Fassung, dann „file“)',
          params: ItemParams,
          consumes: ['multipart/form-data'],
          response: { 201: MeetingDetail, ...errors },
        },
      },
      async (req, reply) => {
        const a = actor(req);
        if (!req.isMultipart())
          throw new DomainError(
            'files.multipart_required',
            'Bitte senden Sie die Datei als Formular-Upload.',
            'invalid',
          );
        let title = '';
        let paperId: string | null = null;
        for await (const part of req.parts()) {
          if (part.type === 'field' && part.fieldname === 'title')
            title = String(part.value).trim().slice(0, 300);
          else if (part.type === 'field' && part.fieldname === 'paperId' && String(part.value)) {
            const parsed = z.uuid().safeParse(String(part.value));
            if (!parsed.success)
              throw new DomainError('steering.paper_invalid', 'Unbekannte Vorlage.', 'invalid');
            paperId = parsed.data;
          } else if (part.type === 'file' && part.fieldname === 'file') {
            const content = await part.toBuffer();
            const detail = await svc.addPaper(deps, a, req.params.meetingId, req.params.itemId, {
              title: title || part.filename,
              paperId,
              fileName: part.filename,
              content,
            });
            return reply.code(201).send(detail);
          }
        }
        throw new DomainError('files.missing', 'Bitte wählen Sie eine Datei aus.', 'invalid');
      },
    );
    app.get(
      `${n}/meetings/:meetingId/items/:itemId/papers/:paperId/versions/:version`,
      {
        config: { access: { permission: 'meetings.read' } },
        schema: {
          tags,
          summary: 'Vorlage herunterladen',
          params: ItemParams.extend({ paperId: z.uuid(), version: z.coerce.number().int().min(1) }),
          response: errors,
        },
      },
      async (req, reply) => {
        const a = actor(req);
        const fileId = await svc.openPaper(
          deps,
          a,
          req.params.meetingId,
          req.params.itemId,
          req.params.paperId,
          req.params.version,
        );
        const { file, stream } = await openFileById(deps, a.networkId, fileId);
        return reply
          .header('content-type', file.mimeType)
          .header('content-disposition', attachmentDisposition(file.name))
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(stream as never);
      },
    );
    app.post(
      `${n}/meetings/:meetingId/guests`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Gast (beratend) einladen',
          params: MeetingParams,
          body: GuestInput,
          response: { 201: MeetingDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.inviteGuest(deps, actor(req), req.params.meetingId, req.body)),
    );
    app.get(
      `${n}/meetings/:meetingId/items/:itemId/rounds`,
      {
        config: { access: { permission: 'meetings.read' } },
        schema: { tags, params: ItemParams, response: { 200: z.array(Round), ...errors } },
      },
      async (req) => svc.roundsOf(deps, actor(req), req.params.meetingId, req.params.itemId),
    );
    app.post(
      `${n}/meetings/:meetingId/items/:itemId/rounds`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Positionen erfassen und Ergebnis feststellen',
          params: ItemParams,
          body: RoundInput,
          response: { 201: Round, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await svc.recordRound(deps, actor(req), req.params.meetingId, req.params.itemId, req.body)),
    );
  };
