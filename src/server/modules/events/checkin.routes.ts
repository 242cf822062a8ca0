import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../contracts/common.js';
import {
  AnonymiseResult,
  AttendanceInput,
  AttendanceListQuery,
  AttendanceResult,
  CheckinCodeInput,
  CheckinEntry,
  CheckinOverview,
  CheckinParams,
  CheckinQuery,
  CheckinRegistrationParams,
  CheckinSessionParams,
  WalkInInput,
  WalkInResult,
} from '../../../contracts/events-checkin.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition, inlineDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { XLSX_TYPE } from '../../lib/spreadsheet.js';
import { attendancePdf, badgesPdf } from './attendance.documents.js';
import * as svc from './checkin.service.js';
import { eventWorkbook, exportKinds } from './events.export.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  410: ErrorBody,
  422: ErrorBody,
};
const tags = ['Veranstaltungen'];
const manage = { access: { permission: 'events.manage' as const } };

/** A file name without characters file systems refuse. */
const fileName = (s: string) => s.replace(/[\\/:*?"<>|]+/g, ' ').trim();

/** On the day: check-in by search or code, walk-ins, attendance per session, attendance list and badges as PDF; exports to Excel. */
export const checkinRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const e = '/networks/:networkId/events/:eventId';

    app.get(
      `${e}/checkin`,
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Einlass: bestätigte Anmeldungen (Suche nach Name oder Einrichtung), Zähler, Programmpunkte',
          params: CheckinParams,
          querystring: CheckinQuery,
          response: { 200: CheckinOverview, ...errors },
        },
      },
      async (req) => svc.checkinOverview(deps, memberOf(req), req.params.eventId, req.query.q),
    );

    app.post(
      `${e}/checkin/code`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Einlass mit dem QR-Code der persönlichen Anmeldeseite (Adresse oder Code)',
          params: CheckinParams,
          body: CheckinCodeInput,
          response: { 200: CheckinEntry, ...errors },
        },
      },
      async (req) => svc.checkInByCode(deps, memberOf(req), req.params.eventId, req.body.code),
    );

    app.post(
      `${e}/checkin/:registrationId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Eine Person einlassen (ein zweites Mal: 409)',
          params: CheckinRegistrationParams,
          response: { 200: CheckinEntry, ...errors },
        },
      },
      async (req) => svc.checkIn(deps, memberOf(req), req.params.eventId, req.params.registrationId),
    );

    app.delete(
      `${e}/checkin/:registrationId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Einlass zurücknehmen',
          params: CheckinRegistrationParams,
          response: { 200: CheckinEntry, ...errors },
        },
      },
      async (req) => svc.undoCheckIn(deps, memberOf(req), req.params.eventId, req.params.registrationId),
    );

    app.post(
      `${e}/walk-ins`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Person ohne Anmeldung einlassen (Plätze werden nicht erzwungen, nur gewarnt)',
          params: CheckinParams,
          body: WalkInInput,
          response: { 201: WalkInResult, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.addWalkIn(deps, memberOf(req), req.params.eventId, req.body)),
    );

    app.post(
      `${e}/sessions/:sessionId/attendance`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Teilnahme an einem Programmpunkt markieren oder zurücknehmen',
          params: CheckinSessionParams,
          body: AttendanceInput,
          response: { 200: AttendanceResult, ...errors },
        },
      },
      async (req) =>
        svc.setSessionAttendance(deps, memberOf(req), req.params.eventId, req.params.sessionId, req.body),
    );

    app.get(
      `${e}/attendance.pdf`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Teilnahmeliste mit Unterschriftenspalte (PDF), je Programmpunkt ein Abschnitt',
          params: CheckinParams,
          querystring: AttendanceListQuery,
          response: errors,
        },
      },
      async (req, reply) => {
        const data = await svc.dayData(deps, memberOf(req), req.params.eventId);
        const pdf = await attendancePdf(data, req.query.session);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            inlineDisposition(fileName(`Teilnahmeliste ${data.event.title}.pdf`)),
          )
          .send(pdf as never);
      },
    );

    app.get(
      `${e}/badges.pdf`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Namensschilder (PDF, acht je A4-Seite)',
          params: CheckinParams,
          response: errors,
        },
      },
      async (req, reply) => {
        const data = await svc.dayData(deps, memberOf(req), req.params.eventId);
        const pdf = await badgesPdf(data);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            inlineDisposition(fileName(`Namensschilder ${data.event.title}.pdf`)),
          )
          .send(pdf as never);
      },
    );

    app.get(
      `${e}/exports/:kind`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Listen als Excel-Datei: participants.xlsx, sessions.xlsx, waiting-lists.xlsx',
          params: CheckinParams.extend({
            kind: z.enum(['participants.xlsx', 'sessions.xlsx', 'waiting-lists.xlsx'], {
              error: 'Unbekannte Liste.',
            }),
          }),
          response: errors,
        },
      },
      async (req, reply) => {
        const kind = req.params.kind.replace(/\.xlsx$/, '') as keyof typeof exportKinds;
        const data = await svc.dayData(deps, memberOf(req), req.params.eventId);
        const file = await eventWorkbook(data, kind);
        return reply
          .header('content-type', XLSX_TYPE)
          .header(
            'content-disposition',
            attachmentDisposition(fileName(`${exportKinds[kind].file} ${data.event.title}.xlsx`)),
          )
          .send(file as never);
      },
    );

    app.post(
      `${e}/anonymise`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Personenbezogene Daten nach Ablauf der Aufbewahrungsfrist anonymisieren (Zahlen bleiben)',
          params: CheckinParams,
          response: { 200: AnonymiseResult, ...errors },
        },
      },
      async (req) => svc.anonymiseEvent(deps, memberOf(req), req.params.eventId),
    );
  };
