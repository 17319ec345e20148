/**
 * What the end-to-end journeys share: the demo built once with the root Vite config, served by Vite's preview
 * server (static files, as `demo/dist` would be anywhere) on a free 127.0.0.1 port, and Debian's Chromium driven by
 * playwright-core through accessible roles and names. Each journey runs in a fresh browser context, whose empty
 * storage means a freshly seeded mock server.
 */
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const configFile = join(repo, 'vite.config.ts');

/** Set `E2E_SCREENSHOTS=1` (`npm run screenshots:e2e`) to write each step of the screenshot journey. */
export const screenshotsDir = process.env.E2E_SCREENSHOTS ? join(repo, 'docs/screenshots/e2e') : undefined;

/** How long any one expected thing may take to show up before the journey fails. */
const STEP_TIMEOUT = 10_000;

export interface Demo {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the demo into a temporary directory, serves it, and starts Chromium. */
export async function startDemo(): Promise<Demo> {
  const outDir = await mkdtemp(join(tmpdir(), 'invitekit-e2e-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await preview({
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    const { port } = server.httpServer.address() as AddressInfo;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    if (screenshotsDir) await mkdir(screenshotsDir, { recursive: true });
    const [openServer, openBrowser] = [server, browser];
    return {
      origin: `http://127.0.0.1:${port}`,
      browser,
      async close() {
        await openBrowser.close().catch(() => {});
        await openServer.close().catch(() => {});
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Runs one journey in a fresh context (fresh cookies and storage: a fresh seed). Any uncaught error in a page fails
 * the journey, even when every step it checks went well.
 */
export async function journey(
  demo: Demo,
  run: (page: Page) => Promise<void>,
  viewport: { width: number; height: number } = { width: 1440, height: 960 },
): Promise<void> {
  const context = await demo.browser.newContext({
    baseURL: demo.origin,
    viewport,
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const pageErrors: string[] = [];
  context.on('weberror', (error) => pageErrors.push(error.error().message));
  try {
    const page = await context.newPage();
    await run(page);
    if (pageErrors.length) throw new Error(`Uncaught errors in the page:\n${pageErrors.join('\n')}`);
  } finally {
    await context.close();
  }
}

/** Waits for a locator to show (one match: Playwright's strict mode refuses several). */
export async function shown(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

/** The demo's toolbar (not part of the product). */
export function toolbar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Demo controls' });
}

/**
 * Does something with the toolbar and waits for the reloaded page to report it: every toolbar control reloads the
 * page and then shows what it did in its status line.
 */
export async function withToolbar(page: Page, said: string, act: (bar: Locator) => Promise<unknown>): Promise<void> {
  const bar = toolbar(page);
  // A mark on the current document: the status line that counts is the one of the next document, even when the
  // previous control said the same thing.
  await page.evaluate(() => Object.assign(window, { e2eBeforeToolbar: true }));
  await act(bar);
  const status = bar.getByRole('status');
  try {
    await page.waitForFunction(() => !('e2eBeforeToolbar' in window), undefined, { timeout: STEP_TIMEOUT });
  } catch {
    throw new Error(`The toolbar did not reload the page for "${said}"; it says: "${await status.textContent()}"`);
  }
  await shown(status.filter({ hasText: said }));
}

export type Person = 'Ada Admin' | 'Victor Viewer' | 'Signed out';

/** Switches the signed-in person with the toolbar. */
export async function signInAs(page: Page, person: Person): Promise<void> {
  const label = {
    'Ada Admin': 'Ada Admin (admin)',
    'Victor Viewer': 'Victor Viewer (no permission)',
    'Signed out': 'Signed out',
  }[person];
  await withToolbar(page, person === 'Signed out' ? 'Signed out' : `Signed in as ${person}`, (bar) =>
    bar.getByRole('combobox', { name: 'Signed in as' }).selectOption({ label }),
  );
}

/** Opens Settings › Users and waits until the invitation table has drawn its rows. */
export async function openSettings(page: Page): Promise<void> {
  await page.goto('/');
  await shown(page.getByRole('button', { name: 'Invite users' }));
  await shown(invitationRow(page, 'jane@example.com'));
}

/** A row of the invitation table, by address. */
export function invitationRow(page: Page, email: string): Locator {
  return page
    .getByRole('table', { name: 'Invitations', exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('cell').getByText(email, { exact: true }) });
}

/** The item named `name` of the row's "Actions for X" menu, the menu opened first (the way a pointer does it). */
export async function rowMenuItem(row: Locator, email: string, name: string): Promise<Locator> {
  const menuButton = row.getByRole('button', { name: `Actions for ${email}`, exact: true });
  if ((await menuButton.getAttribute('aria-expanded')) !== 'true') await menuButton.click();
  return shown(row.getByRole('menuitem', { name, exact: true }));
}

/** Opens the mailbox and answers its messages, newest first. */
export async function openMailbox(page: Page): Promise<Locator> {
  await page.goto('/mailbox/');
  await shown(page.getByText(/\d+ of \d+ messages?|No messages yet/));
  return page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
}

/** Follows the newest invitation link to `email` in the mailbox, and waits for the redeem page to say something. */
export async function followNewestLink(page: Page, email: string): Promise<void> {
  const messages = await openMailbox(page);
  await messages
    .getByRole('link', { name: `Open invitation for ${email}` })
    .first()
    .click();
  await page.waitForURL(/\/redeem\/\?code=/);
  await shown(page.getByRole('heading', { level: 2 }));
}

/** Writes a numbered screenshot of the current page when screenshots are on. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!screenshotsDir) return;
  // The caret blinks and the focus ring moves with timing: hide the caret so that screenshots are stable.
  await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`) });
}

/** How far the page scrolls sideways (0 when it fits the viewport), and the widest culprits when it does not. */
export async function sidewaysScroll(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  // A string, not a function: tsx's `keepNames` would wrap inner functions in a `__name` the page does not have.
  return page.evaluate(`(() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    const culprits = [];
    const visit = (node) => {
      for (const el of node.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.right > root.clientWidth + 0.5)
          culprits.push(el.localName + '.' + String(el.className) + ' ' + Math.round(box.width) + 'px to ' + Math.round(box.right));
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    if (overflow > 0) visit(document);
    return { overflow, culprits: culprits.slice(0, 8) };
  })()`);
}
