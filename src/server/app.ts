import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { registerAccess } from './http/access.js';
import { sendAuthError } from './http/auth-errors.js';
import { authHeaders, registerCsrfCheck, registerSessionHook } from './http/auth-hooks.js';
import { frameworkErrors, registerErrorHandler, sendError } from './http/error-handler.js';
import { registerInputGuard } from './http/input-guard.js';
import { openapiTransform, sessionScheme } from './http/openapi.js';
import { registerRateLimit } from './http/rate-limit.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import type { Deps } from './lib/context.js';
import { logRedaction } from './lib/redact.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createAuth } from './modules/auth/auth.js';
import { contactsRoutes } from './modules/contacts/contacts.routes.js';
import { startRetentionJobs } from './modules/contacts/retention.service.js';
import { contractRoutes } from './modules/contract/contract.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { eventsRoutes } from './modules/events/events.routes.js';
import { startEventRetentionJob } from './modules/events/events.service.js';
import { registerEventTraceKinds } from './modules/events/events.trace.js';
import { startRegistrationJobs } from './modules/events/registration-office.service.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { adoptDirectoryFiles, openFileStorage } from './modules/files/files.storage.js';
import { mailRoutes } from './modules/mail/mail.routes.js';
import { sendWithUnstoredLink } from './modules/mail/mail.service.js';
import { smtpTransport } from './modules/mail/mail.transport.js';
import { type MailWorker, startMailWorker } from './modules/mail/mail.worker.js';
import { networksRoutes } from './modules/networks/networks.routes.js';
import { publicsiteRoutes } from './modules/publicsite/publicsite.routes.js';
import { steeringLinkRoutes } from './modules/steering/steering.links.routes.js';
import { startProcedureJobs } from './modules/steering/steering.procedures.js';
import { steeringRoutes } from './modules/steering/steering.routes.js';
import { registerSteeringTraceKinds } from './modules/steering/steering.trace.js';
import { structureRoutes } from './modules/structure/structure.routes.js';
import { surveysRoutes } from './modules/surveys/surveys.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { sessionSecret } from './modules/system/system.service.js';
import { traceRoutes } from './modules/trace/trace.routes.js';
import { startWorkReminderJobs } from './modules/work/desk.service.js';
import { openWorkOrders } from './modules/work/orders.service.js';
import { workRoutes } from './modules/work/work.routes.js';
import { registerWorkTraceKinds } from './modules/work/work.trace.js';

// Validation messages a person reads are German.
z.config(z.locales.de());

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    mailWorker: MailWorker | null;
  }
}

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/**
 * JSON lines for a log collector; in a terminal the same records as readable lines. pino-pretty runs
 * as a synchronous stream in this process: a transport would start a worker thread and its memory.
 */
async function loggerOptions(config: Config, stream?: NodeJS.WritableStream) {
  if (stream) return { level: config.logLevel, stream };
  if (config.logFormat === 'json') return { level: config.logLevel };
  const { default: pretty } = await import('pino-pretty');
  return {
    level: config.logLevel,
    stream: pretty({
      sync: true,
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      singleLine: true,
    }),
  };
}

/**
 * Files under /assets carry a content hash in their name, so a browser may keep them for good; the
 * page itself must be revalidated, or a new release would keep loading the old chunks.
 */
export function cacheControlFor(file: string): string {
  return file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'db') });
}

/**
 * Builds the whole application as one Fastify instance: used by the server and by every test alike.
 * Pass `database` to run on a prepared database (tests); otherwise the configured one is opened and
 * migrated, and closed with the app.
 */
export async function buildApp(
  config: Config,
  overrides: {
    database?: Database;
    now?: () => Date;
    logger?: boolean;
    /** Where the log goes (tests read it); standard output otherwise. */
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<FastifyInstance> {
  const database = overrides.database ?? (await openConfiguredDatabase(config));
  await database.migrate();
  const secret = await sessionSecret(database.db, config.sessionSecret);
  // Password reset mails go out at once, outside the outbox worker (their link is never stored).
  const resetTransport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : null;
  const deps: Deps = {
    config,
    database,
    db: database.db,
    storage: openFileStorage(database, config.filesDir),
    auth: createAuth(config, database.db, secret, (mail, link) =>
      sendWithUnstoredLink(database.db, resetTransport, mail, link),
    ),
    now: overrides.now ?? (() => new Date()),
    openWorkOrders,
  };

  const app = Fastify({
    logger:
      overrides.logger === false
        ? false
        : {
            ...(await loggerOptions(config, overrides.logStream)),
            // Personal links, invitations, reset links and session cookies never reach the log.
            ...logRedaction,
          },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Both answered in our error shape by http/error-handler.ts.
    frameworkErrors,
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorate('mailWorker', null);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  registerSecurityHeaders(app, config.baseUrl);
  await app.register(fastifyMultipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bildungsnetz API',
        description:
          'Plattform für Regionale Bildungsnetzwerke in NRW. Anmeldung über /api/auth (Sitzungs-Cookie).',
        version: '0.1.0',
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl' },
      },
      components: { securitySchemes: sessionScheme },
    },
    transform: openapiTransform,
  });

  registerErrorHandler(app, fs.existsSync(path.join(webRoot, 'index.html')) ? webRoot : null, config);
  registerInputGuard(app);
  registerRateLimit(app, deps);
  registerCsrfCheck(app, config.baseUrl);
  registerSessionHook(app, deps);
  registerAccess(app, deps);
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // better-auth handles sign-in, sessions, password reset and the second factor. Public sign-up is
  // closed: accounts come from the first-run setup and from invitations only.
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    // better-auth checks the session of its own routes.
    config: { access: 'public' },
    async handler(req, reply) {
      if (req.url.startsWith('/api/auth/sign-up')) {
        return sendError(req, reply, 404, 'not_found', 'Konten entstehen nur durch Einladung.');
      }
      const response = await deps.auth.handler(
        new Request(new URL(req.url, config.baseUrl), {
          method: req.method,
          headers: authHeaders(req),
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
        }),
      );
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      if (response.status >= 400) return sendAuthError(req, reply, response);
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') reply.header(key, value);
      });
      return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
    },
  });

  await app.register(
    async (api) => {
      await api.register(systemRoutes(deps));
      await api.register(networksRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(mailRoutes(deps));
      await api.register(filesRoutes(deps));
      await api.register(structureRoutes(deps));
      await api.register(contractRoutes(deps));
      await api.register(publicsiteRoutes(deps));
      await api.register(steeringRoutes(deps));
      await api.register(steeringLinkRoutes(deps));
      await api.register(dashboardRoutes(deps));
      await api.register(workRoutes(deps));
      await api.register(contactsRoutes(deps));
      await api.register(eventsRoutes(deps));
      await api.register(surveysRoutes(deps));
      // The trace's kinds: each module says how its things look in the trace (Verlauf).
      registerSteeringTraceKinds();
      registerWorkTraceKinds();
      registerEventTraceKinds();
      await api.register(traceRoutes(deps));
    },
    { prefix: '/api' },
  );
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );

  if (fs.existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each compressible file; nothing is compressed per request.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', cacheControlFor(file)),
    });
  }

  const adopted = await adoptDirectoryFiles(deps.storage, config.filesDir);
  if (adopted > 0) app.log.info({ files: adopted, from: config.filesDir }, 'files copied into the database');

  app.mailWorker = startMailWorker(deps, app.log);
  const procedureJobs = startProcedureJobs(deps, app.log);
  const workReminders = startWorkReminderJobs(deps, app.log);
  const retentionJobs = startRetentionJobs(deps, app.log);
  const registrationJobs = startRegistrationJobs(deps, app.log);
  const eventRetention = startEventRetentionJob(deps, app.log);
  app.addHook('onClose', async () => {
    await app.mailWorker?.stop();
    resetTransport?.close();
    procedureJobs.stop();
    workReminders.stop();
    retentionJobs.stop();
    registrationJobs.stop();
    eventRetention.stop();
    if (!overrides.database) await database.close();
  });
  return app;
}
