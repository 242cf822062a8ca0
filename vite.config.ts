import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build, so the server sends
 * them as they are (@fastify/static `preCompressed`) instead of compressing each response. Fonts and
 * images are compressed already; small files gain nothing.
 */
function precompress(): Plugin {
  return {
    name: 'bildungsnetz:precompress',
    apply: 'build',
    closeBundle() {
      for (const entry of fs.readdirSync(outDir, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile() || !/\.(js|css|html|svg|json|txt)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // The server's CSP allows no inline scripts; keep the module preload polyfill out of index.html.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // React Aria serves only the signed-in app: keep it in its own chunk, so the entry and the
        // public pages (/netzwerk/...) never load it.
        codeSplitting: {
          groups: [
            // React first: otherwise it would travel along with React Aria as one of its dependencies.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/,
              priority: 20,
            },
            // The German catalogue, needed on every page (the module messages of i18n/modules-de.ts come with their pages).
            {
              name: 'messages-de',
              test: /src[\\/]web[\\/]i18n[\\/]de[\\/](?!work-|contacts-|events-|surveys|meeting-run|minutes)/,
              priority: 15,
            },
            {
              name: 'react-aria',
              priority: 10,
              test: /node_modules[\\/](react-aria-components|react-aria|@react-aria|@react-stately|@react-types|@internationalized)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
