/**
 * Screenshots of every scene in `docs/screenshots/scenes/*.html`, and of the demo's pages, on a phone and a laptop.
 *
 *   npm run screenshots [-- name-filter]
 *
 * A scene is a page whose module script starts the mock worker, puts the mock in the state it shows, renders
 * the element and then sets `document.body.dataset.ready = 'true'`. A scene that shows several states lists
 * them in `<meta name="states" content="a,b,c">`; each is opened as `?state=<name>`. Each state is written twice,
 * at 375 px in the light theme and at 1280 px in the dark one (`<scene>-<state>-375-light.png`,
 * `<scene>-<state>-1280-dark.png`): both widths and both themes for every state, in half the files of all four.
 * The demo's pages (`demo-<page>-<width>-<scheme>.png`) are written in all four, from the demo as `npm start`
 * serves it, each in a fresh browser context (a freshly seeded mock).
 */
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mswWorker, workspaceResolve } from '../vite.config.js';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const scenesDir = join(repo, 'docs/screenshots/scenes');
const outDir = join(repo, 'docs/screenshots');
const filter = process.argv[2];

/** What each state of a scene is shot as: a phone in light, a laptop in dark. */
const sceneVariants = [
  { width: 375, height: 740, colorScheme: 'light' },
  { width: 1280, height: 800, colorScheme: 'dark' },
] as const;
const allVariants = [
  { width: 375, height: 740, colorScheme: 'light' },
  { width: 375, height: 740, colorScheme: 'dark' },
  { width: 1280, height: 800, colorScheme: 'light' },
  { width: 1280, height: 800, colorScheme: 'dark' },
] as const;
type Variant = (typeof allVariants)[number];

/** The demo's pages: where each is, and what shows once it has loaded (a test in the page, as a string). */
const demoPages: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'settings',
    open: async (page) => {
      await page.goto('/');
      await waitForText(page, 'invitation-table', 'jane@example.com');
      await waitForText(page, 'invitation-requests', 'nora@example.com');
      await page.waitForSelector('table.members');
    },
  },
  {
    name: 'login',
    open: async (page) => {
      await page.goto('/login/');
      await waitForText(page, 'request-invite-form', 'Request invitation');
    },
  },
  {
    name: 'mailbox',
    open: async (page) => {
      await sendInvitation(page);
      await page.goto('/mailbox/');
      await page.waitForSelector('#messages li');
    },
  },
  {
    // The product page as the new member sees it right after accepting: signed in by Acme's own sign-in.
    name: 'joined',
    open: async (page) => {
      await sendInvitation(page);
      await page.goto('/mailbox/');
      const link = await page.waitForSelector('#messages li a');
      const href = await link.getAttribute('href');
      if (!href) throw new Error('the message has no link');
      // The invitee's own browser: nobody signed in.
      await page.evaluate(() => {
        document.cookie = 'invitekit_session=; path=/; max-age=0';
        localStorage.setItem('demo-signed-out', '1');
      });
      await page.goto(href);
      await page.getByRole('textbox', { name: 'Your name' }).fill('Lena Lindqvist');
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await page.getByRole('link', { name: 'Continue to Acme Inc.' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByText('Welcome to Acme Inc., Lena Lindqvist').waitFor();
      await waitForText(page, 'invitation-table', 'permission');
    },
  },
  {
    name: 'redeem',
    open: async (page) => {
      await sendInvitation(page);
      await page.goto('/mailbox/');
      const link = await page.waitForSelector('#messages li a');
      await link.click();
      await waitForText(page, 'redeem-invite', 'Accept invitation');
    },
  },
];

/** Waits until the element `tag` shows `text` in its shadow root. */
async function waitForText(page: Page, tag: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([t, x]) => document.querySelector(t)?.shadowRoot?.textContent.includes(x) ?? false,
    [tag, text] as const,
    { timeout: 20000 },
  );
}

/** Invites Lena as the demo's admin, so that the mailbox and the redeem page have something to show. */
async function sendInvitation(page: Page): Promise<void> {
  await page.goto('/');
  await waitForText(page, 'invitation-table', 'jane@example.com');
  await page.evaluate(async () => {
    const response = await fetch('/api/orgs/acme/invitations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ emails: ['lena.lindqvist@example.com'] }),
    });
    if (!response.ok) throw new Error(`the invitation was refused: ${response.status}`);
  });
}

async function shoot(
  browser: Browser,
  variant: Variant,
  file: string,
  origin: string,
  open: (page: Page) => Promise<void>,
): Promise<boolean> {
  const { width, height, colorScheme } = variant;
  const context = await browser.newContext({ colorScheme, viewport: { width, height }, baseURL: origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await open(page);
    // The caret blinks: hide it so that screenshots are stable.
    await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
    await page.screenshot({ path: join(outDir, file), fullPage: true });
    console.log(`wrote docs/screenshots/${file}`);
    return true;
  } catch (error) {
    console.error(`FAILED ${file}: ${(error as Error).message.split('\n')[0]}`, errors.join('; '));
    return false;
  } finally {
    await context.close();
  }
}

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

const scenesServer = await createServer({
  configFile: false,
  root: scenesDir,
  resolve: workspaceResolve,
  logLevel: 'warn',
  plugins: [mswWorker()],
  server: { port: 0, host: '127.0.0.1', hmr: false },
});
// The demo as `npm start` serves it (the root Vite config), on a port of its own.
const demoServer = await createServer({
  configFile: join(repo, 'vite.config.ts'),
  logLevel: 'warn',
  server: { port: 0, host: '127.0.0.1', hmr: false },
});

function originOf(server: typeof scenesServer): string {
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('The dev server has no port');
  return `http://127.0.0.1:${address.port}`;
}

let failures = 0;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  await scenesServer.listen();
  await demoServer.listen();
  const scenesOrigin = originOf(scenesServer);
  const demoOrigin = originOf(demoServer);
  for (const scene of await scenes()) {
    for (const state of scene.states.length ? scene.states : [undefined]) {
      for (const variant of sceneVariants) {
        const file = `${scene.name}${state ? `-${state}` : ''}-${variant.width}-${variant.colorScheme}.png`;
        const url = `/${scene.name}.html${state ? `?state=${encodeURIComponent(state)}` : ''}`;
        const ok = await shoot(browser, variant, file, scenesOrigin, async (page) => {
          await page.goto(url);
          await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 20000 });
        });
        if (!ok) failures++;
      }
    }
  }
  for (const demoPage of demoPages) {
    if (filter && !`demo-${demoPage.name}`.includes(filter)) continue;
    for (const variant of allVariants) {
      const file = `demo-${demoPage.name}-${variant.width}-${variant.colorScheme}.png`;
      if (!(await shoot(browser, variant, file, demoOrigin, demoPage.open))) failures++;
    }
  }
} finally {
  await browser.close();
  await scenesServer.close();
  await demoServer.close();
}
process.exitCode = failures ? 1 : 0;
