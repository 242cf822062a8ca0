import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
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
import { memberOf } from '../../http/access.js';
import { DomainError } from '../../http/errors.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
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
  410: ErrorBody,
  422: ErrorBody,
};
const tags = ['Lenkungskreis'];

export const steeringRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    const actor = memberOf;

    app.get(
      `${n}/committee`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Mitglieder des Lenkungskreises',
          params: NetworkParams,
          response: { 200: z.array(CommitteeMember), ...errors },
        },
      },
      async (req) => svc.listCommitteeMembers(deps, actor(req)),
    );
    app.post(
      `${n}/committee`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          params: NetworkParams,
          body: MemberInput,
          response: { 201: CommitteeMember, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createCommitteeMember(deps, actor(req), req.body)),
    );
    app.put(
      `${n}/committee/:memberId`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          params: MemberParams,
          body: MemberInput,
          response: { 200: CommitteeMember, ...errors },
        },
      },
      async (req) => svc.updateCommitteeMember(deps, actor(req), req.params.memberId, req.body),
    );

    app.get(
      `${n}/meetings`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Sitzungen',
          params: NetworkParams,
          response: { 200: z.array(Meeting), ...errors },
        },
      },
      async (req) => svc.listMeetings(deps, actor(req)),
    );
    app.post(
      `${n}/meetings`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Sitzung anlegen (Zeiten in Europe/Berlin)',
          params: NetworkParams,
          body: MeetingInput,
          response: { 201: Meeting, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createMeeting(deps, actor(req), req.body)),
    );
    app.get(
      `${n}/meetings/:meetingId`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: { tags, params: MeetingParams, response: { 200: MeetingDetail, ...errors } },
      },
      async (req) => svc.getMeeting(deps, actor(req), req.params.meetingId),
    );
    app.put(
      `${n}/meetings/:meetingId`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: { tags, params: MeetingParams, body: MeetingInput, response: { 200: Meeting, ...errors } },
      },
      async (req) => svc.updateMeeting(deps, actor(req), req.params.meetingId, req.body),
    );
    app.post(
      `${n}/meetings/:meetingId/cancel`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: { tags, params: MeetingParams, body: CancelInput, response: { 200: Meeting, ...errors } },
      },
      async (req) => svc.cancelMeeting(deps, actor(req), req.params.meetingId, req.body.reason),
    );
    app.post(
      `${n}/meetings/:meetingId/hold`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Sitzung eröffnen',
          params: MeetingParams,
          response: { 200: Meeting, ...errors },
        },
      },
      async (req) => svc.holdMeeting(deps, actor(req), req.params.meetingId),
    );
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
        config: { access: { permission: 'steering.read' } },
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
    app.put(
      `${n}/meetings/:meetingId/attendance`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Anwesenheit erfassen',
          params: MeetingParams,
          body: AttendanceInput,
          response: { 200: MeetingDetail, ...errors },
        },
      },
      async (req) => svc.recordAttendance(deps, actor(req), req.params.meetingId, req.body.entries),
    );
    app.get(
      `${n}/meetings/:meetingId/items/:itemId/rounds`,
      {
        config: { access: { permission: 'steering.read' } },
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
    app.post(
      `${n}/meetings/:meetingId/invitations`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Einladungen (oder Aktualisierung) verschicken',
          params: MeetingParams,
          response: { 200: InvitationResult, ...errors },
        },
      },
      async (req) => sendInvitations(deps, actor(req), req.params.meetingId),
    );
    app.get(
      `${n}/meetings/:meetingId/recipients`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Eingeladene und ihre Antworten',
          params: MeetingParams,
          response: { 200: z.array(Recipient), ...errors },
        },
      },
      async (req) => svc.listRecipients(deps, actor(req), req.params.meetingId),
    );
    app.get(
      '/meeting-replies/:token',
      {
        config: { access: 'public' },
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
        config: { access: 'public', rateLimit: true },
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
        config: { access: 'public' },
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
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Niederschrift (alle Fassungen, neueste zuerst)',
          params: MeetingParams,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) => listMinutes(deps, actor(req), req.params.meetingId),
    );
    app.post(
      `${n}/meetings/:meetingId/minutes/draft`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Entwurf aus der Sitzung erzeugen',
          params: MeetingParams,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) => generateMinutes(deps, actor(req), req.params.meetingId),
    );
    app.put(
      `${n}/meetings/:meetingId/minutes`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Entwurf bearbeiten (neue Fassung)',
          params: MeetingParams,
          body: MinutesInput,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) => saveMinutes(deps, actor(req), req.params.meetingId, req.body.body),
    );
    app.post(
      `${n}/meetings/:meetingId/minutes/circulate`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Entwurf in Umlauf geben',
          params: MeetingParams,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) => circulateMinutes(deps, actor(req), req.params.meetingId),
    );
    app.post(
      `${n}/meetings/:meetingId/minutes/corrections`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Genehmigte Niederschrift berichtigen (neue Fassung mit Grund)',
          params: MeetingParams,
          body: CorrectionInput,
          response: { 200: z.array(MinutesVersion), ...errors },
        },
      },
      async (req) => correctMinutes(deps, actor(req), req.params.meetingId, req.body.body, req.body.reason),
    );
    app.get(
      `${n}/meetings/:meetingId/minutes/:version/:format`,
      {
        config: { access: { permission: 'steering.read' } },
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
          actor(req),
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
          .header('content-disposition', attachmentDisposition(file.name))
          .send(file.content as never);
      },
    );
    app.get(
      `${n}/procedures`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Umlaufverfahren',
          params: NetworkParams,
          response: { 200: z.array(Procedure), ...errors },
        },
      },
      async (req) => listProcedures(deps, actor(req)),
    );
    app.post(
      `${n}/procedures`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Umlaufverfahren starten (Frist in Europe/Berlin)',
          params: NetworkParams,
          body: ProcedureInput,
          response: { 201: Procedure, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await startProcedure(deps, actor(req), req.body)),
    );
    app.get(
      `${n}/procedures/:procedureId`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: { tags, params: ProcedureParams, response: { 200: Procedure, ...errors } },
      },
      async (req) => getProcedure(deps, actor(req), req.params.procedureId),
    );
    app.get(
      '/procedure-votes/:token',
      {
        config: { access: 'public' },
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
        config: { access: 'public', rateLimit: true },
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
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Beschlusssammlung als Excel-Datei (mit denselben Filtern)',
          params: NetworkParams,
          querystring: DecisionQuery,
          response: errors,
        },
      },
      async (req, reply) => {
        const a = actor(req);
        const decisions = await svc.listDecisions(deps, a, req.query);
        const file = await registerWorkbook((await networkName(deps, a.networkId)) ?? '', decisions);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachmentDisposition('Beschlusssammlung.xlsx'))
          .send(file as never);
      },
    );
    app.get(
      `${n}/decisions`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Beschlusssammlung',
          params: NetworkParams,
          querystring: DecisionQuery,
          response: { 200: z.array(Decision), ...errors },
        },
      },
      async (req) => svc.listDecisions(deps, actor(req), req.query),
    );
    app.patch(
      `${n}/decisions/:decisionId`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Umsetzungsstand',
          params: DecisionParams,
          body: DecisionStatusInput,
          response: { 200: Decision, ...errors },
        },
      },
      async (req) => svc.setDecisionStatus(deps, actor(req), req.params.decisionId, req.body.status),
    );
  };
