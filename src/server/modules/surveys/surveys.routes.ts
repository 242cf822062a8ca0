import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  AnswerForm,
  AnswerInput,
  AnswerTokenParams,
  BankInput,
  BankQuestion,
  FieldParams,
  FieldSurveyResults,
  FromBankInput,
  Instrument,
  LinksAnswer,
  LinksInput,
  QuestionInput,
  QuestionMove,
  QuestionParams,
  ResultsQuery,
  SendAnswer,
  SurveyCreate,
  SurveyDetail,
  SurveyParams,
  SurveyResults,
  SurveyStatusChange,
  SurveySummary,
  SurveysQuery,
  SurveyUpdate,
} from '../../../contracts/surveys.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { XLSX_TYPE } from '../../lib/spreadsheet.js';
import * as answerSvc from './answers.service.js';
import * as questionSvc from './questions.service.js';
import { resultsWorkbook } from './surveys.export.js';
import * as svc from './surveys.service.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  410: ErrorBody,
  422: ErrorBody,
};
const tags = ['Befragungen'];
const read = { access: { permission: 'surveys.read' as const } };
const manage = { access: { permission: 'surveys.manage' as const } };

/** Evaluation: surveys and the question bank, anonymous answers by link, results without small cells. */
export const surveysRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId/surveys';
    const one = `${n}/:surveyId`;
    app.get(
      n,
      {
        config: read,
        schema: {
          tags,
          summary: 'Befragungen',
          params: NetworkParams,
          querystring: SurveysQuery,
          response: { 200: z.array(SurveySummary), ...errors },
        },
      },
      async (req) => svc.listSurveys(deps, memberOf(req), req.query),
    );
    app.post(
      n,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Befragung anlegen (auch aus einem Standardinstrument)',
          params: NetworkParams,
          body: SurveyCreate,
          response: { 201: SurveyDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createSurvey(deps, memberOf(req), req.body)),
    );
    app.get(
      `${n}/instruments`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Standardinstrumente',
          params: NetworkParams,
          response: { 200: z.array(Instrument), ...errors },
        },
      },
      async (req) => svc.listInstruments(memberOf(req)),
    );
    app.get(
      `${n}/bank`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Fragensammlung',
          params: NetworkParams,
          response: { 200: z.array(BankQuestion), ...errors },
        },
      },
      async (req) => questionSvc.listBank(deps, memberOf(req)),
    );
    app.get(
      `${n}/fields/:fieldId`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Befragungsergebnisse eines Handlungsfelds (Qualitätszyklus)',
          params: FieldParams,
          response: { 200: FieldSurveyResults, ...errors },
        },
      },
      async (req) => answerSvc.fieldSurveyResults(deps, memberOf(req), req.params.fieldId),
    );
    app.get(
      one,
      { config: read, schema: { tags, params: SurveyParams, response: { 200: SurveyDetail, ...errors } } },
      async (req) => svc.getSurvey(deps, memberOf(req), req.params.surveyId),
    );
    app.patch(
      one,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Titel und Einleitung ändern',
          params: SurveyParams,
          body: SurveyUpdate,
          response: { 200: SurveyDetail, ...errors },
        },
      },
      async (req) => svc.updateSurvey(deps, memberOf(req), req.params.surveyId, req.body),
    );
    app.post(
      `${one}/status`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Öffnen oder schließen',
          params: SurveyParams,
          body: SurveyStatusChange,
          response: { 200: SurveyDetail, ...errors },
        },
      },
      async (req) => svc.changeStatus(deps, memberOf(req), req.params.surveyId, req.body),
    );
    app.post(
      `${one}/questions`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Frage hinzufügen',
          params: SurveyParams,
          body: QuestionInput,
          response: { 201: SurveyDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await questionSvc.addQuestion(deps, memberOf(req), req.params.surveyId, req.body)),
    );
    app.post(
      `${one}/questions/from-bank`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Frage aus der Fragensammlung hinzufügen',
          params: SurveyParams,
          body: FromBankInput,
          response: { 201: SurveyDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await questionSvc.addFromBank(deps, memberOf(req), req.params.surveyId, req.body.bankQuestionId),
          ),
    );
    app.patch(
      `${one}/questions/:questionId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Frage ändern',
          params: QuestionParams,
          body: QuestionInput,
          response: { 200: SurveyDetail, ...errors },
        },
      },
      async (req) =>
        questionSvc.editQuestion(deps, memberOf(req), req.params.surveyId, req.params.questionId, req.body),
    );
    app.post(
      `${one}/questions/:questionId/move`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Frage verschieben',
          params: QuestionParams,
          body: QuestionMove,
          response: { 200: SurveyDetail, ...errors },
        },
      },
      async (req) =>
        questionSvc.moveQuestion(
          deps,
          memberOf(req),
          req.params.surveyId,
          req.params.questionId,
          req.body.direction,
        ),
    );
    app.delete(
      `${one}/questions/:questionId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Frage entfernen',
          params: QuestionParams,
          response: { 200: SurveyDetail, ...errors },
        },
      },
      async (req) =>
        questionSvc.removeQuestion(deps, memberOf(req), req.params.surveyId, req.params.questionId),
    );
    app.post(
      `${one}/bank`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Frage in die Fragensammlung übernehmen',
          params: SurveyParams,
          body: BankInput,
          response: { 201: BankQuestion, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await questionSvc.saveToBank(deps, memberOf(req), req.params.surveyId, req.body)),
    );
    app.post(
      `${one}/links`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Anonyme Antwortlinks erzeugen (nur einmal angezeigt)',
          params: SurveyParams,
          body: LinksInput,
          response: { 201: LinksAnswer, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await answerSvc.mintLinks(deps, memberOf(req), req.params.surveyId, req.body)),
    );
    app.post(
      `${one}/send`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Link an die Teilnehmenden der Veranstaltung senden',
          params: SurveyParams,
          response: { 200: SendAnswer, ...errors },
        },
      },
      async (req) => answerSvc.sendToParticipants(deps, memberOf(req), req.params.surveyId),
    );
    app.get(
      `${one}/results`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Ergebnisse (keine Aufschlüsselung unter 5 Antworten)',
          params: SurveyParams,
          querystring: ResultsQuery,
          response: { 200: SurveyResults, ...errors },
        },
      },
      async (req) => answerSvc.surveyResults(deps, memberOf(req), req.params.surveyId, req.query.group),
    );
    app.get(
      `${one}/results.xlsx`,
      {
        config: read,
        schema: { tags, summary: 'Ergebnisse als Excel-Datei', params: SurveyParams, response: errors },
      },
      async (req, reply) => {
        const { results, questions, raw } = await answerSvc.exportRows(
          deps,
          memberOf(req),
          req.params.surveyId,
        );
        const file = await resultsWorkbook(results, questions, raw);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachmentDisposition('Befragung-Ergebnisse.xlsx'))
          .send(file as never);
      },
    );

    // The anonymous answer link: no account, the token is the key, used once.
    app.get(
      '/survey-answers/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Befragung zum Antwortlink',
          params: AnswerTokenParams,
          response: { 200: AnswerForm, ...errors },
        },
      },
      async (req) => answerSvc.answerForm(deps, req.params.token),
    );
    app.post(
      '/survey-answers/:token',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Anonym antworten (einmal je Link)',
          params: AnswerTokenParams,
          body: AnswerInput,
          response: { 200: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      async (req) => answerSvc.submitAnswer(deps, req.params.token, req.body),
    );
  };
