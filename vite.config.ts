/**
 * The web app: sources in src/web, built into dist/web where the server serves it (with the SPA fallback).
 * In development the Vite server proxies /api to the API process started by scripts/dev.mjs.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

const RC_FORM = /[\\/]node_modules[\\/]@rc-component[\\/]form[\\/]/;

const SOURCE_MODULE = /^\/api\/[^?]*\.(?:tsx?|jsx?|css)(?:\?|$)/;

/** The citizen portal is its own page: in development /cong-dan… answers cong-dan.html, as the server does. */
const portalPage: Plugin = {
  name: 'antq-portal-page',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      if (request.url && /^\/cong-dan(\/|\?|$)/.test(request.url)) request.url = '/cong-dan.html';
      next();
    });
  },
};

export default defineConfig({
  root: webRoot,
  plugins: [react(), portalPage],
  server: {
    port: 3000,
    strictPort: true,
    proxy: {
      '/api': {
        target: 'http://localhost:3001',
        // src/web/api/*.ts is served from /api/… too: source modules stay with Vite, the rest goes to the API.
        bypass: (request) => (SOURCE_MODULE.test(request.url ?? '') ? request.url : undefined),
      },
    },
  },
  preview: { port: 3000, strictPort: true },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      treeshake: {
        // @rc-component/form does not declare itself side-effect free, so every page that touches Ant Design kept
        // all of it (≈12 KB gzip) even where no form is shown; its modules only export. Other modules: as declared.
        moduleSideEffects: (id) => (RC_FORM.test(id) ? false : undefined),
      },
      // Two pages: the officers' app and the citizen portal, which never loads the app's code.
      input: {
        app: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        portal: fileURLToPath(new URL('./src/web/cong-dan.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          // Only libraries every page needs get a named chunk of their own (cached across releases). Everything
          // else, Ant Design included, is split by where it is used, so the calendar, the drawer and ECharts stay
          // in the chunks that need them.
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
