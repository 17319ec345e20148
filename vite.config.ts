/**
 * Vite serves and builds the demo (`npm start`, `npm run build`). Workspace packages resolve to their
 * TypeScript sources through the "source" export condition, so the demo needs no prior build.
 */
import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { shellHtml } from './demo/src/shell.js';

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

/**
 * Writes the demo's frame (toolbar and header, demo/src/shell.ts) into every page, so that it is there at the first
 * paint rather than pushing the page down when the script draws it.
 */
export function demoShell(): Plugin {
  return {
    name: 'invitekit:demo-shell',
    transformIndexHtml(html, { path }) {
      const pathname = path.replace(/index\.html$/, '');
      return html.replace('<body>', `<body>\n${shellHtml(pathname)}`);
    },
  };
}

/**
 * Puts the built stylesheet into each page (a `<style>` for the `<link>`): the frame and the page's layout need it
 * for their first paint, and a separate file held that paint back by a round trip. The pages share one small
 * stylesheet (2 KB compressed), so each carries its own copy.
 */
export function inlineCss(): Plugin {
  return {
    name: 'invitekit:inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (link, file: string) => {
          const asset = bundle?.[file];
          return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : link;
        });
      },
    },
  };
}

export default defineConfig({
  root: demoRoot,
  resolve: workspaceResolve,
  plugins: [mswWorker(), demoShell(), inlineCss()],
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
