import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../contracts/common.js';
import {
  CandidatesQuery,
  DeclineParams,
  DeclineResult,
  EventParams,
  InvitationsOverview,
  Mailing,
  MailingInput,
  MailingPreview,
  PersonCandidate,
} from '../../../contracts/events-invitations.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import * as svc from './invitations.service.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const tags = ['Netzwerk: Veranstaltungen – Einladungen'];
const manage = { access: { permission: 'events.manage' as const } };

/** Invitations: mailings to distribution lists with personal registration links, reminders, queued and restartable, never twice to a person. */
export const invitationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/networks/:networkId/events/:eventId';
    // After a restart, mailings stopped half-way continue (in the background; the app is ready first).
    app.addHook('onReady', async () => {
      void svc
        .resumeMailings(deps)
        .catch((err: unknown) => app.log.error({ err }, 'event mailings: resume failed'));
    });

    app.get(
      `${base}/invitations`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Einladungen: Versände mit Zahlen, Eingeladene mit Antwort, Verteiler, Textvorschlag',
          params: EventParams,
          response: { 200: InvitationsOverview, ...errors },
        },
      },
      async (req) => svc.overview(deps, memberOf(req), req.params.eventId),
    );
    app.get(
      `${base}/invitations/people`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Personen zum Einladen suchen',
          params: EventParams,
          querystring: CandidatesQuery,
          response: { 200: z.array(PersonCandidate), ...errors },
        },
      },
      async (req) => svc.candidates(deps, memberOf(req), req.params.eventId, req.query.q),
    );
    app.post(
      `${base}/mailings/preview`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Vorschau: Empfänger, Ausgelassene mit Grund, Text für die erste Person',
          params: EventParams,
          body: MailingInput,
          response: { 200: MailingPreview, ...errors },
        },
      },
      async (req) => svc.previewMailing(deps, memberOf(req), req.params.eventId, req.body),
    );
    app.get(
      `${base}/mailings`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Versände mit Zahlen (eingeladen, ausgelassen, angemeldet, abgesagt, offen)',
          params: EventParams,
          response: { 200: z.array(Mailing), ...errors },
        },
      },
      async (req) => (await svc.overview(deps, memberOf(req), req.params.eventId)).mailings,
    );
    app.post(
      `${base}/mailings`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Einladungen versenden (nie zweimal an dieselbe Person) oder an Unbeantwortete erinnern',
          params: EventParams,
          body: MailingInput,
          response: { 201: Mailing, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.createMailing(deps, memberOf(req), req.params.eventId, req.body)),
    );
    app.post(
      '/event-invitations/:token/decline',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Einladung absagen („Ich kann nicht teilnehmen“)',
          params: DeclineParams,
          response: { 200: DeclineResult, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody },
        },
      },
      async (req) => svc.declineInvitation(deps, req.params.token),
    );
  };
