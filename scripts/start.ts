/**
 * `npm start`: builds the web app when it is missing or older than its sources, loads the HSK demo
 * network with `--demo`, then starts the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/server/app.js';
import { ConfigError, loadConfig } from '../src/server/config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/server/demo/seed.js';
import { seedSteeringDemo } from '../src/server/demo/steering-demo.js';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function ensureWebBuild() {
  const index = path.join(root, 'dist/web/index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'src/web')),
    newestMtime(path.join(root, 'src/contracts')),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  console.log('Baue die Weboberfläche …');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

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

await ensureWebBuild();

if (process.argv.includes('--demo')) {
  // The demo goes through the app's own use cases, so it is what the office would have entered.
  const app = await buildApp(config, { logger: false });
  const { created, networkId } = await seedDemo(app.deps.db);
  await seedSteeringDemo(app.deps, networkId);
  await app.close();
  console.log(created ? 'Demodaten geladen.' : 'Demodaten sind bereits vorhanden.');
  console.log(`Demo-Konten (Passwort für alle: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}`);
}

console.log(`Bildungsnetz startet auf ${config.baseUrl}`);
await import('../src/server/main.js');
