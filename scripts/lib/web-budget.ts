/**
 * What the browser must fetch before the first page renders: the entry script of dist/web/index.html
 * and every module it preloads. The benchmark prints it and a test holds it under budget.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Goal of issue 7: the initial JavaScript of the web app, gzip-compressed. */
export const INITIAL_JS_BUDGET_BYTES = 150 * 1024;

export type AssetSize = { file: string; bytes: number; gzipBytes: number; brotliBytes: number };

function compressedSize(file: string, ext: '.gz' | '.br', compress: (b: Buffer) => Buffer): number {
  if (fs.existsSync(file + ext)) return fs.statSync(file + ext).size;
  return compress(fs.readFileSync(file)).length;
}

export function assetSize(webDir: string, url: string): AssetSize {
  const file = path.join(webDir, url.replace(/^\//, ''));
  return {
    file: url,
    bytes: fs.statSync(file).size,
    gzipBytes: compressedSize(file, '.gz', (b) => zlib.gzipSync(b, { level: 9 })),
    brotliBytes: compressedSize(file, '.br', (b) => zlib.brotliCompressSync(b)),
  };
}

/** The entry script and its module preloads, as index.html names them. */
export function initialScripts(webDir: string): AssetSize[] {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  return [...new Set(urls)].map((url) => assetSize(webDir, url));
}

/** Sums of the initial scripts, plain and compressed. */
export function initialJs(webDir: string): {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
} {
  const scripts = initialScripts(webDir);
  const sum = (k: 'bytes' | 'gzipBytes' | 'brotliBytes') => scripts.reduce((s, a) => s + a[k], 0);
  return {
    files: scripts.length,
    bytes: sum('bytes'),
    gzipBytes: sum('gzipBytes'),
    brotliBytes: sum('brotliBytes'),
  };
}

/** The font files the build ships (each page loads only the weights and subsets it uses). */
export function fontFiles(webDir: string): AssetSize[] {
  const dir = path.join(webDir, 'assets');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.woff2'))
    .map((f) => assetSize(webDir, `/assets/${f}`));
}
