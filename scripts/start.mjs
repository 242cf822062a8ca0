/**
 * `npm start`: runs the compiled server. Builds first, in a process of its own, when dist/ is missing
 * or older than the sources, so `npm install && npm start` works on a fresh clone and the server
 * never carries the build's memory. The embedded database is created or migrated, and with `--demo`
 * the HSK demo network loaded, each in a process of its own for the same reason. Plain JavaScript:
 * nothing here needs a TypeScript loader.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildNeeded, dist, root } from './lib/build-state.mjs';

function runNode(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const reason = buildNeeded();
if (reason) {
  console.log(
    reason === 'missing'
      ? 'Baue Server und Weboberfläche (erster Start) …'
      : 'Quellen sind neuer als der Build: baue neu …',
  );
  runNode([path.join(root, 'scripts/build.mjs')]);
}

// A new or upgraded embedded database is prepared in a process of its own (see src/server/db/prepare.ts).
runNode(['--enable-source-maps', path.join(dist, 'server/db/prepare.js')]);

if (process.argv.includes('--demo')) {
  runNode(['--enable-source-maps', path.join(dist, 'server/demo/load.js')]);
}

await import(pathToFileURL(path.join(dist, 'server/main.js')).href);
