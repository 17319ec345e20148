// Browser tests: real Debian Chromium, the MSW worker serving the real rules engine.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const workerScript = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

export default {
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: {
    browser: true,
    // 'source' resolves workspace packages to their TypeScript; 'browser' keeps msw's Node interceptors out.
    exportConditions: ['source', 'browser', 'import', 'default'],
  },
  plugins: [
    // Accessible names and roles as Chromium computes them, for tests of the public names.
    a11ySnapshotPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    {
      // papaparse (the SDK's lazy CSV parser) ships only UMD/CommonJS, which the dev server serves as is:
      // wrap it as an ES module with a default export, as bundlers do.
      name: 'papaparse-esm',
      transform(context) {
        if (/\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) {
          return {
            body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;`,
          };
        }
      },
    },
    {
      // The worker's scope must cover the test pages, so it is served from the root.
      name: 'msw-worker',
      async serve(context) {
        if (context.path === '/mockServiceWorker.js') {
          return { body: await readFile(workerScript, 'utf8'), type: 'js' };
        }
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 600000,
};
