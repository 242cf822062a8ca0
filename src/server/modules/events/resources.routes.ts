import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  Booking,
  BookingCreated,
  BookingInput,
  BookingParams,
  EventParams,
  Resource,
  ResourceChange,
  ResourceInput,
  ResourceParams,
  ResourcesQuery,
} from '../../../contracts/events-programme.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import * as svc from './resources.service.js';

const tags = ['Veranstaltungen: Räume & Technik'];
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

/** Räume & Technik: rooms and media, their bookings per event or session; double bookings refused, naming the other booking. */
export const resourcesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId/events';
    app.get(
      `${n}/resources`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Räume und Technik mit ihren nächsten Buchungen',
          params: NetworkParams,
          querystring: ResourcesQuery,
          response: { 200: z.array(Resource), ...errors },
        },
      },
      async (req) => svc.listResources(deps, memberOf(req), req.query),
    );
    app.post(
      `${n}/resources`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Raum oder Technik anlegen',
          params: NetworkParams,
          body: ResourceInput,
          response: { 201: Resource, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createResource(deps, memberOf(req), req.body)),
    );
    app.patch(
      `${n}/resources/:resourceId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Raum oder Technik ändern oder archivieren (mit version)',
          params: ResourceParams,
          body: ResourceChange,
          response: { 200: Resource, ...errors },
        },
      },
      async (req) => svc.updateResource(deps, memberOf(req), req.params.resourceId, req.body),
    );
    app.get(
      `${n}/:eventId/bookings`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Buchungen von Räumen und Technik für die Veranstaltung',
          params: EventParams,
          response: { 200: z.array(Booking), ...errors },
        },
      },
      async (req) => svc.listBookings(deps, memberOf(req), req.params.eventId),
    );
    app.post(
      `${n}/:eventId/bookings`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Raum oder Technik buchen (Doppelbuchung: 409 mit der anderen Buchung)',
          params: EventParams,
          body: BookingInput,
          response: { 201: BookingCreated, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.createBooking(deps, memberOf(req), req.params.eventId, req.body)),
    );
    app.delete(
      `${n}/:eventId/bookings/:bookingId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Buchung aufheben',
          params: BookingParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await svc.deleteBooking(deps, memberOf(req), req.params.eventId, req.params.bookingId);
        return reply.code(204).send(null);
      },
    );
  };
