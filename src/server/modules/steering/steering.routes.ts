import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams, PageQuery, pageOf } from '../../../contracts/common.js';
import {
  AgendaItemInput,
  AttendanceInput,
  CancelInput,
  CommitteeMember,
  CorrectionInput,
  Decision,
  DecisionParams,
  DecisionQuery,
  DecisionStatusInput,
  GuestInput,
  InvitationResult,
  ItemParams,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingParams,
  MemberInput,
  MemberParams,
  MinutesExportParams,
  MinutesInput,
  MinutesVersion,
  MoveInput,
  Procedure,
  ProcedureInput,
  ProcedureParams,
  Recipient,
  ReorderInput,
  ReplyInfo,
  ReplyInput,
  ReplyToken,
  Round,
  RoundInput,
  VoteInfo,
  VoteInput,
} from '../../../contracts/steering.js';
import { networkActor } from '../../http/auth-hooks.js';
import { DomainError } from '../../http/errors.js';
import type { Deps } from '../../lib/context.js';
import { keysetPage } from '../../lib/keyset.js';
import { openFileById } from '../files/files.service.js';
import { networkName } from '../networks/networks.service.js';
import { registerWorkbook } from './steering.export.js';
import { calendarFeed, replyInfo, sendInvitations, submitReply } from './steering.invitations.js';
import {
  circulateMinutes,
  correctMinutes,
  exportMinutes,
  generateMinutes,
  listMinutes,
  saveMinutes,
} from './steering.minutes.js';
import { castVote, getProcedure, listProcedures, startProcedure, voteInfo } from './steering.procedures.js';
import * as svc from './steering.service.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const tags = ['Lenkungskreis'];

export const steeringRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    const actor = (req: { params: { networkId: string } } & Parameters<typeof networkActor>[1]) =>
      networkActor(deps, req, req.params.networkId);

    app.get(
      `${n}/committee`,
      {
        schema: {
          tags,
          summary: 'Mitglieder des Lenkungskreises',
          params: NetworkParams,
          response: { 200: z.array(CommitteeMember), ...errors },
        },
      },
      async (req) => svc.listCommitteeMembers(deps, await actor(req)),
    );
    app.post(
      `${n}/committee`,
      {
        schema: {
          tags,
          params: NetworkParams,
          body: MemberInput,
          response: { 201: CommitteeMember, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.createCommitteeMember(deps, await actor(req), req.body)),
    );
    app.put(
      `${n}/committee/:memberId`,
      {
        schema: {
          tags,
          params: MemberParams,
          body: MemberInput,
          response: { 200: CommitteeMember, ...errors },
        },
      },
      async (req) => svc.updateCommitteeMember(deps, await actor(req), req.params.memberId, req.body),
    );

    app.get(
      `${n}/meetings`,
      {
        schema: {
          tags,
          summary: 'Sitzungen, neueste zuerst, seitenweise (limit, after)',
          params: NetworkParams,
          querystring: PageQuery,
          response: { 200: pageOf(Meeting), ...errors },
        },
      },
      async (req) => {
        const a = await actor(req);
        return keysetPage(req.query.limit, (rows) =>
          svc.listMeetings(deps, a, { rows, after: req.query.after }),
        );
      },
    );
    app.post(
      `${n}/meetings`,
      {
        schema: {
          tags,
          summary: 'Sitzung anlegen (Zeiten in Europe/Berlin)',
          params: NetworkParams,
          body: MeetingInput,
          response: { 201: Meeting, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createMeeting(deps, await actor(req), req.body)),
    );
    app.get(
      `${n}/meetings/:meetingId`,
      { schema: { tags, params: MeetingParams, response: { 200: MeetingDetail, ...errors } } },
      async (req) => svc.getMeeting(deps, await actor(req), req.params.meetingId),
    );
    app.put(
      `${n}/meetings/:meetingId`,
      { schema: { tags, params: MeetingParams, body: MeetingInput, response: { 200: Meeting, ...errors } } },
      async (req) => svc.updateMeeting(deps, await actor(req), req.params.meetingId, req.body),
    );
    app.post(
      `${n}/meetings/:meetingId/cancel`,
      { schema: { tags, params: MeetingParams, body: CancelInput, response: { 200: Meeting, ...errors } } },
      async (req) => svc.cancelMeeting(deps, await actor(req), req.params.meetingId, req.body.reason),
    );
    app.post(
      `${n}/meetings/:meetingId/hold`,
      {
        schema: {
          tags,
          summary: 'Sitzung eröffnen',
          params: MeetingParams,
          response: { 200: Meeting, ...errors },
        },
      },
      async (req) => svc.holdMeeting(deps, await actor(req), req.params.meetingId),
    );
    app.post(
      `${n}/meetings/:meetingId/items`,
      {
        schema: {
          tags,
          params: MeetingParams,
          body: AgendaItemInput,
          response: { 201: MeetingDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.addAgendaItem(deps, await actor(req), req.params.meetingId, req.body)),
    );
    app.put(
      `${n}/meetings/:meetingId/items/:itemId`,
      {
        schema: {
          tags,
          params: ItemParams,
          body: AgendaItemInput,
          response: { 200: MeetingDetail, ...errors },
        },
      },
      async (req) =>
        svc.updateAgendaItem(deps, await actor(req), req.params.meetingId, req.params.itemId, req.body),
    );
    app.post(
      `${n}/meetings/:meetingId/order`,
      {
        schema: {
          tags,
          summary: 'Tagesordnung neu ordnen',
          params: MeetingParams,
          body: ReorderInput,
          response: { 200: MeetingDetail, ...errors },
        },
      },
      async (req) => svc.reorderAgenda(deps, await actor(req), req.params.meetingId, req.body.itemIds),
    );
    app.post(
      `${n}/meetings/:meetingId/items/:itemId/move`,
      {
        schema: {
          tags,
          summary: 'In eine spätere Sitzung verschieben',
          params: ItemParams,
          body: MoveInput,
          response: { 200: MeetingDetail, ...errors },
        },
      },
      async (req) =>
        svc.moveAgendaItem(
          deps,
          await actor(req),
          req.params.meetingId,
          req.params.itemId,
          req.body.toMeetingId,
        ),
    );
    app.post(
      `${n}/meetings/:meetingId/items/:itemId/papers`,
      {
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
        const a = await actor(req);
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
        schema: {
          tags,
          summary: 'Vorlage herunterladen',
          params: ItemParams.extend({ paperId: z.uuid(), version: z.coerce.number().int().min(1) }),
          response: errors,
        },
      },
      async (req, reply) => {
        const a = await actor(req);
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
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(stream as never);
      },
    );
    app.post(
      `${n}/meetings/:meetingId/guests`,
      {
        schema: {
          tags,
          summary: 'Gast (beratend) einladen',
          params: MeetingParams,
          body: GuestInput,
          response: { 201: MeetingDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.inviteGuest(deps, await actor(req), req.params.meetingId, req.body)),
    );
    app.put(
      `${n}/meetings/:meetingId/attendance`,
      {
        schema: {
          tags,
          summary: 'Anwesenheit erfassen',
          params: MeetingParams,
          body: AttendanceInput,
          response: { 200: MeetingDetail, ...errors },
        },
      },
      async (req) => svc.recordAttendance(deps, await actor(req), req.params.meetingId, req.body.entries),
    );
    app.get(
      `${n}/meetings/:meetingId/items/:itemId/rounds`,
      { schema: { tags, params: ItemParams, response: { 200: z.array(Round), ...errors } } },
      async (req) => svc.roundsOf(deps, await actor(req), req.params.meetingId, req.params.itemId),
    );
    app.post(
      `${n}/meetings/:meetingId/items/:itemId/rounds`,
      {
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
          .send(
            await svc.recordRound(deps, await actor(req), req.params.meetingId, req.params.itemId, req.body),
          ),
    );
    app.post(
      `${n}/meetings/:meetingId/invitations`,
      {
        schema: {
          tags,
          summary: 'Einladungen (oder Aktualisierung) verschicken',
          params: MeetingParams,
          response: { 200: InvitationResult, ...errors },
        },
      },
      async (req) => sendInvitations(deps, await actor(req), req.params.meetingId),
    );
    app.get(
      `${n}/meetings/:meetingId/recipients`,
      {
        schema: {
          tags,
          summary: 'Eingeladene und ihre Antworten',
          params: MeetingParams,
          response: { 200: z.array(Recipient), ...errors },
        },
      },
      async (req) => svc.listRecipients(deps, await actor(req), req.params.meetingId),
    );
    app.get(
      '/meeting-replies/:token',
      {
        schema: {
          tags: ['Öffentlich'],
          summary: 'Persönliche Einladung',
          params: ReplyToken,
          response: { 200: ReplyInfo, ...errors },
        },
      },
      async (req) => replyInfo(deps, req.params.token),
    );
    app.post(
      '/meeting-replies/:token',
      {
        schema: {
          tags: ['Öffentlich'],
          summary: 'Auf eine Einladung antworten',
          params: ReplyToken,
          body: ReplyInput,
          response: { 200: ReplyInfo, ...errors },
        },
      },
      async (req) => submitReply(deps, req.params.token, req.body.reply),
    );
    app.get(
      '/calendar/:token',
      {
        schema: {
          tags: ['Öffentlich'],
          summary: 'Persönliches Kalenderabo (iCalendar)',
          params: z.object({ token: z.string().min(20).max(120) }),
          response: errors,
        },
      },
      async (req, reply) => {
        const ics = await calendarFeed(deps, req.params.token.replace(/\.ics$/, ''));
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(ics as never);
      },
    );
    app.get(
      `${n}/meetings/:meetingId/minutes`,
      {
        schema: {
          tags,
          summary: 'Niederschrift (alle Fassungen, neueste zuerst)',
          params: MeetingParams,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) => listMinutes(deps, await actor(req), req.params.meetingId),
    );
    app.post(
      `${n}/meetings/:meetingId/minutes/draft`,
      {
        schema: {
          tags,
          summary: 'Entwurf aus der Sitzung erzeugen',
          params: MeetingParams,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) => generateMinutes(deps, await actor(req), req.params.meetingId),
    );
    app.put(
      `${n}/meetings/:meetingId/minutes`,
      {
        schema: {
          tags,
          summary: 'Entwurf bearbeiten (neue Fassung)',
          params: MeetingParams,
          body: MinutesInput,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) => saveMinutes(deps, await actor(req), req.params.meetingId, req.body.body),
    );
    app.post(
      `${n}/meetings/:meetingId/minutes/circulate`,
      {
        schema: {
          tags,
          summary: 'Entwurf in Umlauf geben',
          params: MeetingParams,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) => circulateMinutes(deps, await actor(req), req.params.meetingId),
    );
    app.post(
      `${n}/meetings/:meetingId/minutes/corrections`,
      {
        schema: {
          tags,
          summary: 'Genehmigte Niederschrift berichtigen (neue Fassung mit Grund)',
          params: MeetingParams,
          body: CorrectionInput,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) =>
        correctMinutes(deps, await actor(req), req.params.meetingId, req.body.body, req.body.reason),
    );
    app.get(
      `${n}/meetings/:meetingId/minutes/:version/:format`,
      {
        schema: {
          tags,
          summary: 'Niederschrift als PDF oder Word',
          params: MinutesExportParams,
          response: errors,
        },
      },
      async (req, reply) => {
        const file = await exportMinutes(
          deps,
          await actor(req),
          req.params.meetingId,
          req.params.version,
          req.params.format,
        );
        return reply
          .header(
            'content-type',
            req.params.format === 'pdf'
              ? 'application/pdf'
              : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          )
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.content as never);
      },
    );
    app.get(
      `${n}/procedures`,
      {
        schema: {
          tags,
          summary: 'Umlaufverfahren',
          params: NetworkParams,
          response: { 200: z.array(Procedure), ...errors },
        },
      },
      async (req) => listProcedures(deps, await actor(req)),
    );
    app.post(
      `${n}/procedures`,
      {
        schema: {
          tags,
          summary: 'Umlaufverfahren starten (Frist in Europe/Berlin)',
          params: NetworkParams,
          body: ProcedureInput,
          response: { 201: Procedure, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await startProcedure(deps, await actor(req), req.body)),
    );
    app.get(
      `${n}/procedures/:procedureId`,
      { schema: { tags, params: ProcedureParams, response: { 200: Procedure, ...errors } } },
      async (req) => getProcedure(deps, await actor(req), req.params.procedureId),
    );
    app.get(
      '/procedure-votes/:token',
      {
        schema: {
          tags: ['Öffentlich'],
          summary: 'Persönlicher Link zum Umlaufverfahren',
          params: ReplyToken,
          response: { 200: VoteInfo, ...errors },
        },
      },
      async (req) => voteInfo(deps, req.params.token),
    );
    app.post(
      '/procedure-votes/:token',
      {
        schema: {
          tags: ['Öffentlich'],
          summary: 'Im Umlaufverfahren antworten',
          params: ReplyToken,
          body: VoteInput,
          response: { 200: VoteInfo, ...errors },
        },
      },
      async (req) => castVote(deps, req.params.token, req.body),
    );
    app.get(
      `${n}/decisions/export.xlsx`,
      {
        schema: {
          tags,
          summary: 'Beschlusssammlung als Excel-Datei (mit denselben Filtern)',
          params: NetworkParams,
          querystring: DecisionQuery,
          response: errors,
        },
      },
      async (req, reply) => {
        const a = await actor(req);
        const decisions = await svc.listDecisions(deps, a, req.query);
        const file = await registerWorkbook((await networkName(deps, a.networkId)) ?? '', decisions);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent('Beschlusssammlung.xlsx')}`,
          )
          .send(file as never);
      },
    );
    app.get(
      `${n}/decisions`,
      {
        schema: {
          tags,
          summary: 'Beschlusssammlung, seitenweise (limit, after)',
          params: NetworkParams,
          querystring: DecisionQuery.extend(PageQuery.shape),
          response: { 200: pageOf(Decision), ...errors },
        },
      },
      async (req) => {
        const a = await actor(req);
        const { limit, after, ...filters } = req.query;
        return keysetPage(limit, (rows) => svc.listDecisions(deps, a, filters, { rows, after }));
      },
    );
    app.patch(
      `${n}/decisions/:decisionId`,
      {
        schema: {
          tags,
          summary: 'Umsetzungsstand',
          params: DecisionParams,
          body: DecisionStatusInput,
          response: { 200: Decision, ...errors },
        },
      },
      async (req) => svc.setDecisionStatus(deps, await actor(req), req.params.decisionId, req.body.status),
    );
  };
