/**
 * `npm run demo:server` as someone would run it: the demo built for @invitekit/server ships no in-page mock (msw and
 * the rules engine stay out of every file the pages load), its files are served compressed, and a new member is
 * signed in by the host's own sign-in after accepting.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { followNewestLink, journey, shown, signInAs, toolbar } from './harness.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
let child: ChildProcess | undefined;
let browser: Browser | undefined;
let origin = '';
const data = mkdtempSync(join(tmpdir(), 'invitekit-demo-server-test-'));

before(async () => {
  const started = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'scripts/demo-server.ts', '--port', '0', '--data', data],
    { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  child = started;
  origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      reject(new Error(`demo:server did not start:\n${out}`));
    }, 240_000);
    started.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    started.once('exit', (code) => {
      reject(new Error(`demo:server exited (${String(code)}):\n${out}`));
    });
  });
});

after(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(data, { recursive: true, force: true });
});

/** The scripts a page loads, by the module graph of its HTML (entry and static imports of each chunk). */
async function scriptsOf(page: string): Promise<Map<string, string>> {
  const html = await (await fetch(`${origin}${page}`)).text();
  const pending = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const seen = new Map<string, string>();
  while (pending.length) {
    const path = pending.pop() ?? '';
    if (seen.has(path)) continue;
    const text = await (await fetch(`${origin}${path}`)).text();
    seen.set(path, text);
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g)) pending.push(`/assets/${m[1] ?? ''}`);
  }
  return seen;
}

describe('npm run demo:server', { timeout: 300_000 }, () => {
  it('ships no in-page mock on any page', async () => {
    for (const page of ['/', '/login/', '/redeem/', '/mailbox/']) {
      const scripts = await scriptsOf(page);
      assert.ok(scripts.size > 0, `${page} loads scripts`);
      for (const [path, text] of scripts) {
        assert.ok(!text.includes('mockServiceWorker'), `${page}: ${path} carries the MSW worker`);
        assert.ok(!text.includes('startMockWorker'), `${page}: ${path} carries the in-page mock`);
      }
    }
  });

  it('signs the new member in after accepting, through the host’s sign-in, and lands them in the product', async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    await journey({ origin, browser, close: () => Promise.resolve() }, async (page) => {
      await page.goto('/');
      await page.getByRole('button', { name: 'Invite users' }).click();
      const dialog = await shown(page.getByRole('dialog', { name: 'Invite users' }));
      await dialog.getByRole('textbox', { name: 'Email addresses' }).fill('sam@example.com');
      await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Admin' });
      await shown(dialog.getByText('1 invitation will be sent'));
      await dialog.getByRole('button', { name: 'Send invitations' }).click();
      await shown(dialog.getByText('1 invitation sent'));

      await signInAs(page, 'Signed out');
      await followNewestLink(page, 'sam@example.com');
      await page.getByRole('textbox', { name: 'Your name' }).fill('Sam Reyes');
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await page.getByRole('link', { name: 'Continue to Acme Inc.' }).click();
      await page.waitForURL((url) => url.pathname === '/');

      // Signed in as Sam, whom the server knows through the host's authenticate: joined as Admin, Sam may invite.
      await shown(page.getByText('Welcome to Acme Inc., Sam Reyes. You joined as Admin.'));
      await shown(page.getByRole('banner').getByText('Sam Reyes'));
      await shown(page.getByRole('button', { name: 'Invite users' }));
      await shown(page.getByRole('table', { name: /Members of Acme Inc/ }).getByRole('cell', { name: 'Sam Reyes' }));

      // Later, signed out: the login page's own form signs Sam in by address.
      await signInAs(page, 'Signed out');
      await page.goto('/login/');
      await page.getByRole('textbox', { name: 'Work email' }).fill('sam@example.com');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await shown(page.getByRole('banner').getByText('Sam Reyes'));
      await shown(toolbar(page));
    });
  });

  it('serves its files compressed (brotli, else gzip), hashed assets cached for good', async () => {
    const page = await fetch(`${origin}/`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(page.headers.get('content-encoding'), 'br');
    assert.equal(page.headers.get('vary'), 'accept-encoding');
    const [script] = (await (await fetch(`${origin}/`)).text()).match(/\/assets\/[^"]+\.js/) ?? [];
    assert.ok(script);
    const gz = await fetch(`${origin}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.match(gz.headers.get('cache-control') ?? '', /immutable/);
    const plain = await fetch(`${origin}${script}`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await gz.text(), await plain.text(), 'the same file, decoded');
  });
});
