import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import { Desk, WorkCalendarLink, WorkCalendarStatus, WorkExportQuery } from '../../../contracts/work-desk.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { XLSX_TYPE } from '../../lib/spreadsheet.js';
import * as svc from './desk.service.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  410: ErrorBody,
};
const tags = ['Arbeitsprogramm'];

/** The office desk: my orders and tasks, the calendar feed of due dates, and the year's exports. */
export const deskRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const w = '/networks/:networkId/work';
    app.get(
      `${w}/desk`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Mein Schreibtisch: eigene Arbeitsaufträge und Aufgaben, überfällige zuerst',
          params: NetworkParams,
          response: { 200: Desk, ...errors },
        },
      },
      async (req) => svc.deskOf(deps, memberOf(req)),
    );
    app.get(
      `${w}/calendar-link`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Kalender-Abo der eigenen Fälligkeiten: besteht ein Link?',
          params: NetworkParams,
          response: { 200: WorkCalendarStatus, ...errors },
        },
      },
      async (req) => svc.workCalendarStatus(deps, memberOf(req)),
    );
    app.post(
      `${w}/calendar-link`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Kalender-Abo-Link erzeugen oder erneuern (frühere Links gelten sofort nicht mehr)',
          params: NetworkParams,
          response: { 201: WorkCalendarLink, ...errors },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return reply.code(201).send(await svc.renewWorkCalendarLink(deps, memberOf(req)));
      },
    );
    app.delete(
      `${w}/calendar-link`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Kalender-Abo zurückziehen',
          params: NetworkParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await svc.revokeWorkCalendarLink(deps, memberOf(req));
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/work-calendar/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Persönliches Kalender-Abo der Fälligkeiten (iCalendar)',
          params: z.object({ token: z.string().min(20).max(120) }),
          response: errors,
        },
      },
      async (req, reply) => {
        const ics = await svc.workCalendarFeed(deps, req.params.token.replace(/\.ics$/, ''));
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(ics as never);
      },
    );
    app.get(
      `${w}/export.xlsx`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Arbeitsprogramm des Jahres als Excel-Datei (Ziele, Arbeitsplanung, Arbeitsaufträge)',
          params: NetworkParams,
          querystring: WorkExportQuery,
          response: errors,
        },
      },
      async (req, reply) => {
        const file = await svc.workProgrammeWorkbook(deps, memberOf(req), req.query);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachmentDisposition(`Arbeitsprogramm-${req.query.year}.xlsx`))
          .send(file as never);
      },
    );
    app.get(
      `${w}/export.pdf`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Arbeitsprogramm des Jahres oder Stand der Arbeitsaufträge als barrierefreies PDF',
          params: NetworkParams,
          querystring: WorkExportQuery,
          response: errors,
        },
      },
      async (req, reply) => {
        const file = await svc.workProgrammePdf(deps, memberOf(req), req.query);
        const name =
          req.query.kind === 'orders'
            ? `Stand-der-Arbeitsauftraege-${req.query.year}.pdf`
            : `Arbeitsprogramm-${req.query.year}.pdf`;
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentDisposition(name))
          .send(file as never);
      },
    );
  };
