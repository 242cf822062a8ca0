import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../contracts/common.js';
import {
  DocFile,
  DocFileKind,
  DocFileParams,
  DocFileUpdate,
  DocumentationInput,
  EventDocParams,
  EventDocumentation,
  HandInput,
  HandResult,
  PublicDocFileParams,
  PublicDocParams,
  PublicDocumentation,
  Recommendation,
  RecommendationInput,
  RecommendationParams,
  RecommendationPatch,
  RecommendationStep,
  SessionDocParams,
} from '../../../contracts/events-documentation.js';
import { memberOf } from '../../http/access.js';
import { DomainError } from '../../http/errors.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import * as docs from './documentation.service.js';
import * as recs from './recommendations.service.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
};
const tags = ['Veranstaltungen: Dokumentation'];
const recTags = ['Veranstaltungen: Empfehlungen'];

function sendFile(reply: FastifyReply, opened: Awaited<ReturnType<typeof docs.openDocumentFile>>) {
  const { file, stream } = opened;
  return reply
    .header('content-type', file.mimeType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', attachmentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(stream);
}

/** Documentation per session and for the event (text, files, photos with consent), the public page and the PDF; recommendations handed to the committee. */
export const documentationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const e = '/networks/:networkId/events/:eventId';
    app.get(
      `${e}/documentation`,
      {
        config: { access: { permission: 'events.read' } },
        schema: {
          tags,
          summary: 'Dokumentation: Programmpunkte mit Ergebnissen, Zusammenfassung, Dateien, Empfehlungen',
          params: EventDocParams,
          response: { 200: EventDocumentation, ...errors },
        },
      },
      async (req) => docs.getDocumentation(deps, memberOf(req), req.params.eventId),
    );
    app.put(
      `${e}/documentation`,
      {
        config: { access: { permission: 'events.manage' } },
        schema: {
          tags,
          summary: 'Zusammenfassung der Veranstaltung speichern (mit Fassung)',
          params: EventDocParams,
          body: DocumentationInput,
          response: { 200: EventDocumentation, ...errors },
        },
      },
      async (req) => docs.saveEventDocumentation(deps, memberOf(req), req.params.eventId, req.body),
    );
    app.put(
      `${e}/sessions/:sessionId/documentation`,
      {
        config: { access: { permission: 'events.manage' } },
        schema: {
          tags,
          summary: 'Ergebnisse eines Programmpunkts speichern (mit Fassung)',
          params: SessionDocParams,
          body: DocumentationInput,
          response: { 200: EventDocumentation, ...errors },
        },
      },
      async (req) =>
        docs.saveSessionDocumentation(
          deps,
          memberOf(req),
          req.params.eventId,
          req.params.sessionId,
          req.body,
        ),
    );
    app.post(
      `${e}/documentation/publish`,
      {
        config: { access: { permission: 'events.manage' } },
        schema: {
          tags,
          summary: 'Dokumentation veröffentlichen (öffentliche Veranstaltung, Stand „dokumentiert“)',
          params: EventDocParams,
          response: { 200: EventDocumentation, ...errors },
        },
      },
      async (req) => docs.publishDocumentation(deps, memberOf(req), req.params.eventId, true),
    );
    app.post(
      `${e}/documentation/unpublish`,
      {
        config: { access: { permission: 'events.manage' } },
        schema: {
          tags,
          summary: 'Veröffentlichung der Dokumentation zurücknehmen',
          params: EventDocParams,
          response: { 200: EventDocumentation, ...errors },
        },
      },
      async (req) => docs.publishDocumentation(deps, memberOf(req), req.params.eventId, false),
    );
    app.post(
      `${e}/documentation/files`,
      {
        config: {
          access: { permission: 'events.manage' },
          multipart: z.object({
            kind: DocFileKind.optional().describe('file oder photo (Vorgabe: file)'),
            sessionId: z.uuid().optional().describe('Programmpunkt (leer: die ganze Veranstaltung)'),
            caption: z.string().optional(),
            photoConsent: z.enum(['true', 'false']).optional().describe('Einwilligung der Abgebildeten'),
            file: z.file().describe('Die Datei, nach den Feldern'),
          }),
        },
        schema: {
          tags,
          summary: 'Datei oder Foto zur Dokumentation hochladen (multipart/form-data, Felder vor „file“)',
          params: EventDocParams,
          consumes: ['multipart/form-data'],
          response: { 201: DocFile, ...errors },
        },
      },
      async (req, reply) => {
        const actor = memberOf(req);
        if (!req.isMultipart())
          throw new DomainError(
            'files.multipart_required',
            'Bitte senden Sie die Datei als Formular-Upload.',
            'invalid',
          );
        const fields: Record<string, string> = {};
        for await (const part of req.parts()) {
          if (part.type === 'field') fields[part.fieldname] = String(part.value);
          else if (part.fieldname === 'file') {
            const kind = DocFileKind.safeParse(fields.kind ?? 'file');
            if (!kind.success)
              throw new DomainError('events.file_kind', 'Bitte wählen Sie Datei oder Foto.', 'invalid');
            const session = fields.sessionId ? z.uuid().safeParse(fields.sessionId) : null;
            if (session && !session.success)
              throw new DomainError('events.file_session', 'Unbekannter Programmpunkt.', 'invalid');
            const caption = (fields.caption ?? '').trim();
            if (caption.length > 300)
              throw new DomainError(
                'events.file_caption',
                'Die Beschriftung ist zu lang (höchstens 300 Zeichen).',
                'invalid',
              );
            const created = await docs.addDocumentFile(deps, actor, req.params.eventId, {
              sessionId: session?.data ?? null,
              kind: kind.data,
              caption,
              photoConsent: fields.photoConsent === 'true',
              fileName: part.filename,
              content: await part.toBuffer(),
            });
            return reply.code(201).send(created);
          }
        }
        throw new DomainError('files.missing', 'Bitte wählen Sie eine Datei aus.', 'invalid');
      },
    );
    app.patch(
      `${e}/documentation/files/:fileId`,
      {
        config: { access: { permission: 'events.manage' } },
        schema: {
          tags,
          summary: 'Beschriftung oder Einwilligung zum Foto ändern',
          params: DocFileParams,
          body: DocFileUpdate,
          response: { 200: DocFile, ...errors },
        },
      },
      async (req) =>
        docs.updateDocumentFile(deps, memberOf(req), req.params.eventId, req.params.fileId, req.body),
    );
    app.delete(
      `${e}/documentation/files/:fileId`,
      {
        config: { access: { permission: 'events.manage' } },
        schema: {
          tags,
          summary: 'Datei aus der Dokumentation entfernen',
          params: DocFileParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await docs.removeDocumentFile(deps, memberOf(req), req.params.eventId, req.params.fileId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      `${e}/documentation/files/:fileId/content`,
      {
        config: { access: { permission: 'events.read' } },
        schema: { tags, summary: 'Datei der Dokumentation', params: DocFileParams, response: errors },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await docs.openDocumentFile(deps, memberOf(req), req.params.eventId, req.params.fileId),
        ),
    );
    app.get(
      `${e}/documentation.pdf`,
      {
        config: { access: { permission: 'events.read' } },
        schema: { tags, summary: 'Dokumentation als PDF', params: EventDocParams, response: errors },
      },
      async (req, reply) => {
        const { pdf, title } = await docs.documentationPdf(deps, memberOf(req), req.params.eventId);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentDisposition(`Dokumentation ${title}.pdf`))
          .send(pdf as never);
      },
    );

    app.get(
      `${e}/recommendations`,
      {
        config: { access: { permission: 'events.read' } },
        schema: {
          tags: recTags,
          summary: 'Empfehlungen der Veranstaltung',
          params: EventDocParams,
          response: { 200: z.array(Recommendation), ...errors },
        },
      },
      async (req) => recs.listRecommendations(deps, memberOf(req), req.params.eventId),
    );
    app.post(
      `${e}/recommendations`,
      {
        config: { access: { permission: 'events.recommend' } },
        schema: {
          tags: recTags,
          summary: 'Empfehlung anlegen (Entwurf)',
          params: EventDocParams,
          body: RecommendationInput,
          response: { 201: Recommendation, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await recs.createRecommendation(deps, memberOf(req), req.params.eventId, req.body)),
    );
    app.post(
      `${e}/recommendations/hand`,
      {
        config: { access: { permission: 'events.manage' } },
        schema: {
          tags: recTags,
          summary:
            'Abgestimmte Empfehlungen an den Lenkungskreis übergeben (TOP der nächsten geplanten Sitzung)',
          params: EventDocParams,
          body: HandInput,
          response: { 200: HandResult, ...errors },
        },
      },
      async (req) => recs.handRecommendations(deps, memberOf(req), req.params.eventId, req.body),
    );
    app.patch(
      `${e}/recommendations/:recommendationId`,
      {
        config: { access: { permission: 'events.recommend' } },
        schema: {
          tags: recTags,
          summary: 'Empfehlung ändern (mit Fassung; eine abgestimmte wird wieder Entwurf)',
          params: RecommendationParams,
          body: RecommendationPatch,
          response: { 200: Recommendation, ...errors },
        },
      },
      async (req) =>
        recs.updateRecommendation(
          deps,
          memberOf(req),
          req.params.eventId,
          req.params.recommendationId,
          req.body,
        ),
    );
    for (const [path, summary, fn] of [
      ['agree', 'Der Empfehlung zustimmen', recs.agreeRecommendation],
      ['withdraw', 'Empfehlung zurückziehen', recs.withdrawRecommendation],
    ] as const) {
      app.post(
        `${e}/recommendations/:recommendationId/${path}`,
        {
          config: { access: { permission: 'events.recommend' } },
          schema: {
            tags: recTags,
            summary,
            params: RecommendationParams,
            body: RecommendationStep,
            response: { 200: Recommendation, ...errors },
          },
        },
        async (req) => fn(deps, memberOf(req), req.params.eventId, req.params.recommendationId, req.body),
      );
    }

    app.get(
      '/public/networks/:slug/events/:eventId/documentation',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Veröffentlichte Dokumentation einer öffentlichen Veranstaltung',
          params: PublicDocParams,
          response: { 200: PublicDocumentation, ...errors },
        },
      },
      async (req) => docs.publicDocumentation(deps, req.params.slug, req.params.eventId),
    );
    app.get(
      '/public/networks/:slug/events/:eventId/documentation/files/:fileId',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Veröffentlichte Datei oder Foto',
          params: PublicDocFileParams,
          response: errors,
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await docs.openPublicDocumentFile(deps, req.params.slug, req.params.eventId, req.params.fileId),
        ),
    );
  };
