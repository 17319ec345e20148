/**
 * Vite serves and builds the demo (`npm start`, `npm run build`). Workspace packages resolve to their
 * TypeScript sources through the "source" export condition, so the demo needs no prior build.
 */
import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const workspaceResolve = {
  conditions: ['source', ...defaultClientConditions],
};

const demoRoot = fileURLToPath(new URL('./demo', import.meta.url));
const workerPath = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');

/**
 * MSW's worker must be served from the site root so its scope covers every page. It is taken from the
 * installed msw (never a stale committed copy): served in development, emitted into the build.
 */
export function mswWorker(): Plugin {
  return {
    name: 'invitekit:msw-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(workerPath));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: readFileSync(workerPath) });
    },
  };
}

export default defineConfig({
  root: demoRoot,
  resolve: workspaceResolve,
  plugins: [mswWorker()],
  server: { port: 5173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        settings: `${demoRoot}/index.html`,
        login: `${demoRoot}/login/index.html`,
        redeem: `${demoRoot}/redeem/index.html`,
        mailbox: `${demoRoot}/mailbox/index.html`,
      },
    },
  },
});
