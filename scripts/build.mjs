/**
 * `npm run build`: compiles the server (TypeScript → dist/server, ESM with source maps, the tree of
 * src/ kept, so paths read at run time such as ../../../drizzle resolve the same from src/ and dist/)
 * and the web app (Vite → dist/web, with .br/.gz beside each asset). Writes dist/build.json last.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dist, root, stampFile } from './lib/build-state.mjs';

const require = createRequire(import.meta.url);

// A release is always a production build, also when a test runner (NODE_ENV=test) or a developer's
// shell starts it: otherwise Vite ships React's development build, twice the size.
const env = { ...process.env, NODE_ENV: 'production' };

function run(label, bin, args) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`Build abgebrochen: ${label} ist fehlgeschlagen (Ausgabe oben).`);
    process.exit(result.status ?? 1);
  }
  console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

fs.rmSync(stampFile, { force: true });
// Files of removed sources must not linger in the output.
for (const dir of ['server', 'contracts']) fs.rmSync(path.join(dist, dir), { recursive: true, force: true });

const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
run('Server (tsc)', tsc, ['-p', 'tsconfig.build.json']);
const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
run('Weboberfläche (vite)', vite, ['build', '--logLevel', 'warn']);

fs.writeFileSync(stampFile, `${JSON.stringify({ builtAt: new Date().toISOString() }, null, 2)}\n`);
