/**
 * What every consumer app is checked with: the packaged mock server (its `invitekit-mock-server` bin, installed
 * from the tarball), the examples' static server (examples/html/serve.mjs, which forwards /api and /__mock to the
 * mock on the page's own origin), Debian's Chromium driven by playwright-core, and the checks themselves.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { request, type Server } from 'node:http';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { serve } from '../../examples/html/serve.mjs';
import { freePort } from '../../tools/free-port.js';

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

/**
 * One request to the mock, on a fresh connection (Node's fetch would reuse a pooled socket that the mock server
 * closed while an app was building: "other side closed"). Rejects on any answer but 2xx.
 */
function call(method: string, url: string, what: string, options: { body?: string; token?: string } = {}) {
  return new Promise<string>((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(text);
        else reject(new Error(`${what}: ${status} ${text}`));
      });
    });
    req.on('error', (error) => {
      reject(new Error(`${what}: ${error.message}`, { cause: error }));
    });
    req.end(options.body);
  });
}

/**
 * Starts `invitekit-mock-server --port 0` from an app's node_modules/.bin, answering CORS for `allowOrigins`, and
 * waits for its ready line.
 */
export function startPackagedMock(appDir: string, allowOrigins: readonly string[] = []): Promise<MockServer> {
  const args = ['--port', '0', ...allowOrigins.flatMap((origin) => ['--allow-origin', origin])];
  const child: ChildProcess = spawn(join(appDir, 'node_modules/.bin/invitekit-mock-server'), args, {
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
      resolve({
        url,
        async reset() {
          await call('POST', `${url}/__mock/reset`, 'resetting the mock', { body: '{"seed":"default"}' });
        },
        async invitationEmails() {
          const page = await call('GET', `${url}/api/orgs/acme/invitations?limit=10`, 'listing the invitations', {
            token: ADMIN_TOKEN,
          });
          return (JSON.parse(page) as { items: { email: string }[] }).items.map((item) => item.email);
        },
        async outbox(to) {
          const answer = await call('GET', `${url}/__mock/outbox?to=${encodeURIComponent(to)}`, 'reading the outbox');
          return (JSON.parse(answer) as { items: { to: string; kind: string }[] }).items;
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

/** Serves a built app's folder on 127.0.0.1 (`port`, or a free one), /api and /__mock forwarded to the mock. */
export async function serveApp(root: string, mock: MockServer, port = 0): Promise<Site> {
  const { server, origin } = (await serve({ root, api: mock.url, port })) as { server: Server; origin: string };
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

/**
 * `path` of `site` in a fresh context; uncaught errors, failed loads and console errors in it are collected for
 * {@link assertNoPageErrors}.
 */
export async function openApp(
  browser: Browser,
  site: Site,
  path = '/',
  cookies: { name: string; value: string }[] = [],
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: site.origin, locale: 'en-US', timezoneId: 'UTC' });
  await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: site.origin })));
  context.setDefaultTimeout(STEP_TIMEOUT);
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(error.error().message));
  const page = await context.newPage();
  page.on('console', (message) => {
    // Failed loads are reported below with their address.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    // The browser asks for a favicon that none of the apps has: harmless, as on any site without one.
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
      errors.push(`${response.status()} for ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    errors.push(`${request.failure()?.errorText ?? 'failed'}: ${request.method()} ${request.url()}`);
  });
  await page.goto(path);
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
 * Sends one invitation through the table's invite dialog, its address read from an uploaded CSV file; checks that the
 * roles the app set as a property reached the dialog (its role select) and that the app's own listener of
 * `invitekit-invitations-sent` wrote to its output.
 */
export async function inviteThroughDialog(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Invite users' }).click();
  const dialog = await shown(page.getByRole('dialog', { name: 'Invite users' }), 'the invite dialog');
  await shown(dialog.getByRole('combobox', { name: 'Role' }), 'the role select (the `roles` property)');
  // Through "Upload CSV": the CSV parser, loaded on demand, must load from this build too.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: 'Upload CSV' }).click(),
  ]);
  await chooser.setFiles({
    name: 'team.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`name,email\r\nNew Person,${email}\r\n`),
  });
  await shown(dialog.getByText('1 invitation will be sent'), 'the dry run of the address read from the CSV file');
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

/**
 * Starts a built app's own server (`node build`, `next start`) on a free 127.0.0.1 port, with `env`, and waits until
 * it answers `/`; stopping it kills the process. Its output is part of the error when it never answers.
 */
export async function startAppServer(
  dir: string,
  command: string,
  args: string[],
  env: (port: number) => Record<string, string>,
): Promise<Site> {
  const port = await freePort();
  const child = spawn(command, args, {
    cwd: dir,
    env: { ...process.env, ...env(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // The whole process group: `npm`/`next` start children of their own.
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const answer = await fetch(origin, { signal: AbortSignal.timeout(5_000) });
      await answer.arrayBuffer();
      if (answer.ok) return { origin, close: stop };
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${command} ${args.join(' ')} never answered on ${origin}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
