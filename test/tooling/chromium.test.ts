/** scripts/chromium.mjs: the browser tests find a browser by themselves, or stop at once with one line. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, INSTALL_HINT } from '../../scripts/chromium.mjs';

const script = fileURLToPath(new URL('../../scripts/chromium.mjs', import.meta.url));

/** A scratch directory holding an executable file at each of `names`. */
function fakeBrowsers(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'chromium-test-'));
  for (const name of names) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('findChromium', () => {
  it('takes CHROME_PATH first, before PATH and the install paths', () => {
    const dir = fakeBrowsers('mine/chrome', 'bin/chromium', 'usr/bin/chromium');
    const env = { CHROME_PATH: join(dir, 'mine/chrome'), PATH: join(dir, 'bin') };
    assert.deepEqual(findChromium(env, [join(dir, 'usr/bin/chromium')]), { path: join(dir, 'mine/chrome') });
  });

  it('looks on PATH for chromium, then google-chrome, skipping files that are not executable', () => {
    const dir = fakeBrowsers('a/google-chrome', 'b/chromium');
    writeFileSync(join(dir, 'a/chromium'), 'not executable');
    const env = { PATH: [join(dir, 'a'), join(dir, 'b')].join(':') };
    assert.deepEqual(findChromium(env, []), { path: join(dir, 'a/google-chrome') });
  });

  it('falls back to the usual install paths (macOS app bundles among them)', () => {
    const dir = fakeBrowsers('Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const installs = [
      join(dir, 'usr/bin/chromium'),
      join(dir, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    ];
    assert.deepEqual(findChromium({ PATH: '' }, installs), { path: installs[1] });
  });

  it('without any browser, answers one line saying what to install', () => {
    const found = findChromium({ PATH: fakeBrowsers() }, []);
    assert.deepEqual(found, { error: `No Chromium or Chrome found: ${INSTALL_HINT}.` });
    assert.match(INSTALL_HINT, /apt-get install chromium.*brew install --cask chromium.*CHROME_PATH/);
  });

  it('refuses a CHROME_PATH that names no executable rather than starting another browser', () => {
    const dir = fakeBrowsers('bin/chromium');
    const found = findChromium({ CHROME_PATH: join(dir, 'missing'), PATH: join(dir, 'bin') }, []);
    assert.deepEqual(found, {
      error: `CHROME_PATH is ${join(dir, 'missing')}, which is not an executable file: ${INSTALL_HINT}.`,
    });
  });
});

describe('node scripts/chromium.mjs (the check npm test runs first)', () => {
  it('exits 1 with exactly one line on stderr when the browser is missing', () => {
    const missing = join(fakeBrowsers(), 'chromium');
    const run = spawnSync(process.execPath, [script], { env: { CHROME_PATH: missing, PATH: '' }, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `CHROME_PATH is ${missing}, which is not an executable file: ${INSTALL_HINT}.\n`);
  });

  it('exits 0 silently when a browser is found', () => {
    const dir = fakeBrowsers('bin/chromium');
    const run = spawnSync(process.execPath, [script], { env: { PATH: join(dir, 'bin') }, encoding: 'utf8' });
    assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
  });
});
