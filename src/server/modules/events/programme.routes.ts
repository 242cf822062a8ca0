import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../contracts/common.js';
import {
  EventParams,
  Programme,
  PublicProgramme,
  PublicProgrammeParams,
  SessionChange,
  SessionInput,
  SessionParams,
  SessionSaved,
  Speaker,
  SpeakerChange,
  SpeakerInput,
  SpeakerParams,
} from '../../../contracts/events-programme.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { programmePdf } from './programme.documents.js';
import * as svc from './programme.service.js';

const tags = ['Veranstaltungen: Programm'];
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const read = { access: { permission: 'events.read' as const } };
const manage = { access: { permission: 'events.manage' as const } };

/** The programme: plenary and parallel sessions in time slots, rooms, capacities, speakers with their status; printable and public timetable. */
export const programmeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const e = '/networks/:networkId/events/:eventId';
    app.get(
      `${e}/sessions`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Programm nach Zeitfenstern (parallele Programmpunkte zusammen)',
          params: EventParams,
          response: { 200: Programme, ...errors },
        },
      },
      async (req) => svc.getProgramme(deps, memberOf(req), req.params.eventId),
    );
    app.post(
      `${e}/sessions`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Programmpunkt anlegen (ein Raum wird zugleich gebucht)',
          params: EventParams,
          body: SessionInput,
          response: { 201: SessionSaved, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.createSession(deps, memberOf(req), req.params.eventId, req.body)),
    );
    app.patch(
      `${e}/sessions/:sessionId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Programmpunkt ändern (mit version)',
          params: SessionParams,
          body: SessionChange,
          response: { 200: SessionSaved, ...errors },
        },
      },
      async (req) =>
        svc.updateSession(deps, memberOf(req), req.params.eventId, req.params.sessionId, req.body),
    );
    app.delete(
      `${e}/sessions/:sessionId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Programmpunkt entfernen (mit seinen Buchungen und Mitwirkenden)',
          params: SessionParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await svc.deleteSession(deps, memberOf(req), req.params.eventId, req.params.sessionId);
        return reply.code(204).send(null);
      },
    );
    app.post(
      `${e}/sessions/:sessionId/speakers`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Referent/in oder Moderation aus dem Adressbuch eintragen',
          params: SessionParams,
          body: SpeakerInput,
          response: { 201: Speaker, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await svc.addSpeaker(deps, memberOf(req), req.params.eventId, req.params.sessionId, req.body),
          ),
    );
    app.patch(
      `${e}/sessions/:sessionId/speakers/:speakerId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Stand der Abstimmung oder Rolle ändern (mit version)',
          params: SpeakerParams,
          body: SpeakerChange,
          response: { 200: Speaker, ...errors },
        },
      },
      async (req) =>
        svc.updateSpeaker(
          deps,
          memberOf(req),
          req.params.eventId,
          req.params.sessionId,
          req.params.speakerId,
          req.body,
        ),
    );
    app.delete(
      `${e}/sessions/:sessionId/speakers/:speakerId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mitwirkung entfernen',
          params: SpeakerParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await svc.removeSpeaker(
          deps,
          memberOf(req),
          req.params.eventId,
          req.params.sessionId,
          req.params.speakerId,
        );
        return reply.code(204).send(null);
      },
    );
    app.get(
      `${e}/programme.pdf`,
      {
        config: read,
        schema: { tags, summary: 'Programm als PDF zum Ausdrucken', params: EventParams, response: errors },
      },
      async (req, reply) => {
        const { pdf, title } = await programmePdf(deps, memberOf(req), req.params.eventId);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentDisposition(`Programm ${title}.pdf`))
          .send(pdf as never);
      },
    );
    app.get(
      '/public/networks/:slug/events/:eventId/programme',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Öffentliches Programm einer öffentlichen Veranstaltung',
          params: PublicProgrammeParams,
          response: { 200: PublicProgramme, 404: ErrorBody },
        },
      },
      async (req) => svc.publicProgramme(deps, req.params.slug, req.params.eventId),
    );
  };
