/**
 * What every consumer app is checked with: the packaged mock server (its `invitekit-mock-server` bin, installed
 * from the tarball), the examples' static server (examples/html/serve.mjs, which forwards /api and /__mock to the
 * mock on the page's own origin), Debian's Chromium driven by playwright-core, and the checks themselves.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { serve } from '../../examples/html/serve.mjs';

/** How long any one expected thing may take to show up in a page. */
const STEP_TIMEOUT = 15_000;
/** The mock's seed admin (member:manage in `acme`). */
const ADMIN_TOKEN = 'acme-admin';

export interface MockServer {
  url: string;
  /** Back to the seed: every app starts from the same rows and an empty outbox. */
  reset(): Promise<void>;
  /** The first page of `acme`'s invitations as the table asks for it: newest first, pending and expired. */
  invitationEmails(): Promise<string[]>;
  outbox(to: string): Promise<{ to: string; kind: string }[]>;
  stop(): Promise<void>;
}

async function ok(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

/** Starts `invitekit-mock-server --port 0` from an app's node_modules/.bin and waits for its ready line. */
export function startPackagedMock(appDir: string): Promise<MockServer> {
  const child: ChildProcess = spawn(join(appDir, 'node_modules/.bin/invitekit-mock-server'), ['--port', '0'], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The packaged mock server printed no ready line in 15 s.\n${out}\n${err}`));
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The packaged mock server exited (code ${code}) before it was ready:\n${out}\n${err}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /listening on (http:\/\/\S+)/.exec(out);
      if (!ready?.[1]) return;
      clearTimeout(timer);
      const url = ready[1];
      const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
      resolve({
        url,
        async reset() {
          await ok(
            await fetch(`${url}/__mock/reset`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"seed":"default"}',
            }),
            'resetting the mock',
          );
        },
        async invitationEmails() {
          const page = await ok(await fetch(`${url}/api/orgs/acme/invitations?limit=10`, { headers: admin }), 'list');
          const { items } = (await page.json()) as { items: { email: string }[] };
          return items.map((item) => item.email);
        },
        async outbox(to) {
          const answer = await ok(await fetch(`${url}/__mock/outbox?to=${encodeURIComponent(to)}`), 'outbox');
          return ((await answer.json()) as { items: { to: string; kind: string }[] }).items;
        },
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

export interface Site {
  origin: string;
  close(): Promise<void>;
}

/** Serves a built app's folder on a free 127.0.0.1 port, /api and /__mock forwarded to the mock. */
export async function serveApp(root: string, mock: MockServer): Promise<Site> {
  const { server, origin } = (await serve({ root, api: mock.url })) as { server: Server; origin: string };
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A page of `site` in a fresh context; uncaught errors in it are collected for {@link assertNoPageErrors}. */
export async function openApp(browser: Browser, site: Site): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: site.origin, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(error.error().message));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto('/');
  return { page, errors };
}

/** Waits until every tag is defined; on timeout names the ones that never were. */
export async function waitForDefined(page: Page, tags: readonly string[]): Promise<void> {
  try {
    await page.waitForFunction((names) => names.every((name) => customElements.get(name) !== undefined), tags);
  } catch {
    const missing = await page.evaluate((names) => names.filter((name) => !customElements.get(name)), tags);
    throw new Error(`Never defined in the built app: ${missing.map((tag) => `<${tag}>`).join(', ')}`);
  }
}

async function shown(locator: Locator, what: string): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible' });
  } catch (error) {
    throw new Error(`Not shown within ${STEP_TIMEOUT / 1000} s: ${what}`, { cause: error });
  }
  return locator;
}

/** The table shows the mock's rows: a cell for each address of its first page. */
export async function waitForRows(page: Page, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) throw new Error('The mock server lists no invitations: the seed is not the default one');
  const table = page.getByRole('table');
  for (const email of emails) await shown(table.getByRole('cell', { name: email, exact: true }), `the row of ${email}`);
}

/**
 * Sends one invitation through the table's invite dialog; checks that the roles the app set as a property reached
 * the dialog (its role select) and that the app's own listener of `invitekit-invitations-sent` wrote to its output.
 */
export async function inviteThroughDialog(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Invite users' }).click();
  const dialog = await shown(page.getByRole('dialog', { name: 'Invite users' }), 'the invite dialog');
  await shown(dialog.getByRole('combobox', { name: 'Role' }), 'the role select (the `roles` property)');
  await dialog.getByRole('textbox', { name: 'Email addresses' }).fill(email);
  await shown(dialog.getByText('1 invitation will be sent'), 'the dry run of one address');
  await dialog.getByRole('button', { name: 'Send invitations' }).click();
  await shown(dialog.getByText('1 invitation sent'), 'the dialog reporting the invitation sent');
  await shown(
    page.locator('output').filter({ hasText: `1 sent: ${email}` }),
    "the app's own listener of invitekit-invitations-sent",
  );
}

export function assertNoPageErrors(errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Errors in the page:\n${errors.join('\n')}`);
}
