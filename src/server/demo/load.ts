/**
 * `npm start -- --demo` runs this (compiled) before the server starts: it loads the HSK demo network
 * into the configured database and exits. A process of its own, so the server does not carry the
 * memory of a second app instance.
 */
import { buildApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedSteeringDemo } from './steering-demo.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

// The demo goes through the app's own use cases, so it is what the office would have entered.
const app = await buildApp(config, { logger: false });
const { created, networkId } = await seedDemo(app.deps.db);
await seedSteeringDemo(app.deps, networkId);
await app.close();
console.log(created ? 'Demodaten geladen.' : 'Demodaten sind bereits vorhanden.');
console.log(`Demo-Konten (Passwort für alle: ${DEMO_PASSWORD}):`);
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}`);
