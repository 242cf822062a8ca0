import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams, PageQuery, pageOf } from '../../../contracts/common.js';
import {
  AttendanceInput,
  AudiencePreview,
  CancelInput,
  InvitationResult,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingParams,
  MeetingSeriesInput,
  Recipient,
} from '../../../contracts/steering.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { keysetPage } from '../../lib/keyset.js';
import { errors, tags } from './steering.http.js';
import { previewInvitations, sendInvitations } from './steering.invitations.js';
import * as svc from './steering.service.js';

/**
 * Meetings: plan, change, cancel, hold; invitations, their recipients and attendance.
 */
export const meetingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    const actor = memberOf;

    app.get(
      `${n}/meetings`,
      {
        config: { access: { permission: 'meetings.read' } },
        schema: {
          tags,
          summary: 'Sitzungen, neueste zuerst, seitenweise (limit, after)',
          params: NetworkParams,
          querystring: PageQuery,
          response: { 200: pageOf(Meeting), ...errors },
        },
      },
      async (req) =>
        keysetPage(req.query.limit, (rows) =>
          svc.listMeetings(deps, actor(req), { rows, after: req.query.after }),
        ),
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
    app.post(
      `${n}/meetings/series`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Mehrere Sitzungen auf einmal planen (alle oder keine; Zeiten in Europe/Berlin)',
          params: NetworkParams,
          body: MeetingSeriesInput,
          response: { 201: z.array(Meeting), ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.createMeetingSeries(deps, actor(req), req.body.meetings)),
    );
    app.get(
      `${n}/meetings/:meetingId`,
      {
        config: { access: { permission: 'meetings.read' } },
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
      `${n}/meetings/:meetingId/invitations/preview`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Vorschau: wer die Einladungen erhält und wer nicht erreichbar ist (sendet nichts)',
          params: MeetingParams,
          response: { 200: AudiencePreview, ...errors },
        },
      },
      async (req) => previewInvitations(deps, actor(req), req.params.meetingId),
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
  };
