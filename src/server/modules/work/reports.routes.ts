import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import { MeetingParams } from '../../../contracts/steering.js';
import {
  OfficeReportInput,
  OfficeReportProposal,
  OfficeReportResult,
  ProgressReport,
  ReportInput,
  ReportList,
  ReportParams,
  ReportSubjectQuery,
  ReportUpdate,
} from '../../../contracts/work-reports.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import * as svc from './reports.service.js';

const tags = ['Arbeitsprogramm'];
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

/** Progress reports on orders and projects, and the agenda's "Bericht aus dem Bildungsbüro". */
export const reportsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    app.get(
      `${n}/work/reports`,
      {
        config: { access: { permission: 'work.read' } },
        schema: {
          tags,
          summary: 'Sachstandsberichte eines Auftrags oder Projekts',
          params: NetworkParams,
          querystring: ReportSubjectQuery,
          response: { 200: ReportList, ...errors },
        },
      },
      async (req) => svc.listReports(deps, memberOf(req), req.query),
    );
    app.post(
      `${n}/work/reports`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Sachstandsbericht schreiben',
          params: NetworkParams,
          body: ReportInput,
          response: { 201: ProgressReport, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createReport(deps, memberOf(req), req.body)),
    );
    app.put(
      `${n}/work/reports/:reportId`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Entwurf eines Sachstandsberichts ändern',
          params: ReportParams,
          body: ReportUpdate,
          response: { 200: ProgressReport, ...errors },
        },
      },
      async (req) => svc.updateReport(deps, memberOf(req), req.params.reportId, req.body),
    );
    app.get(
      `${n}/meetings/:meetingId/office-report-proposal`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: 'Fällige Berichte für „Bericht aus dem Bildungsbüro“',
          params: MeetingParams,
          response: { 200: OfficeReportProposal, ...errors },
        },
      },
      async (req) => svc.getOfficeReportProposal(deps, memberOf(req), req.params.meetingId),
    );
    app.post(
      `${n}/meetings/:meetingId/office-report`,
      {
        config: { access: { permission: 'work.manage' } },
        schema: {
          tags,
          summary: '„Bericht aus dem Bildungsbüro“ in die Tagesordnung aufnehmen',
          params: MeetingParams,
          body: OfficeReportInput,
          response: { 201: OfficeReportResult, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await svc.addOfficeReport(deps, memberOf(req), req.params.meetingId, req.body)),
    );
  };
