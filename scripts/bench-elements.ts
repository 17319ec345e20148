/**
 * Rendering cost of `<invitation-table>` against the plain-DOM floor, in Chromium:
 *
 *   npm run bench:elements [-- --iterations 15] [-- --screenshots <dir>]
 *
 * Each iteration renders a 100-row page of the element (first render, then a re-sort by Email), and the same rows
 * as a plain table built with createElement, in the same page and run, alternating so that both see the same
 * machine. Prints the median of each and the ratio element / plain. Not part of `npm test`: timings on a shared
 * machine are not pass/fail material.
 *
 * `--screenshots <dir>` also writes the table at 375 and 1280 px in both themes, for looking at the layout.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const { values } = parseArgs({
  options: { iterations: { type: 'string', default: '15' }, screenshots: { type: 'string' } },
});
const iterations = Number(values.iterations);
if (!Number.isInteger(iterations) || iterations < 1)
  throw new Error(`--iterations takes a whole number, not "${values.iterations}"`);

const repo = fileURLToPath(new URL('..', import.meta.url));
const bundle = await build({
  entryPoints: [join(repo, 'scripts/bench-elements.page.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  write: false,
  conditions: ['source', 'browser'],
  tsconfig: join(repo, 'tsconfig.json'),
  logLevel: 'error',
});
const script = bundle.outputFiles[0]?.text ?? '';

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const origin = 'http://bench.invitekit.test';
  await page.route(`${origin}/**`, (route) =>
    route.fulfill(
      route.request().url().endsWith('.js')
        ? { body: script, contentType: 'text/javascript' }
        : {
            body: '<!doctype html><html lang="en"><body><script type="module" src="/bench.js"></script></body></html>',
            contentType: 'text/html',
          },
    ),
  );
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'bench' in window);

  if (values.screenshots) await screenshots(page, values.screenshots);

  // One unmeasured round each, so that the first measured one does not pay for compiling and caches.
  const run = (which: 'benchElement' | 'benchPlain') =>
    page.evaluate((fn) => window.bench[fn](window.bench.invitations(100)), which);
  await run('benchElement');
  await run('benchPlain');
  const element = { first: [] as number[], resort: [] as number[] };
  const plain = { first: [] as number[], resort: [] as number[] };
  for (let i = 0; i < iterations; i++) {
    const e = await run('benchElement');
    const p = await run('benchPlain');
    element.first.push(e.first);
    element.resort.push(e.resort);
    plain.first.push(p.first);
    plain.resort.push(p.resort);
  }
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const at = (i: number) => sorted[i] ?? Number.NaN;
    return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  };
  console.log(`<invitation-table>, 100 rows, Chromium, median of ${iterations} (ms):`);
  for (const what of ['first', 'resort'] as const) {
    const e = median(element[what]);
    const p = median(plain[what]);
    const label = what === 'first' ? 'first render' : 're-sort     ';
    console.log(`  ${label}  element ${e.toFixed(2)}  plain DOM ${p.toFixed(2)}  ratio ${(e / p).toFixed(2)}x`);
  }
} finally {
  await browser.close();
}

async function screenshots(page: import('playwright-core').Page, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const width of [375, 1280]) {
    for (const theme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(async (theme) => {
        document.body.replaceChildren();
        document.body.style.cssText = `margin: 0; padding: 16px; background: ${theme === 'dark' ? '#0d1117' : '#fff'}`;
        const el = document.createElement('invitation-table') as HTMLElement & {
          client: unknown;
          updateComplete: Promise<unknown>;
        };
        el.setAttribute('theme', theme);
        el.setAttribute('page-size', '8');
        el.client = window.bench.memoryClient(window.bench.invitations(8));
        document.body.append(el);
        while (!el.shadowRoot?.querySelector('tbody tr[part="row"]')) await new Promise((r) => setTimeout(r, 10));
      }, theme);
      await page.screenshot({ path: join(dir, `invitation-table-${width}-${theme}.png`), fullPage: true });
    }
  }
  await page.evaluate(() => {
    document.body.replaceChildren();
  });
  await page.setViewportSize({ width: 1280, height: 900 });
}
