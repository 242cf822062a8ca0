import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { exitOnStartupError } from './startup-errors.js';

// Start, listen, close: nothing else. What stops a start ends as one German line (startup-errors.ts).
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  exitOnStartupError(err);
}

let app: Awaited<ReturnType<typeof buildApp>> | undefined;
try {
  app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  // Close what was opened (database, lock, workers) before telling why; a failing close changes nothing.
  await app?.close().catch(() => {});
  exitOnStartupError(err, config);
}
const server = app;

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    // Fastify stops accepting, lets running requests finish, then the database and worker close.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        server.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
