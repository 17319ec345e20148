/**
 * The packages as users get them (`npm run test:consumers`, part of `npm test`): the tarballs of `npm pack`,
 * installed with nothing else of the repo into scratch apps that their own toolchains build; each built app served,
 * opened in Chromium and used. See test/consumers/README.md.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { installApp, packTarballs, repo, run } from './packages.mjs';
import {
  assertNoPageErrors,
  inviteThroughDialog,
  launchChromium,
  openApp,
  serveApp,
  startPackagedMock,
  waitForDefined,
  waitForRows,
  type MockServer,
} from './harness.js';

const ALL_TAGS = [
  'invitekit-provider',
  'invitation-table',
  'invite-dialog',
  'invitation-requests',
  'request-invite-form',
  'redeem-invite',
];
/** What an app that imports the provider and the table gets: the table renders the invite dialog. */
const TABLE_TAGS = ['invitekit-provider', 'invitation-table', 'invite-dialog'];

interface ConsumerApp {
  name: string;
  /** The folder installed (several apps may share one install), and its name in the cache. */
  source: string;
  install: string;
  /** npm scripts run in order; the first that fails fails the app. */
  scripts: string[];
  /** The served folder, relative to the installed app. */
  served: string;
  tags: readonly string[];
}

const vanilla = fileURLToPath(new URL('apps/vanilla', import.meta.url));
const example = (name: string) => join(repo, 'examples', name);

const apps: ConsumerApp[] = [
  {
    name: 'Vite + TypeScript',
    source: vanilla,
    install: 'vanilla',
    scripts: ['build:vite'],
    served: 'dist-vite',
    tags: ALL_TAGS,
  },
  {
    name: 'esbuild',
    source: vanilla,
    install: 'vanilla',
    scripts: ['build:esbuild'],
    served: 'dist-esbuild',
    tags: TABLE_TAGS,
  },
  {
    name: 'webpack 5 (production)',
    source: vanilla,
    install: 'vanilla',
    scripts: ['build:webpack'],
    served: 'dist-webpack',
    tags: TABLE_TAGS,
  },
  {
    name: 'Vite + React 19 (examples/react)',
    source: example('react'),
    install: 'react',
    scripts: ['build'],
    served: 'dist',
    tags: TABLE_TAGS,
  },
  {
    name: 'Vite + Vue 3 (examples/vue)',
    source: example('vue'),
    install: 'vue',
    scripts: ['build'],
    served: 'dist',
    tags: TABLE_TAGS,
  },
  {
    name: 'no bundler, import map (examples/html)',
    source: example('html'),
    install: 'html',
    scripts: [],
    served: '.',
    tags: ALL_TAGS,
  },
];

const timings: string[] = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
function record(label: string, started: number, note = ''): void {
  timings.push(`${label.padEnd(58)}${seconds(Date.now() - started).padStart(8)}${note}`);
}
function timed<T>(label: string, work: () => T, note: (result: T) => string = () => ''): T {
  const started = Date.now();
  let result: T | undefined;
  try {
    result = work();
    return result;
  } finally {
    record(label, started, result === undefined ? ' (failed)' : note(result));
  }
}

let packed: ReturnType<typeof packTarballs>;
let mock: MockServer | undefined;
let browser: Browser | undefined;
const installed = new Map<string, string>();

/** The app's install, once per install folder per run (reused across runs while the tarballs are unchanged). */
function installFor(app: Pick<ConsumerApp, 'install' | 'source'>): string {
  let dir = installed.get(app.install);
  if (!dir) {
    dir = timed(
      `install ${app.install}`,
      () => installApp(app.install, app.source, packed),
      (result) => (result.reused ? ' (reused)' : ''),
    ).dir;
    installed.set(app.install, dir);
  }
  return dir;
}

before(async () => {
  packed = timed(
    'build and pack the packages',
    () => packTarballs(),
    (result) => (result.reused ? ' (reused)' : ''),
  );
  mock = await startPackagedMock(installFor({ install: 'vanilla', source: vanilla }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await mock?.stop();
  console.log(`\nConsumer suite timings:\n  ${timings.join('\n  ')}`);
});

describe('a TypeScript consumer (skipLibCheck off) compiles against the packed types', () => {
  for (const resolution of ['bundler', 'nodenext']) {
    it(`with moduleResolution "${resolution}"`, () => {
      const dir = installFor({ install: 'vanilla', source: vanilla });
      timed(`tsc, moduleResolution ${resolution}`, () =>
        run('npm', ['run', '--silent', `typecheck:${resolution}`], dir),
      );
    });
  }
});

for (const app of apps) {
  describe(`consumer app: ${app.name}`, { timeout: 240_000 }, () => {
    let built: Error | undefined;
    let dir = '';

    it('installs from the tarballs and builds with its own toolchain', () => {
      try {
        dir = installFor(app);
        for (const script of app.scripts)
          timed(`${app.name}: npm run ${script}`, () => run('npm', ['run', script], dir));
      } catch (error) {
        built = error as Error;
        throw error;
      }
    });

    it('defines every element it imports, shows the mock server rows and sends an invitation', async () => {
      if (built) throw new Error(`Nothing to open: the app did not build (${built.message.split('\n')[0]})`);
      assert.ok(mock && browser, 'the mock server and Chromium started');
      await mock.reset();
      const site = await serveApp(join(dir, app.served), mock);
      const started = Date.now();
      const { page, errors } = await openApp(browser, site);
      try {
        await waitForDefined(page, app.tags);
        await waitForRows(page, await mock.invitationEmails());
        const email = `${app.install}-${app.served.replace(/\W/g, '') || 'page'}@example.com`;
        await inviteThroughDialog(page, email);
        const outbox = await mock.outbox(email);
        assert.deepEqual(
          outbox.map((message) => [message.to, message.kind]),
          [[email, 'invitation']],
          'one invitation email in the mock outbox',
        );
        assertNoPageErrors(errors);
      } finally {
        record(`${app.name}: in Chromium`, started);
        await page.context().close();
        await site.close();
      }
    });
  });
}
