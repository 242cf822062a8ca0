import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { FileVisibility, StoredFile } from '../../../contracts/files.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { user } from '../auth/auth.tables.js';
import { authorize, visibleFileClasses } from '../networks/networks.policy.js';
import { ALLOWED_TYPES, cleanFileName, sniffText } from './files.rules.js';
import { storedFile } from './files.tables.js';

type Row = typeof storedFile.$inferSelect;
const dto = (r: Row, uploadedByName: string | null): StoredFile => ({
  id: r.id,
  name: r.name,
  mimeType: r.mimeType,
  sizeBytes: r.sizeBytes,
  sha512: r.sha512,
  visibility: r.visibility,
  uploadedByName,
  createdAt: r.createdAt.toISOString(),
});

export async function detectMimeType(content: Buffer, fileName: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) return detected.mime;
  return sniffText(content.subarray(0, 8192), fileName);
}

export async function uploadFile(
  deps: Deps,
  actor: NetworkActor,
  input: { fileName: string; content: Buffer; visibility: FileVisibility },
  /** Pass a transaction to store the file together with what it belongs to. */
  tx?: Db,
): Promise<StoredFile> {
  authorize(actor.role, 'files.write');
  if (input.content.length === 0) {
    throw new DomainError('files.empty', 'Die Datei ist leer.', 'invalid');
  }
  const mimeType = await detectMimeType(input.content, input.fileName);
  if (!mimeType || !ALLOWED_TYPES[mimeType]) {
    throw new DomainError(
      'files.type_not_allowed',
      'Dieser Dateityp wird nicht angenommen. Erlaubt sind PDF, Word, Excel, PowerPoint, OpenDocument, Bilder (PNG, JPEG, WebP), Text und CSV.',
      'invalid',
    );
  }
  const type: string = mimeType;
  const sha512 = createHash('sha512').update(input.content).digest('hex');
  const storageKey = randomBytes(24).toString('base64url');
  await deps.storage.write(storageKey, Readable.from(input.content));
  try {
    return await (tx ? insert(tx) : deps.db.transaction(insert));
  } catch (err) {
    await deps.storage.remove(storageKey);
    throw err;
  }

  async function insert(tx: Db): Promise<StoredFile> {
    const [row] = await tx
      .insert(storedFile)
      .values({
        networkId: actor.networkId,
        name: cleanFileName(input.fileName),
        mimeType: type,
        sizeBytes: input.content.length,
        sha512,
        storageKey,
        visibility: input.visibility,
        uploadedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'file',
      entityId: row!.id,
      summary: `Datei „${row!.name}“ hochgeladen`,
      after: {
        name: row!.name,
        mimeType: type,
        sizeBytes: row!.sizeBytes,
        sha512,
        visibility: row!.visibility,
      },
    });
    return dto(row!, actor.name);
  }
}

export async function listFiles(deps: Deps, actor: NetworkActor): Promise<StoredFile[]> {
  const rows = await deps.db
    .select({ f: storedFile, uploader: user.name })
    .from(storedFile)
    .leftJoin(user, eq(user.id, storedFile.uploadedBy))
    .where(
      and(
        eq(storedFile.networkId, actor.networkId),
        isNull(storedFile.deletedAt),
        inArray(storedFile.visibility, visibleFileClasses(actor.role)),
      ),
    )
    .orderBy(desc(storedFile.createdAt));
  return rows.map((r) => dto(r.f, r.uploader));
}

/** Loads a file the actor may see; anything else is "not found", never "forbidden". */
async function loadVisible(deps: Deps, networkId: string, fileId: string, classes: string[]): Promise<Row> {
  const [row] = await deps.db
    .select()
    .from(storedFile)
    .where(and(eq(storedFile.id, fileId), eq(storedFile.networkId, networkId), isNull(storedFile.deletedAt)));
  if (!row || !classes.includes(row.visibility)) throw notFound('Die Datei');
  return row;
}

export async function openFile(deps: Deps, actor: NetworkActor, fileId: string) {
  const row = await loadVisible(deps, actor.networkId, fileId, visibleFileClasses(actor.role));
  return { file: dto(row, null), stream: deps.storage.read(row.storageKey) };
}

/** Files published by the office, for the public without an account. */
export async function openPublicFile(deps: Deps, fileId: string) {
  const [row] = await deps.db
    .select()
    .from(storedFile)
    .where(and(eq(storedFile.id, fileId), eq(storedFile.visibility, 'public'), isNull(storedFile.deletedAt)));
  if (!row) throw notFound('Die Datei');
  return { file: dto(row, null), stream: deps.storage.read(row.storageKey) };
}

export async function changeFileVisibility(
  deps: Deps,
  actor: NetworkActor,
  fileId: string,
  visibility: FileVisibility,
): Promise<StoredFile> {
  authorize(actor.role, 'files.write');
  const row = await loadVisible(deps, actor.networkId, fileId, visibleFileClasses(actor.role));
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(storedFile)
      .set({ visibility })
      .where(eq(storedFile.id, row.id))
      .returning();
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'file',
      entityId: row.id,
      summary: `Sichtbarkeit der Datei „${row.name}“ geändert`,
      before: { visibility: row.visibility },
      after: { visibility },
    });
    return dto(updated!, null);
  });
}

/** Removes a file from every list; its content and record stay for the audit and the archive. */
export async function deleteFile(deps: Deps, actor: NetworkActor, fileId: string): Promise<void> {
  authorize(actor.role, 'files.write');
  const row = await loadVisible(deps, actor.networkId, fileId, visibleFileClasses(actor.role));
  await deps.db.transaction(async (tx) => {
    await tx.update(storedFile).set({ deletedAt: deps.now() }).where(eq(storedFile.id, row.id));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'file',
      entityId: row.id,
      summary: `Datei „${row.name}“ gelöscht`,
      before: { name: row.name, visibility: row.visibility, sha512: row.sha512 },
    });
  });
}

/** Name and type of the given files that are not deleted, for modules that link files (attachments). */
export async function describeFiles(db: Db, networkId: string, fileIds: string[]) {
  if (fileIds.length === 0) return new Map<string, { name: string; mimeType: string }>();
  const rows = await db
    .select({ id: storedFile.id, name: storedFile.name, mimeType: storedFile.mimeType })
    .from(storedFile)
    .where(
      and(eq(storedFile.networkId, networkId), inArray(storedFile.id, fileIds), isNull(storedFile.deletedAt)),
    );
  return new Map(rows.map((r) => [r.id, { name: r.name, mimeType: r.mimeType }]));
}

/** Opens a file by id for a module that checked access itself (e.g. a paper of a visible item). */
export async function openFileById(deps: Deps, networkId: string, fileId: string) {
  const row = await loadVisible(deps, networkId, fileId, ['public', 'members', 'office']);
  return { file: dto(row, null), stream: deps.storage.read(row.storageKey) };
}
