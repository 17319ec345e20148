// Browser tests: a real Chromium (scripts/chromium.mjs finds it), the MSW worker serving the real rules engine.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { chromiumArgs, chromiumPathOrExit } from './scripts/chromium.mjs';

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
        // No browser: one line saying what to install, before any test runs.
        executablePath: chromiumPathOrExit(),
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 600000,
};
