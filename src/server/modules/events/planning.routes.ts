import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  CancelInput,
  ChecklistTemplate,
  EventDetail,
  EventInput,
  EventParams,
  EventPatch,
  EventSummary,
  EventsQuery,
  OfficeStaff,
  PublicEvent,
  PublicEventList,
  PublicEventParams,
  PublicEventsParams,
  StatusChange,
  TaskInput,
  TaskParams,
  TaskPatch,
  TemplateInput,
  TemplateParams,
} from '../../../contracts/events-planning.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { publicEventsCalendar } from './planning.calendar.js';
import * as svc from './planning.service.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const tags = ['Veranstaltungen: Planung'];
const read = { access: { permission: 'events.read' as const } };
const manage = { access: { permission: 'events.manage' as const } };

/** Events: list, create, edit, status, fields and target groups; the planning checklist and its templates; the public list and calendar feed. */
export const planningRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId/events';
    const e = `${n}/:eventId`;
    app.get(
      n,
      {
        config: read,
        schema: {
          tags,
          summary: 'Veranstaltungen (Filter: Jahr, Art, Stand), die Bildungskonferenz zuerst im Jahr',
          params: NetworkParams,
          querystring: EventsQuery,
          response: { 200: z.array(EventSummary), ...errors },
        },
      },
      async (req) => svc.listEvents(deps, memberOf(req), req.query),
    );
    app.post(
      n,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Veranstaltung anlegen (mit den Planungsschritten der Vorlage ihrer Art)',
          params: NetworkParams,
          body: EventInput,
          response: { 201: EventDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createEvent(deps, memberOf(req), req.body)),
    );
    app.get(
      `${n}/staff`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Das Bildungsbüro: wer organisieren und Schritte übernehmen kann',
          params: NetworkParams,
          response: { 200: z.array(OfficeStaff), ...errors },
        },
      },
      async (req) => svc.listOfficeStaff(deps, memberOf(req)),
    );
    app.get(
      `${n}/checklist-templates/:type`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Planungsvorlage einer Art von Veranstaltung',
          params: TemplateParams,
          response: { 200: ChecklistTemplate, ...errors },
        },
      },
      async (req) => svc.getTemplate(deps, memberOf(req), req.params.type),
    );
    app.put(
      `${n}/checklist-templates/:type`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Eigene Planungsvorlage des Netzwerks für eine Art speichern',
          params: TemplateParams,
          body: TemplateInput,
          response: { 200: ChecklistTemplate, ...errors },
        },
      },
      async (req) => svc.putTemplate(deps, memberOf(req), req.params.type, req.body),
    );
    app.get(
      e,
      {
        config: read,
        schema: {
          tags,
          summary: 'Veranstaltung mit Planungsschritten',
          params: EventParams,
          response: { 200: EventDetail, ...errors },
        },
      },
      async (req) => svc.getEvent(deps, memberOf(req), req.params.eventId),
    );
    app.patch(
      e,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Veranstaltung ändern (mit Version)',
          params: EventParams,
          body: EventPatch,
          response: { 200: EventDetail, ...errors },
        },
      },
      async (req) => svc.updateEvent(deps, memberOf(req), req.params.eventId, req.body),
    );
    app.post(
      `${e}/status`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Stand der Veranstaltung einen Schritt weiter oder zurück',
          params: EventParams,
          body: StatusChange,
          response: { 200: EventDetail, ...errors },
        },
      },
      async (req) => svc.changeStatus(deps, memberOf(req), req.params.eventId, req.body),
    );
    app.post(
      `${e}/cancel`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Veranstaltung absagen',
          params: EventParams,
          body: CancelInput,
          response: { 200: EventDetail, ...errors },
        },
      },
      async (req) => svc.cancelEvent(deps, memberOf(req), req.params.eventId, req.body),
    );
    app.post(
      `${e}/tasks`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Planungsschritt hinzufügen',
          params: EventParams,
          body: TaskInput,
          response: { 201: EventDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.addTask(deps, memberOf(req), req.params.eventId, req.body)),
    );
    app.patch(
      `${e}/tasks/:taskId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Planungsschritt ändern, erledigen oder wieder öffnen',
          params: TaskParams,
          body: TaskPatch,
          response: { 200: EventDetail, ...errors },
        },
      },
      async (req) => svc.updateTask(deps, memberOf(req), req.params.eventId, req.params.taskId, req.body),
    );
    app.delete(
      `${e}/tasks/:taskId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Planungsschritt entfernen',
          params: TaskParams,
          response: { 200: EventDetail, ...errors },
        },
      },
      async (req) => svc.deleteTask(deps, memberOf(req), req.params.eventId, req.params.taskId),
    );

    // Public: the network's public events and their calendar feed.
    const p = '/public/networks/:slug/events';
    app.get(
      p,
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Öffentliche Veranstaltungen eines Netzwerks',
          params: PublicEventsParams,
          response: { 200: PublicEventList, ...errors },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=60');
        return svc.listPublicEvents(deps, req.params.slug);
      },
    );
    app.get(
      '/public/networks/:slug/events.ics',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Kalender der öffentlichen Veranstaltungen (iCalendar)',
          params: PublicEventsParams,
          response: errors,
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send((await publicEventsCalendar(deps, req.params.slug)) as never),
    );
    app.get(
      `${p}/:eventId`,
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Eine öffentliche Veranstaltung',
          params: PublicEventParams,
          response: { 200: PublicEvent, ...errors },
        },
      },
      async (req) => svc.getPublicEvent(deps, req.params.slug, req.params.eventId),
    );
  };
