import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  ConsentParams,
  EraseInput,
  EraseResult,
  GiveConsentInput,
  PersonParams,
  PersonPrivacy,
  RetentionCaseParams,
  RetentionOverview,
  RetentionRulesInput,
  RetentionRunResult,
  WithdrawalInfo,
  WithdrawalToken,
  WithdrawConsentInput,
} from '../../../contracts/contacts-privacy.js';
import { memberOf } from '../../http/access.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Deps } from '../../lib/context.js';
import { errors as contactErrors, manage, read } from './contacts.http.js';
import { erasePerson } from './erasure.service.js';
import {
  giveConsent,
  personPrivacy,
  withdrawalInfo,
  withdrawConsent,
  withdrawThroughLink,
} from './privacy.service.js';
import { personExportJson, personExportPdf } from './privacy-export.service.js';
import {
  declineArchive,
  deleteDueRecord,
  exportForArchive,
  retentionOverview,
  runRetentionNow,
  saveRetentionRules,
} from './retention.service.js';

/** A personal link that ended answers 410. */
const errors = { ...contactErrors, 410: ErrorBody };

const tags = ['Netzwerk: Datenschutz'];

/** GDPR: consents given and withdrawn, the withdrawal link, access export, erasure, retention and clean-up. */
export const privacyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const person = '/networks/:networkId/contacts/people/:personId';
    app.get(
      `${person}/consents`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Rechtsgrundlage und Einwilligungen einer Person',
          params: PersonParams,
          response: { 200: PersonPrivacy, ...errors },
        },
      },
      async (req) => personPrivacy(deps, memberOf(req), req.params.personId),
    );
    app.post(
      `${person}/consents`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Einwilligung erfassen (was, wann, wie, Fassung des Textes)',
          params: PersonParams,
          body: GiveConsentInput,
          response: { 201: PersonPrivacy, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await giveConsent(deps, memberOf(req), req.params.personId, req.body)),
    );
    app.post(
      `${person}/consents/:consentId/withdraw`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Einwilligung widerrufen (der Eintrag bleibt als Nachweis)',
          params: ConsentParams,
          body: WithdrawConsentInput,
          response: { 200: PersonPrivacy, ...errors },
        },
      },
      async (req) =>
        withdrawConsent(deps, memberOf(req), req.params.personId, req.params.consentId, req.body.via),
    );
    app.get(
      `${person}/export.json`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Auskunft über alle gespeicherten Daten einer Person (JSON)',
          params: PersonParams,
          response: errors,
        },
      },
      async (req, reply) => {
        const data = await personExportJson(deps, memberOf(req), req.params.personId);
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', attachmentDisposition(`Auskunft-${req.params.personId}.json`))
          .send(JSON.stringify(data, null, 2) as never);
      },
    );
    app.get(
      `${person}/export.pdf`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Auskunft über alle gespeicherten Daten einer Person (PDF)',
          params: PersonParams,
          response: errors,
        },
      },
      async (req, reply) => {
        const { pdf, name } = await personExportPdf(deps, memberOf(req), req.params.personId);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentDisposition(`Auskunft ${name}.pdf`))
          .send(pdf as never);
      },
    );
    app.post(
      `${person}/erase`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Person löschen (anonymisieren; Zahlen bleiben erhalten)',
          params: PersonParams,
          body: EraseInput,
          response: { 200: EraseResult, ...errors },
        },
      },
      async (req) => erasePerson(deps, memberOf(req), req.params.personId, req.body.reason),
    );

    const retention = '/networks/:networkId/contacts/retention';
    app.get(
      retention,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Aufbewahrungsfristen und fällige Datensätze',
          params: NetworkParams,
          response: { 200: RetentionOverview, ...errors },
        },
      },
      async (req) => retentionOverview(deps, memberOf(req)),
    );
    app.put(
      `${retention}/rules`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Aufbewahrungsfristen ändern',
          params: NetworkParams,
          body: RetentionRulesInput,
          response: { 200: RetentionOverview, ...errors },
        },
      },
      async (req) => saveRetentionRules(deps, memberOf(req), req.body.rules),
    );
    app.post(
      `${retention}/run`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Fristen jetzt prüfen (sonst alle sechs Stunden)',
          params: NetworkParams,
          response: { 200: RetentionRunResult, ...errors },
        },
      },
      async (req) => runRetentionNow(deps, memberOf(req)),
    );
    app.post(
      `${retention}/archive-export`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Fällige Datensätze für das Archiv exportieren (JSON)',
          params: NetworkParams,
          response: errors,
        },
      },
      async (req, reply) => {
        const data = await exportForArchive(deps, memberOf(req));
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header(
            'content-disposition',
            attachmentDisposition(`Archiv-Angebot-${data.exportedAt.slice(0, 10)}.json`),
          )
          .send(JSON.stringify(data, null, 2) as never);
      },
    );
    app.post(
      `${retention}/cases/:caseId/decline`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Vermerken: das Archiv übernimmt den Datensatz nicht',
          params: RetentionCaseParams,
          response: { 200: RetentionOverview, ...errors },
        },
      },
      async (req) => declineArchive(deps, memberOf(req), req.params.caseId),
    );
    app.post(
      `${retention}/cases/:caseId/delete`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Fälligen Datensatz löschen (nach Export oder Verzicht des Archivs)',
          params: RetentionCaseParams,
          response: { 200: RetentionOverview, ...errors },
        },
      },
      async (req) => deleteDueRecord(deps, memberOf(req), req.params.caseId),
    );

    // The personal link in every list mail: no account, the token is the key.
    app.get(
      '/consent-withdrawals/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Persönlicher Abmeldelink',
          params: WithdrawalToken,
          response: { 200: WithdrawalInfo, ...errors },
        },
      },
      async (req) => withdrawalInfo(deps, req.params.token),
    );
    app.post(
      '/consent-withdrawals/:token',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Keine weiteren E-Mails (Einwilligung widerrufen)',
          params: WithdrawalToken,
          response: { 200: WithdrawalInfo, ...errors },
        },
      },
      async (req) => withdrawThroughLink(deps, req.params.token),
    );
  };
