import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AudiencePreview,
  CorrectionInput,
  MeetingParams,
  MinutesExportParams,
  MinutesInput,
  MinutesRequest,
  MinutesRequestDecision,
  MinutesRequestInput,
  MinutesRequestParams,
  MinutesVersion,
} from '../../../contracts/steering.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { previewCirculation } from './minutes-circulation.js';
import { errors, tags } from './steering.http.js';
import {
  circulateMinutes,
  correctMinutes,
  decideMinutesRequest,
  exportMinutes,
  generateMinutes,
  listMinutes,
  listMinutesRequests,
  requestMinutesCorrection,
  saveMinutes,
} from './steering.minutes.js';

/**
 * Minutes of a meeting: draft, save, circulate, correct, export.
 */
export const minutesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    const actor = memberOf;

    app.get(
      `${n}/meetings/:meetingId/minutes/circulation-preview`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Vorschau: wer den Entwurf der Niederschrift erhält (sendet nichts)',
          params: MeetingParams,
          response: { 200: AudiencePreview, ...errors },
        },
      },
      async (req) => previewCirculation(deps, actor(req), req.params.meetingId),
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
      async (req) => saveMinutes(deps, actor(req), req.params.meetingId, req.body),
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
      async (req) => correctMinutes(deps, actor(req), req.params.meetingId, req.body),
    );
    app.get(
      `${n}/meetings/:meetingId/minutes/requests`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Korrekturwünsche (das Büro sieht alle, ein Mitglied die eigenen)',
          params: MeetingParams,
          response: { 200: z.array(MinutesRequest), ...errors },
        },
      },
      async (req) => listMinutesRequests(deps, actor(req), req.params.meetingId),
    );
    app.post(
      `${n}/meetings/:meetingId/minutes/requests`,
      {
        config: { access: { permission: 'steering.read' } },
        schema: {
          tags,
          summary: 'Korrekturwunsch zur umlaufenden Niederschrift äußern (Mitglieder)',
          params: MeetingParams,
          body: MinutesRequestInput,
          response: { 200: z.array(MinutesRequest), ...errors },
        },
      },
      async (req) => requestMinutesCorrection(deps, actor(req), req.params.meetingId, req.body),
    );
    app.put(
      `${n}/meetings/:meetingId/minutes/requests/:requestId`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Korrekturwunsch übernehmen oder ablehnen (mit Vermerk)',
          params: MinutesRequestParams,
          body: MinutesRequestDecision,
          response: { 200: z.array(MinutesRequest), ...errors },
        },
      },
      async (req) =>
        decideMinutesRequest(deps, actor(req), req.params.meetingId, req.params.requestId, req.body),
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
  };
