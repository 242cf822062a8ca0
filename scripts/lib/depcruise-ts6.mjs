/**
 * Preload for `npm run depcheck`: dependency-cruiser parses TypeScript with the TypeScript compiler
 * API and accepts typescript < 7 only, while the project type-checks with typescript 7 (native, no
 * JS API). The devDependency "typescript6" (npm:typescript@6.0.3) provides the API; these hooks give
 * it to dependency-cruiser, and to nothing else, when it asks for "typescript".
 *
 *   node --import ./scripts/lib/depcruise-ts6.mjs node_modules/dependency-cruiser/bin/dependency-cruise.mjs src --config .dependency-cruiser.cjs
 */
import Module, { createRequire, register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ts6Dir = path.dirname(require.resolve('typescript6/package.json'));
const ts6Main = pathToFileURL(require.resolve('typescript6')).href;
const fromCruiser = (where) =>
  typeof where === 'string' && where.includes('/node_modules/dependency-cruiser/');

// require('typescript/package.json') (dependency-cruiser's version check) goes through CommonJS.
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveTs6(request, parent, ...rest) {
  if ((request === 'typescript' || request.startsWith('typescript/')) && fromCruiser(parent?.filename)) {
    return originalResolve.call(this, ts6Dir + request.slice('typescript'.length), parent, ...rest);
  }
  return originalResolve.call(this, request, parent, ...rest);
};

// import('typescript') goes through the ESM loader.
register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && (context.parentURL || '').includes('/node_modules/dependency-cruiser/')) {
    return next(${JSON.stringify(ts6Main)}, context);
  }
  return next(specifier, context);
}`)}`,
);

globalThis.__bildungsnetzDepcruiseTs6 = true;
