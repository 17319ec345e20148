/**
 * Screenshots of every scene in `docs/screenshots/scenes/*.html`, in light and dark.
 *
 *   npm run screenshots [-- name-filter]
 *
 * A scene is a page whose module script starts the mock worker, puts the mock in the state it shows, renders
 * the element and then sets `document.body.dataset.ready = 'true'`. A scene that shows several states lists
 * them in `<meta name="states" content="a,b,c">`; each is opened as `?state=<name>` and written as
 * `<scene>-<state>-<scheme>.png`, otherwise `<scene>-<scheme>.png`.
 */
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { mswWorker, workspaceResolve } from '../vite.config.js';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const scenesDir = join(repo, 'docs/screenshots/scenes');
const outDir = join(repo, 'docs/screenshots');
const filter = process.argv[2];

async function scenes(): Promise<{ name: string; states: string[] }[]> {
  const files = (await readdir(scenesDir)).filter((f) => f.endsWith('.html')).sort();
  const found = [];
  for (const file of files) {
    const name = basename(file, '.html');
    if (filter && !name.includes(filter)) continue;
    const html = await readFile(join(scenesDir, file), 'utf8');
    const meta = /<meta\s+name=["']states["']\s+content=["']([^"']*)["']/i.exec(html);
    const states = meta?.[1]
      ? meta[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    found.push({ name, states });
  }
  return found;
}

const server = await createServer({
  configFile: false,
  root: scenesDir,
  resolve: workspaceResolve,
  logLevel: 'warn',
  plugins: [mswWorker()],
  server: { port: 0, host: '127.0.0.1', hmr: false },
});
await server.listen();
const address = server.httpServer?.address();
if (!address || typeof address === 'string') throw new Error('The dev server has no port');
const origin = `http://127.0.0.1:${address.port}`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});

let failures = 0;
try {
  for (const scene of await scenes()) {
    const variants = scene.states.length ? scene.states : [undefined];
    for (const state of variants) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ colorScheme, viewport: { width: 1000, height: 700 } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const file = `${scene.name}${state ? `-${state}` : ''}-${colorScheme}.png`;
        try {
          await page.goto(`${origin}/${scene.name}.html${state ? `?state=${encodeURIComponent(state)}` : ''}`);
          await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 20000 });
          await page.screenshot({ path: join(outDir, file), fullPage: true });
          console.log(`wrote docs/screenshots/${file}`);
        } catch (error) {
          failures++;
          console.error(`FAILED ${file}: ${(error as Error).message.split('\n')[0]}`, errors.join('; '));
        } finally {
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = failures ? 1 : 0;
