import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
import {
  AnswerInput,
  CalendarSubscription,
  ItemQuestion,
  NoteInput,
  OpenQuestion,
  Preparation,
  PreparationReplyInput,
  PreparationToken,
  PrepItemParams,
  QuestionInput,
  QuestionParams,
  TokenItemParams,
  TokenPaperParams,
} from '../../../contracts/preparation.js';
import { MeetingParams } from '../../../contracts/steering.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition, inlineDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import * as prep from './preparation.service.js';
import { errors, tags } from './steering.http.js';

type FileOf = Awaited<ReturnType<typeof prep.preparationPaper>>;

/** A paper for reading: a PDF opens in the browser's viewer, anything else downloads. */
function sendPaper(reply: FastifyReply, { file, stream }: FileOf) {
  const pdf = file.mimeType === 'application/pdf';
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', pdf ? inlineDisposition(file.name) : attachmentDisposition(file.name))
    .header('cache-control', 'private, no-store')
    .header(
      'content-security-policy',
      // The browsers' PDF viewers (Chromium's plugin, Firefox's pdf.js) do not run in a sandboxed or
      // `default-src 'none'` document; a PDF only needs not to be framed elsewhere. Other types never render.
      pdf ? "frame-ancestors 'self'" : "default-src 'none'; sandbox",
    )
    .send(stream as never);
}

/**
 * The member's meeting page ("Ihre Sitzung"): through the personal link of the invitation without an
 * account, or signed in; and the office's answers to the members' questions.
 */
export const preparationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const pub = ['Öffentlich'];
    const t = '/meeting-pages/:token';
    const byToken = (token: string) => prep.viewerByToken(deps.db, token, deps.now());

    app.get(
      t,
      {
        config: { access: 'public' },
        schema: {
          tags: pub,
          summary: 'Ihre Sitzung: Tagesordnung, Vorlagen, Notizen und Rückfragen (persönlicher Link)',
          params: PreparationToken,
          response: { 200: Preparation, ...errors },
        },
      },
      async (req) => prep.preparationOf(deps, await byToken(req.params.token)),
    );
    app.get(
      `${t}/papers/:paperId/versions/:version`,
      {
        config: { access: 'public' },
        schema: {
          tags: pub,
          summary: 'Vorlage lesen (PDF im Browser)',
          params: TokenPaperParams,
          response: errors,
        },
      },
      async (req, reply) =>
        sendPaper(
          reply,
          await prep.preparationPaper(
            deps,
            await byToken(req.params.token),
            req.params.paperId,
            req.params.version,
          ),
        ),
    );
    app.get(
      `${t}/papers.zip`,
      {
        config: { access: 'public' },
        schema: {
          tags: pub,
          summary: 'Alle Unterlagen als ZIP-Datei',
          params: PreparationToken,
          response: errors,
        },
      },
      async (req, reply) => {
        return sendZip(reply, await prep.preparationZip(deps, await byToken(req.params.token)));
      },
    );
    app.get(
      `${t}/meeting.ics`,
      {
        config: { access: 'public' },
        schema: {
          tags: pub,
          summary: 'Die Sitzung als Kalendereintrag',
          params: PreparationToken,
          response: errors,
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', attachmentDisposition('Sitzung.ics'))
          .send((await prep.preparationIcs(deps, await byToken(req.params.token))) as never),
    );
    app.put(
      `${t}/items/:itemId/note`,
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: pub,
          summary: 'Private Notiz zu einem Tagesordnungspunkt speichern',
          params: TokenItemParams,
          body: NoteInput,
          response: { 200: Preparation, ...errors },
        },
      },
      async (req) => prep.saveNote(deps, await byToken(req.params.token), req.params.itemId, req.body.text),
    );
    app.post(
      `${t}/items/:itemId/questions`,
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: pub,
          summary: 'Rückfrage zu einem Tagesordnungspunkt stellen',
          params: TokenItemParams,
          body: QuestionInput,
          response: { 200: Preparation, ...errors },
        },
      },
      async (req) =>
        prep.askQuestion(deps, await byToken(req.params.token), req.params.itemId, req.body.text, null),
    );
    app.post(
      `${t}/calendar-subscription`,
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: pub,
          summary: 'Kalenderabo einrichten (ersetzt den früheren Link)',
          params: PreparationToken,
          response: { 200: CalendarSubscription, ...errors },
        },
      },
      async (req) => prep.subscribeCalendar(deps, await byToken(req.params.token), null),
    );

    // ---- signed in --------------------------------------------------------------------------------
    const s = '/networks/:networkId/meetings/:meetingId/preparation';
    const read = { access: { permission: 'meetings.read' } } as const;
    const bySession = (req: Parameters<typeof memberOf>[0], meetingId: string) =>
      prep.viewerBySession(deps.db, memberOf(req), meetingId, deps.now());

    app.get(
      s,
      {
        config: read,
        schema: {
          tags,
          summary: 'Ihre Sitzung (angemeldet)',
          params: MeetingParams,
          response: { 200: Preparation, ...errors },
        },
      },
      async (req) => prep.preparationOf(deps, await bySession(req, req.params.meetingId)),
    );
    app.get(
      `${s}/papers/:paperId/versions/:version`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Vorlage lesen (PDF im Browser)',
          params: MeetingParams.extend({ paperId: z.uuid(), version: z.coerce.number().int().min(1) }),
          response: errors,
        },
      },
      async (req, reply) =>
        sendPaper(
          reply,
          await prep.preparationPaper(
            deps,
            await bySession(req, req.params.meetingId),
            req.params.paperId,
            req.params.version,
          ),
        ),
    );
    app.get(
      `${s}/papers.zip`,
      {
        config: read,
        schema: { tags, summary: 'Alle Unterlagen als ZIP-Datei', params: MeetingParams, response: errors },
      },
      async (req, reply) => {
        return sendZip(reply, await prep.preparationZip(deps, await bySession(req, req.params.meetingId)));
      },
    );
    app.get(
      `${s}/meeting.ics`,
      {
        config: read,
        schema: { tags, summary: 'Die Sitzung als Kalendereintrag', params: MeetingParams, response: errors },
      },
      async (req, reply) =>
        reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', attachmentDisposition('Sitzung.ics'))
          .send((await prep.preparationIcs(deps, await bySession(req, req.params.meetingId))) as never),
    );
    app.put(
      `${s}/items/:itemId/note`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Private Notiz zu einem Tagesordnungspunkt speichern',
          params: PrepItemParams,
          body: NoteInput,
          response: { 200: Preparation, ...errors },
        },
      },
      async (req) =>
        prep.saveNote(deps, await bySession(req, req.params.meetingId), req.params.itemId, req.body.text),
    );
    app.post(
      `${s}/items/:itemId/questions`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Rückfrage zu einem Tagesordnungspunkt stellen',
          params: PrepItemParams,
          body: QuestionInput,
          response: { 200: Preparation, ...errors },
        },
      },
      async (req) =>
        prep.askQuestion(
          deps,
          await bySession(req, req.params.meetingId),
          req.params.itemId,
          req.body.text,
          memberOf(req).userId,
        ),
    );
    app.post(
      `${s}/reply`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Auf die Einladung antworten (angemeldet)',
          params: MeetingParams,
          body: PreparationReplyInput,
          response: { 200: Preparation, ...errors },
        },
      },
      async (req) => prep.replyAsViewer(deps, await bySession(req, req.params.meetingId), req.body.reply),
    );
    app.post(
      `${s}/calendar-subscription`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Kalenderabo einrichten (ersetzt den früheren Link)',
          params: MeetingParams,
          response: { 200: CalendarSubscription, ...errors },
        },
      },
      async (req) =>
        prep.subscribeCalendar(deps, await bySession(req, req.params.meetingId), memberOf(req).userId),
    );

    // ---- the office ---------------------------------------------------------------------------------
    app.get(
      '/networks/:networkId/meetings/:meetingId/questions',
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Rückfragen der Mitglieder zu einer Sitzung',
          params: MeetingParams,
          response: { 200: z.array(ItemQuestion), ...errors },
        },
      },
      async (req) => prep.meetingQuestions(deps, memberOf(req), req.params.meetingId),
    );
    app.put(
      '/networks/:networkId/meetings/:meetingId/questions/:questionId/answer',
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Rückfrage beantworten',
          params: QuestionParams,
          body: AnswerInput,
          response: { 200: z.array(ItemQuestion), ...errors },
        },
      },
      async (req) =>
        prep.answerQuestion(
          deps,
          memberOf(req),
          req.params.meetingId,
          req.params.questionId,
          req.body.answer,
        ),
    );
    app.get(
      '/networks/:networkId/open-questions',
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Offene Rückfragen (für die Startseite des Bildungsbüros)',
          params: NetworkParams,
          response: { 200: z.array(OpenQuestion), ...errors },
        },
      },
      async (req) => prep.openQuestions(deps, memberOf(req)),
    );
  };

/** All papers of a meeting as one ZIP download; personal, so never cached on the way. */
function sendZip(reply: FastifyReply, zip: { fileName: string; stream: unknown }) {
  return reply
    .header('content-type', 'application/zip')
    .header('content-disposition', attachmentDisposition(zip.fileName))
    .header('cache-control', 'private, no-store')
    .send(zip.stream as never);
}
