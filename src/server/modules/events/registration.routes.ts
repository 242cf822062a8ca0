import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  InvitationView,
  MyRegistration,
  RegistrationChange,
  RegistrationFilter,
  RegistrationForm,
  RegistrationInput,
  RegistrationList,
  RegistrationResult,
} from '../../../contracts/events-registration.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import {
  answerOffer,
  cancelMyRegistration,
  changeMyRegistration,
  myRegistration,
} from './my-registration.service.js';
import {
  invitationView,
  registerByInvitation,
  registerPublic,
  registrationForm,
} from './registration.service.js';
import { addRegistration, cancelRegistration, listRegistrations } from './registration-office.service.js';

const errors = {
  400: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  410: ErrorBody,
  422: ErrorBody,
};
const open = ['Öffentlich'];
const tags = ['Veranstaltungen: Anmeldungen'];
const EventParams = NetworkParams.extend({ eventId: z.uuid({ error: 'Unbekannte Veranstaltung.' }) });
const RegistrationParams = EventParams.extend({ registrationId: z.uuid({ error: 'Unbekannte Anmeldung.' }) });
const PublicEventParams = z.object({
  slug: z.string().min(1).max(100),
  eventId: z.uuid({ error: 'Unbekannte Veranstaltung.' }),
});
const Token = z.object({ token: z.string().min(20).max(120) });
const read = { access: { permission: 'events.manage' as const } };

/** Registration: the public and the personal form, capacity and waiting lists with offers, change and cancel by personal link. */
export const registrationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // ——— public ———
    app.get(
      '/public/networks/:slug/events/:eventId/registration',
      {
        config: { access: 'public' },
        schema: {
          tags: open,
          summary: 'Anmeldeformular einer öffentlichen Veranstaltung',
          params: PublicEventParams,
          response: { 200: RegistrationForm, ...errors },
        },
      },
      async (req) => registrationForm(deps, req.params.slug, req.params.eventId),
    );
    app.post(
      '/public/networks/:slug/events/:eventId/registrations',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: open,
          summary: 'Zu einer öffentlichen Veranstaltung anmelden',
          params: PublicEventParams,
          body: RegistrationInput,
          response: { 201: RegistrationResult, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await registerPublic(deps, req.params.slug, req.params.eventId, req.body)),
    );

    // ——— the personal registration link ———
    app.get(
      '/event-registrations/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: open,
          summary: 'Persönliche Anmeldeseite',
          params: Token,
          response: { 200: MyRegistration, ...errors },
        },
      },
      async (req) => myRegistration(deps, req.params.token),
    );
    app.patch(
      '/event-registrations/:token',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: open,
          summary: 'Programmwahl und Angaben ändern',
          params: Token,
          body: RegistrationChange,
          response: { 200: MyRegistration, ...errors },
        },
      },
      async (req) => changeMyRegistration(deps, req.params.token, req.body),
    );
    for (const [action, summary] of [
      ['cancel', 'Von der Veranstaltung abmelden'],
      ['accept', 'Angebotenen Platz annehmen'],
      ['decline', 'Angebotenen Platz ablehnen'],
    ] as const)
      app.post(
        `/event-registrations/:token/${action}`,
        {
          config: { access: 'public', rateLimit: true },
          schema: { tags: open, summary, params: Token, response: { 200: MyRegistration, ...errors } },
        },
        async (req) =>
          action === 'cancel'
            ? cancelMyRegistration(deps, req.params.token)
            : answerOffer(deps, req.params.token, action === 'accept'),
      );

    // ——— the invitation link ———
    app.get(
      '/event-invitations/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: open,
          summary: 'Persönliche Einladung zu einer Veranstaltung',
          params: Token,
          response: { 200: InvitationView, ...errors },
        },
      },
      async (req) => invitationView(deps, req.params.token),
    );
    app.post(
      '/event-invitations/:token/register',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: open,
          summary: 'Über die Einladung anmelden',
          params: Token,
          body: RegistrationInput,
          response: { 201: RegistrationResult, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await registerByInvitation(deps, req.params.token, req.body)),
    );

    // ——— the office ———
    app.get(
      '/networks/:networkId/events/:eventId/registrations',
      {
        config: read,
        schema: {
          tags,
          summary: 'Anmeldungen, Plätze und Wartelisten',
          params: EventParams,
          querystring: RegistrationFilter,
          response: { 200: RegistrationList, ...errors },
        },
      },
      async (req) => listRegistrations(deps, memberOf(req), req.params.eventId, req.query),
    );
    app.post(
      '/networks/:networkId/events/:eventId/registrations',
      {
        config: read,
        schema: {
          tags,
          summary: 'Anmeldung von Hand erfassen',
          params: EventParams,
          body: RegistrationInput,
          response: { 201: RegistrationResult, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await addRegistration(deps, memberOf(req), req.params.eventId, req.body)),
    );
    app.post(
      '/networks/:networkId/events/:eventId/registrations/:registrationId/cancel',
      {
        config: read,
        schema: {
          tags,
          summary: 'Anmeldung stornieren (der Platz geht an die Warteliste)',
          params: RegistrationParams,
          response: { 200: RegistrationList, ...errors },
        },
      },
      async (req) => cancelRegistration(deps, memberOf(req), req.params.eventId, req.params.registrationId),
    );
  };
