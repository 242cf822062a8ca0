import type {
  DocFile,
  DocFileKind,
  DocFileUpdate,
  DocumentationInput,
  EventDocumentation,
  PublicDocumentation,
} from '../../../contracts/events-documentation.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDateTime, formatTimeRange } from '../../lib/format.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { describeFiles, openFileById, uploadFile } from '../files/files.service.js';
import { authorize } from '../networks/networks.policy.js';
import { publishedNetworkId } from '../publicsite/publicsite.service.js';
import { type DocBlock, renderPdf } from '../steering/steering.service.js';
import * as repo from './documentation.repository.js';
import { assertPublishable, publicFiles } from './documentation.rules.js';
import { eventRow } from './events.repository.js';
import { visibleEvent } from './events.service.js';
import { plannedMeetings, recommendationDtos } from './recommendations.service.js';

/*
 * The documentation of an event: the results of each session, the summary of the whole event, files
 * and photos (published only with the consent of those shown), the public page and the PDF.
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function fileDtos(db: Db, networkId: string, rows: repo.DocFileRow[]): Promise<DocFile[]> {
  const described = await describeFiles(
    db,
    networkId,
    rows.map((r) => r.fileId),
  );
  return rows.flatMap((r) => {
    const f = described.get(r.fileId);
    if (!f) return [];
    return [
      {
        id: r.id,
        sessionId: r.sessionId,
        fileId: r.fileId,
        name: f.name,
        mimeType: f.mimeType,
        kind: r.kind,
        caption: r.caption,
        photoConsent: r.photoConsent,
      },
    ];
  });
}

export async function getDocumentation(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
): Promise<EventDocumentation> {
  authorize(actor.role, 'events.read');
  const e = await visibleEvent(deps.db, actor, eventId);
  const [sessions, files, recs, meetings] = await Promise.all([
    repo.sessionsOf(deps.db, actor.networkId, eventId),
    repo.filesOf(deps.db, actor.networkId, eventId),
    repo.recommendationsOf(deps.db, actor.networkId, eventId),
    plannedMeetings(deps, actor),
  ]);
  return {
    event: {
      id: e.id,
      title: e.title,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      venue: e.venue,
      public: e.public,
      status: e.status,
      documentation: e.documentation,
      documentationPublishedAt: iso(e.documentationPublishedAt),
      version: e.version,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      documentation: s.documentation,
      version: s.version,
    })),
    files: await fileDtos(deps.db, actor.networkId, files),
    recommendations: await recommendationDtos(deps.db, actor.networkId, recs, sessions),
    nextMeeting: meetings.next,
    meetings: meetings.meetings,
  };
}

const stale = (what: string) =>
  staleVersion('events.documentation_stale', what, null, '. Bitte laden Sie die Seite neu.');

/** The summary of the whole event. */
export async function saveEventDocumentation(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  input: DocumentationInput,
): Promise<EventDocumentation> {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    if (e.version !== input.version) throw stale('Die Dokumentation der Veranstaltung');
    await repo.updateEvent(tx, e.id, {
      documentation: input.documentation,
      version: e.version + 1,
      updatedAt: deps.now(),
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event',
      entityId: e.id,
      summary: `Dokumentation von „${e.title}“ geändert`,
      before: { documentation: e.documentation },
      after: { documentation: input.documentation },
    });
  });
  return getDocumentation(deps, actor, eventId);
}

/** The results of one session. */
export async function saveSessionDocumentation(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  sessionId: string,
  input: DocumentationInput,
): Promise<EventDocumentation> {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    await visibleEvent(tx, actor, eventId);
    const s = await repo.sessionRow(tx, actor.networkId, eventId, sessionId, true);
    if (!s) throw notFound('Der Programmpunkt');
    if (s.version !== input.version) throw stale(`Die Dokumentation von „${s.title}“`);
    await repo.updateSession(tx, s.id, { documentation: input.documentation, version: s.version + 1 });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event_session',
      entityId: s.id,
      summary: `Ergebnisse von „${s.title}“ dokumentiert`,
      before: { documentation: s.documentation },
      after: { documentation: input.documentation },
    });
  });
  return getDocumentation(deps, actor, eventId);
}

export async function addDocumentFile(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  input: {
    sessionId: string | null;
    kind: DocFileKind;
    caption: string;
    photoConsent: boolean;
    fileName: string;
    content: Buffer;
  },
): Promise<DocFile> {
  authorize(actor.role, 'events.manage');
  const row = await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    if (input.sessionId && !(await repo.sessionRow(tx, actor.networkId, eventId, input.sessionId)))
      throw notFound('Der Programmpunkt');
    const stored = await uploadFile(
      deps,
      actor,
      { fileName: input.fileName, content: input.content, visibility: 'members' },
      tx,
    );
    if (input.kind === 'photo' && !stored.mimeType.startsWith('image/'))
      throw new DomainError(
        'events.photo_not_image',
        'Ein Foto muss ein Bild sein (PNG, JPEG, WebP).',
        'invalid',
      );
    const r = await repo.insertFile(tx, {
      networkId: actor.networkId,
      eventId,
      sessionId: input.sessionId,
      fileId: stored.id,
      kind: input.kind,
      caption: input.caption,
      photoConsent: input.kind === 'photo' && input.photoConsent,
      createdBy: actor.userId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'event_document_file',
      entityId: r.id,
      summary: `${input.kind === 'photo' ? 'Foto' : 'Datei'} „${stored.name}“ zur Dokumentation von „${e.title}“ hinzugefügt`,
      after: { sessionId: r.sessionId, kind: r.kind, caption: r.caption, photoConsent: r.photoConsent },
    });
    return r;
  });
  return (await fileDtos(deps.db, actor.networkId, [row]))[0]!;
}

export async function updateDocumentFile(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  id: string,
  input: DocFileUpdate,
): Promise<DocFile> {
  authorize(actor.role, 'events.manage');
  const row = await deps.db.transaction(async (tx) => {
    await visibleEvent(tx, actor, eventId);
    const f = await repo.fileRow(tx, actor.networkId, eventId, id);
    if (!f) throw notFound('Die Datei');
    const values = {
      caption: input.caption ?? f.caption,
      photoConsent: f.kind === 'photo' ? (input.photoConsent ?? f.photoConsent) : false,
    };
    const updated = await repo.updateFile(tx, f.id, values);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event_document_file',
      entityId: f.id,
      summary:
        values.photoConsent !== f.photoConsent
          ? values.photoConsent
            ? 'Einwilligung zum Foto bestätigt'
            : 'Einwilligung zum Foto zurückgenommen'
          : 'Beschriftung der Datei geändert',
      before: { caption: f.caption, photoConsent: f.photoConsent },
      after: values,
    });
    return updated;
  });
  return (await fileDtos(deps.db, actor.networkId, [row]))[0]!;
}

export async function removeDocumentFile(deps: Deps, actor: NetworkActor, eventId: string, id: string) {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    await visibleEvent(tx, actor, eventId);
    const f = await repo.fileRow(tx, actor.networkId, eventId, id);
    if (!f) throw notFound('Die Datei');
    await repo.deleteFileRow(tx, f.id);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'event_document_file',
      entityId: f.id,
      summary: 'Datei aus der Dokumentation entfernt',
      before: { fileId: f.fileId, kind: f.kind, caption: f.caption },
    });
  });
}

/** A file of the documentation for members who see the event. */
export async function openDocumentFile(deps: Deps, actor: NetworkActor, eventId: string, id: string) {
  authorize(actor.role, 'events.read');
  await visibleEvent(deps.db, actor, eventId);
  const f = await repo.fileRow(deps.db, actor.networkId, eventId, id);
  if (!f) throw notFound('Die Datei');
  return openFileById(deps, actor.networkId, f.fileId);
}

/**
 * Publishes the documentation of a public event that has taken place: it appears on the public page,
 * and the event's status becomes "documented" (set here directly: documenting is this part's step).
 */
export async function publishDocumentation(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  publish: boolean,
): Promise<EventDocumentation> {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    if (publish) assertPublishable(e, deps.now());
    const values = publish
      ? { documentationPublishedAt: e.documentationPublishedAt ?? deps.now(), status: 'documented' as const }
      : { documentationPublishedAt: null, status: e.status === 'documented' ? ('held' as const) : e.status };
    await repo.updateEvent(tx, e.id, { ...values, version: e.version + 1, updatedAt: deps.now() });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event',
      entityId: e.id,
      summary: publish
        ? `Dokumentation von „${e.title}“ veröffentlicht`
        : `Veröffentlichung der Dokumentation von „${e.title}“ zurückgenommen`,
      before: { documentationPublishedAt: iso(e.documentationPublishedAt), status: e.status },
      after: { documentationPublishedAt: iso(values.documentationPublishedAt), status: values.status },
    });
  });
  return getDocumentation(deps, actor, eventId);
}

/** The published event of a published network, for the public; anything else is "not found". */
async function publishedEvent(deps: Deps, slug: string, eventId: string) {
  const networkId = await publishedNetworkId(deps, slug);
  const e = await eventRow(deps.db, networkId, eventId);
  if (!e?.public || e.cancelledAt || !e.documentationPublishedAt) throw notFound('Die Dokumentation');
  return { networkId, e, publishedAt: e.documentationPublishedAt };
}

export async function publicDocumentation(
  deps: Deps,
  slug: string,
  eventId: string,
): Promise<PublicDocumentation> {
  const { networkId, e, publishedAt } = await publishedEvent(deps, slug, eventId);
  const [sessions, files, recs] = await Promise.all([
    repo.sessionsOf(deps.db, networkId, eventId),
    repo.filesOf(deps.db, networkId, eventId),
    repo.recommendationsOf(deps.db, networkId, eventId),
  ]);
  const shown = await fileDtos(deps.db, networkId, publicFiles(files));
  return {
    title: e.title,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    venue: e.venue,
    documentation: e.documentation,
    publishedAt: publishedAt.toISOString(),
    sessions: sessions
      .filter((s) => s.kind !== 'break')
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        title: s.title,
        startsAt: s.startsAt.toISOString(),
        documentation: s.documentation,
      })),
    files: shown.map((f) => ({
      id: f.id,
      sessionId: f.sessionId,
      name: f.name,
      kind: f.kind,
      caption: f.caption,
      url: `/api/public/networks/${encodeURIComponent(slug)}/events/${eventId}/documentation/files/${f.id}`,
    })),
    recommendations: recs
      .filter((r) => r.status === 'agreed' || r.status === 'handed')
      .map((r) => ({ title: r.title, text: r.text, status: r.status })),
  };
}

/** A published file or consented photo of a published documentation. */
export async function openPublicDocumentFile(deps: Deps, slug: string, eventId: string, id: string) {
  const { networkId } = await publishedEvent(deps, slug, eventId);
  const f = await repo.fileRow(deps.db, networkId, eventId, id);
  if (!f || publicFiles([f]).length === 0) throw notFound('Die Datei');
  return openFileById(deps, networkId, f.fileId);
}

const kindWords = { plenary: 'Plenum', workshop: 'Workshop', forum: 'Forum', break: 'Pause' } as const;
const recWords = {
  draft: 'Entwurf',
  agreed: 'abgestimmt',
  handed: 'an den Lenkungskreis übergeben',
  withdrawn: 'zurückgezogen',
} as const;

/** The whole documentation as one tagged PDF: the event, each session's results, recommendations, files. */
export async function documentationPdf(deps: Deps, actor: NetworkActor, eventId: string) {
  const d = await getDocumentation(deps, actor, eventId);
  const e = d.event;
  const blocks: DocBlock[] = [
    { type: 'h1', text: `Dokumentation: ${e.title}` },
    { type: 'meta', label: 'Zeit', value: formatTimeRange(new Date(e.startsAt), new Date(e.endsAt)) },
    { type: 'meta', label: 'Ort', value: e.venue || '–' },
  ];
  if (e.documentationPublishedAt)
    blocks.push({
      type: 'meta',
      label: 'Veröffentlicht',
      value: formatDateTime(new Date(e.documentationPublishedAt)),
    });
  blocks.push({ type: 'h2', text: 'Zusammenfassung' });
  blocks.push({ type: 'p', text: e.documentation || 'Noch keine Zusammenfassung.' });
  const sessions = d.sessions.filter((s) => s.kind !== 'break');
  if (sessions.length > 0) blocks.push({ type: 'h2', text: 'Ergebnisse der Programmpunkte' });
  for (const s of sessions) {
    blocks.push({ type: 'h3', text: `${kindWords[s.kind]}: ${s.title}` });
    blocks.push({
      type: 'meta',
      label: 'Zeit',
      value: formatTimeRange(new Date(s.startsAt), new Date(s.endsAt)),
    });
    blocks.push({ type: 'p', text: s.documentation || 'Keine Ergebnisse dokumentiert.' });
  }
  const recs = d.recommendations.filter((r) => r.status !== 'withdrawn');
  blocks.push({ type: 'h2', text: 'Empfehlungen' });
  if (recs.length === 0) blocks.push({ type: 'p', text: 'Keine Empfehlungen.' });
  for (const r of recs) {
    blocks.push({ type: 'h3', text: r.title });
    blocks.push({
      type: 'meta',
      label: 'Stand',
      value: `${recWords[r.status]}${r.meetingTitle ? ` („${r.meetingTitle}“)` : ''}`,
    });
    if (r.text) blocks.push({ type: 'p', text: r.text });
  }
  blocks.push({ type: 'h2', text: 'Dateien und Fotos' });
  blocks.push(
    d.files.length === 0
      ? { type: 'p', text: 'Keine Dateien.' }
      : {
          type: 'list',
          items: d.files.map(
            (f) =>
              `${f.kind === 'photo' ? 'Foto' : 'Datei'}: ${f.name}${f.caption ? ` – ${f.caption}` : ''}${
                f.kind === 'photo'
                  ? f.photoConsent
                    ? ' (Einwilligung liegt vor)'
                    : ' (ohne Einwilligung, nicht veröffentlicht)'
                  : ''
              }`,
          ),
        },
  );
  return { pdf: await renderPdf(`Dokumentation ${e.title}`, blocks, { pageNumbers: true }), title: e.title };
}
