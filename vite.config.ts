import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
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
