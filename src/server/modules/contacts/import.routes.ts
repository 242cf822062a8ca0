import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  DuplicateGroup,
  ImportMapping,
  ImportPreview,
  ImportResult,
  MergeInput,
  MergeParams,
  MergeResult,
} from '../../../contracts/contacts-import.js';
import { memberOf } from '../../http/access.js';
import { DomainError } from '../../http/errors.js';
import type { Deps } from '../../lib/context.js';
import * as svc from './import.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };
const tags = ['Netzwerk'];

/** The largest spreadsheet an import takes. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const form = z.object({
  mapping: z
    .string()
    .optional()
    .describe(
      'Eigene Zuordnung als JSON, vor der Datei: { "<Blatt>": { "entity": "person"|"institution", "columns": ["lastName", null, …] } }',
    ),
  file: z.file().describe('Die Tabelle: Excel (.xlsx, Blätter „Einrichtungen“ und „Personen“) oder CSV'),
});

const summaryOfForm = '(multipart/form-data: Feld „mapping“ (optional, JSON), dann „file“; höchstens 20 MB)';

/** Reads the upload: the optional mapping and the file (at most 20 MB, streamed in). */
async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) {
    throw new DomainError(
      'import.multipart_required',
      'Bitte senden Sie die Datei als Formular-Upload.',
      'invalid',
    );
  }
  let mappingText: string | undefined;
  let file: svc.UploadedFile | undefined;
  for await (const part of req.parts({ limits: { fileSize: IMPORT_MAX_BYTES } })) {
    if (part.type === 'field' && part.fieldname === 'mapping') {
      mappingText = String(part.value);
    } else if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.fieldname === 'file' && !file) file = { name: part.filename || 'Import', content };
    }
  }
  if (!file) throw new DomainError('import.missing', 'Bitte wählen Sie eine Datei aus.', 'invalid');
  let mapping: ImportMapping | undefined;
  if (mappingText && mappingText.trim() !== '') {
    let json: unknown;
    try {
      json = JSON.parse(mappingText);
    } catch {
      throw new DomainError('import.mapping_invalid', 'Die Zuordnung der Spalten ist ungültig.', 'invalid');
    }
    const parsed = ImportMapping.safeParse(json);
    if (!parsed.success) {
      throw new DomainError('import.mapping_invalid', 'Die Zuordnung der Spalten ist ungültig.', 'invalid');
    }
    mapping = parsed.data;
  }
  return { file, mapping };
}

/** Import from Excel and CSV: preview (mapping, rejected rows, duplicates), import in one transaction, merging duplicates. */
export const importRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/networks/:networkId/contacts';

    app.post(
      `${base}/import/preview`,
      {
        config: { access: { permission: 'contacts.manage' }, multipart: form },
        schema: {
          tags,
          summary: `Vorschau eines Imports: Zuordnung, Zeilen, abgelehnte Zeilen, Dubletten; schreibt nichts ${summaryOfForm}`,
          params: NetworkParams,
          consumes: ['multipart/form-data'],
          response: { 200: ImportPreview, ...errors },
        },
      },
      async (req) => {
        const { file, mapping } = await readUpload(req);
        return svc.previewImport(deps, memberOf(req), file, mapping);
      },
    );

    app.post(
      `${base}/import`,
      {
        config: { access: { permission: 'contacts.manage' }, multipart: form },
        schema: {
          tags,
          summary: `Import in einem Schritt: gute Zeilen werden angelegt, abgelehnte gemeldet ${summaryOfForm}`,
          params: NetworkParams,
          consumes: ['multipart/form-data'],
          response: { 201: ImportResult, ...errors },
        },
      },
      async (req, reply) => {
        const { file, mapping } = await readUpload(req);
        return reply.code(201).send(await svc.runImport(deps, memberOf(req), file, mapping));
      },
    );

    app.get(
      `${base}/duplicates`,
      {
        config: { access: { permission: 'contacts.manage' } },
        schema: {
          tags,
          summary:
            'Wahrscheinliche Dubletten: gleicher Name (Umlaute, Groß- und Kleinschreibung gleich) oder gleiche E-Mail',
          params: NetworkParams,
          response: { 200: z.array(DuplicateGroup), ...errors },
        },
      },
      async (req) => svc.listDuplicates(deps, memberOf(req)),
    );

    app.post(
      `${base}/people/:personId/merge`,
      {
        config: { access: { permission: 'contacts.manage' } },
        schema: {
          tags,
          summary: 'Dubletten in diese Person zusammenführen',
          params: MergeParams,
          body: MergeInput,
          response: { 200: MergeResult, 409: ErrorBody, ...errors },
        },
      },
      async (req) => svc.mergePeople(deps, memberOf(req), req.params.personId, req.body),
    );
  };
