import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import { FileParams, FileUpdate, FileVisibility, StoredFile } from '../../../contracts/files.js';
import { memberOf } from '../../http/access.js';
import { DomainError } from '../../http/errors.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import * as svc from './files.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };
const tags = ['Dokumente'];

function sendFile(reply: FastifyReply, opened: Awaited<ReturnType<typeof svc.openFile>>) {
  const { file, stream } = opened;
  return reply
    .header('content-type', file.mimeType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', attachmentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('digest', `sha-512=${Buffer.from(file.sha512, 'hex').toString('base64')}`)
    .send(stream);
}

export const filesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/networks/:networkId/files',
      {
        config: { access: { permission: 'files.read' } },
        schema: { tags, params: NetworkParams, response: { 200: z.array(StoredFile), ...errors } },
      },
      async (req) => svc.listFiles(deps, memberOf(req)),
    );
    app.post(
      '/networks/:networkId/files',
      {
        config: {
          access: { permission: 'files.write' },
          multipart: z.object({
            visibility: FileVisibility.optional().describe('Sichtbarkeit, vor der Datei (Vorgabe: members)'),
            file: z.file().describe('Die Datei (PDF, Office, Bild, Text)'),
          }),
        },
        schema: {
          tags,
          summary: 'Datei hochladen (multipart/form-data: Feld „visibility“, dann „file“)',
          params: NetworkParams,
          consumes: ['multipart/form-data'],
          response: { 201: StoredFile, ...errors },
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
        let visibility: z.infer<typeof FileVisibility> = 'members';
        for await (const part of req.parts()) {
          if (part.type === 'field' && part.fieldname === 'visibility') {
            const parsed = FileVisibility.safeParse(part.value);
            if (!parsed.success) {
              throw new DomainError('files.visibility_invalid', 'Die Sichtbarkeit ist ungültig.', 'invalid');
            }
            visibility = parsed.data;
          } else if (part.type === 'file' && part.fieldname === 'file') {
            const content = await part.toBuffer();
            const created = await svc.uploadFile(deps, actor, {
              fileName: part.filename,
              content,
              visibility,
            });
            return reply.code(201).send(created);
          }
        }
        throw new DomainError('files.missing', 'Bitte wählen Sie eine Datei aus.', 'invalid');
      },
    );
    app.get(
      '/networks/:networkId/files/:fileId/content',
      {
        config: { access: { permission: 'files.read' } },
        schema: { tags, params: FileParams, response: errors },
      },
      async (req, reply) => sendFile(reply, await svc.openFile(deps, memberOf(req), req.params.fileId)),
    );
    app.patch(
      '/networks/:networkId/files/:fileId',
      {
        config: { access: { permission: 'files.write' } },
        schema: { tags, params: FileParams, body: FileUpdate, response: { 200: StoredFile, ...errors } },
      },
      async (req) => svc.changeFileVisibility(deps, memberOf(req), req.params.fileId, req.body.visibility),
    );
    app.delete(
      '/networks/:networkId/files/:fileId',
      {
        config: { access: { permission: 'files.write' } },
        schema: { tags, params: FileParams, response: { 204: z.null(), ...errors } },
      },
      async (req, reply) => {
        await svc.deleteFile(deps, memberOf(req), req.params.fileId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/public/files/:fileId',
      {
        config: { access: 'public' },
        schema: { tags: ['Öffentlich'], params: z.object({ fileId: z.uuid() }), response: errors },
      },
      async (req, reply) => sendFile(reply, await svc.openPublicFile(deps, req.params.fileId)),
    );
  };
