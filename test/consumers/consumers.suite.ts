/**
 * The packages as users get them (`npm run test:consumers`, part of `npm test`): the tarballs of `npm pack`,
 * installed with nothing else of the repo into scratch apps that their own toolchains build; each built app served,
 * opened in Chromium and used. See test/consumers/README.md.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { cacheRoot, installApp, packTarballs, repo, run } from '../../tools/consumer-packages.mjs';
import { buildSourceScenes, compareScenes, scenes, scenesDir, shotsDir } from './scenes.js';
import { freePort } from '../../tools/free-port.js';
import {
  assertNoPageErrors,
  inviteThroughDialog,
  launchChromium,
  openApp,
  serveApp,
  startAppServer,
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
  /**
   * The app calls the mock on the mock's own origin (`?api=`), which answers CORS for the app's origin
   * (`--allow-origin`); otherwise it calls `/api` on its own origin and the static server forwards it.
   */
  crossOrigin: boolean;
  /** The app's own Node server (SvelteKit's `node build`), started instead of serving `served` as static files. */
  start?: { command: string; args: string[]; env: (port: number, api: string) => Record<string, string> };
}

const vanilla = fileURLToPath(new URL('apps/vanilla', import.meta.url));

/** The same page built three ways; each calls the mock across origins (CORS), as a dev server on another port would. */
const fromVanilla = (name: string, script: string, served: string, tags: readonly string[]): ConsumerApp => ({
  name,
  source: vanilla,
  install: 'vanilla',
  scripts: [script],
  served,
  tags,
  crossOrigin: true,
});
/** An example folder, served as built; it calls `/api` on its own origin, as its README sets it up. */
const fromExample = (name: string, folder: string, scripts: string[], served: string, tags: readonly string[]) => ({
  name: `${name} (examples/${folder})`,
  source: join(repo, 'examples', folder),
  install: folder,
  scripts,
  served,
  tags,
  crossOrigin: false,
});

const apps: ConsumerApp[] = [
  fromVanilla('Vite + TypeScript', 'build:vite', 'dist-vite', ALL_TAGS),
  fromVanilla('esbuild', 'build:esbuild', 'dist-esbuild', TABLE_TAGS),
  fromVanilla('webpack 5 (production)', 'build:webpack', 'dist-webpack', TABLE_TAGS),
  fromExample('Vite + React 19', 'react', ['build'], 'dist', TABLE_TAGS),
  fromExample('Vite + Vue 3', 'vue', ['build'], 'dist', TABLE_TAGS),
  fromExample('no bundler, one-file browser build', 'html', [], '.', ALL_TAGS),
  fromExample(
    'Angular 21 (standalone, CUSTOM_ELEMENTS_SCHEMA, strictTemplates)',
    'angular',
    ['build'],
    'dist',
    TABLE_TAGS,
  ),
  {
    ...fromExample('SvelteKit 2 + Svelte 5, server rendering (adapter-node)', 'sveltekit', ['build'], '.', TABLE_TAGS),
    // svelte-check (skipLibCheck off, no warning) runs as part of its build script.
    start: {
      command: 'node',
      args: ['build'],
      env: (port, api) => ({ PORT: String(port), HOST: '127.0.0.1', INVITEKIT_API: api }),
    },
  },
];
/** The ports of the cross-origin apps' sites, known before the mock starts so that it can allow their origins. */
const ports = new Map<string, number>();

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
  for (const app of apps) if (app.crossOrigin) ports.set(app.name, await freePort());
  const origins = [...ports.values()].map((port) => `http://127.0.0.1:${port}`);
  mock = await startPackagedMock(installFor({ install: 'vanilla', source: vanilla }), origins);
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
  // A cold install and build of the Angular or SvelteKit app took 3 minutes on a busy 2-core machine.
  describe(`consumer app: ${app.name}`, { timeout: 480_000 }, () => {
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
      const { start } = app;
      const site = start
        ? await startAppServer(dir, start.command, start.args, (port) => start.env(port, mock?.url ?? ''))
        : await serveApp(join(dir, app.served), mock, ports.get(app.name));
      const started = Date.now();
      const path = app.crossOrigin ? `/?api=${encodeURIComponent(`${mock.url}/api`)}` : '/';
      const { page, errors } = await openApp(browser, site, path);
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
      } catch (error) {
        // What the page said is usually why a step never showed up.
        if (errors.length === 0) throw error;
        throw new Error(`${(error as Error).message}\nErrors in the page:\n${errors.join('\n')}`, { cause: error });
      } finally {
        record(`${app.name}: in Chromium`, started);
        await page.context().close();
        await site.close();
      }
    });
  });
}

describe('the packed elements look exactly like the sources', { timeout: 600_000 }, () => {
  const sourceBuild = join(cacheRoot, 'scenes-sources');
  let dir = '';

  it('builds the screenshot scenes from the tarballs and from the sources', async () => {
    dir = installFor({ install: 'scenes', source: fileURLToPath(new URL('apps/scenes', import.meta.url)) });
    cpSync(scenesDir, join(dir, 'scenes'), { recursive: true });
    timed('scenes: vite build from the tarballs', () => run('npm', ['run', 'build'], dir));
    const started = Date.now();
    await buildSourceScenes(sourceBuild);
    record('scenes: vite build from the sources', started);
  });

  it('every state of every element, 375 and 1280 px, light and dark: the same pixels, but for a few at rounded edges', async () => {
    assert.ok(dir && mock && browser, 'the scenes built, the mock server and Chromium started');
    const [packedSite, sourceSite] = await Promise.all([
      serveApp(join(dir, 'dist'), mock),
      serveApp(sourceBuild, mock),
    ]);
    const started = Date.now();
    try {
      const { compared, differences } = await compareScenes(browser, packedSite.origin, sourceSite.origin);
      record(`scenes: ${compared} shots compared`, started);
      const states = scenes().reduce((sum, scene) => sum + Math.max(1, scene.states.length), 0);
      assert.equal(compared, states * 4, 'every state of every scene shot four ways');
      assert.deepEqual(
        differences.map((d) => `${d.shot}: ${d.size ?? `${d.pixels} pixels differ`}`),
        [],
        `the packed build draws differently (shots and diffs in ${shotsDir})`,
      );
    } finally {
      await packedSite.close();
      await sourceSite.close();
    }
  });
});

describe(
  'consumer app: Next.js 16 App Router, server rendering, @invitekit/server on PGlite (examples/next)',
  {
    timeout: 600_000,
  },
  () => {
    const admin = { name: 'session', value: 'ada%40acme.test' };
    let dir = '';

    it('installs from the tarballs and passes `next build` (its type check, skipLibCheck off), writing no database', () => {
      dir = timed(
        'install next',
        () => installApp('next', join(repo, 'examples/next'), packed, { outsideNodeModules: true }),
        (result) => (result.reused ? ' (reused)' : ''),
      ).dir;
      timed('Next.js (examples/next): npm run build', () => run('npm', ['run', 'build'], dir));
      // The route handler opens its database on the first request, never at import (issue 15).
      assert.ok(!existsSync(join(dir, 'invitekit-data')), '`next build` wrote ./invitekit-data');
    });

    it('`next start`: the table shows the rows of its own API, an invitation goes through the dialog', async () => {
      assert.ok(dir && browser, 'the app built and Chromium started');
      const data = mkdtempSync(join(tmpdir(), 'invitekit-next-'));
      const site = await startAppServer(dir, join(dir, 'node_modules/.bin/next'), ['start'], (port) => ({
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        INVITEKIT_DATA: data,
        APP_URL: `http://127.0.0.1:${port}`,
      }));
      const started = Date.now();
      try {
        // A fresh database, no seed: the rows are made through the app's own API, signed in as its admin.
        const api = (path: string, init: RequestInit = {}) =>
          fetch(`${site.origin}/api/orgs/acme/${path}`, {
            ...init,
            headers: { cookie: `${admin.name}=${admin.value}`, 'content-type': 'application/json' },
          });
        const seeded = ['lin@example.com', 'mo@example.com'];
        const made = await api('invitations', { method: 'POST', body: JSON.stringify({ emails: seeded }) });
        assert.equal(made.status, 200, await made.clone().text());
        const { page, errors } = await openApp(browser, site, '/', [admin]);
        try {
          await waitForDefined(page, TABLE_TAGS);
          await waitForRows(page, seeded);
          await inviteThroughDialog(page, 'next-app@example.com');
          const list = (await (await api('invitations?limit=10')).json()) as { items: { email: string }[] };
          assert.ok(
            list.items.some((item) => item.email === 'next-app@example.com'),
            'the invitation is stored',
          );
          assertNoPageErrors(errors);
        } catch (error) {
          if (errors.length === 0) throw error;
          throw new Error(`${(error as Error).message}\nErrors in the page:\n${errors.join('\n')}`, { cause: error });
        } finally {
          await page.context().close();
        }
      } finally {
        record('Next.js (examples/next): in Chromium', started);
        await site.close();
      }
    });
  },
);
