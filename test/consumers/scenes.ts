/**
 * The packed elements look like the sources: every state of every scene in docs/screenshots/scenes (the pages the
 * docs' screenshots come from), built twice by Vite, once from the installed tarballs (apps/scenes) and once from
 * the workspace sources, then shot in Chromium at 375 and 1280 px in the light and dark themes and compared pixel
 * by pixel (pixelmatch). The packed shots and the differences are kept under the cache folder for a person to look at.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { mswWorker, workspaceResolve } from '../../vite.config.js';
import { cacheRoot, repo } from '../../tools/consumer-packages.mjs';

export const scenesDir = join(repo, 'docs/screenshots/scenes');
export const shotsDir = join(cacheRoot, 'screenshots');

const WIDTHS = [375, 1280] as const;
const THEMES = ['light', 'dark'] as const;
/**
 * Two loads of one build can differ in a few anti-aliased pixels at the corners of a rounded box (4 and 5 pixels
 * at a button's and a dialog's corners were seen, once in 108 shots each run); a style that differs changes far more.
 */
const EDGE_PIXELS = 10;

export interface Scene {
  name: string;
  /** `?state=` values the scene lists in `<meta name="states">`; empty for a scene of one state. */
  states: string[];
}

export function scenes(): Scene[] {
  return readdirSync(scenesDir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(join(scenesDir, file), 'utf8');
      const meta = /<meta\s+name=["']states["']\s+content=["']([^"']*)["']/i.exec(html);
      const states = (meta?.[1] ?? '').split(',').map((state) => state.trim());
      return { name: file.slice(0, -5), states: states.filter(Boolean) };
    });
}

/** The scenes built from the workspace sources (the `source` condition), with the same Vite as the packed app. */
export async function buildSourceScenes(outDir: string): Promise<void> {
  const pages = readdirSync(scenesDir).filter((file) => file.endsWith('.html'));
  await build({
    configFile: false,
    root: scenesDir,
    logLevel: 'warn',
    resolve: workspaceResolve,
    plugins: [mswWorker()],
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: Object.fromEntries(pages.map((page) => [page.slice(0, -5), join(scenesDir, page)])) },
    },
  });
}

/** Opens one state of a scene at `width` and waits for the scene's ready flag. */
async function openScene(browser: Browser, origin: string, path: string, width: number): Promise<Page> {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(path);
  try {
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 20_000 });
  } catch (error) {
    await context.close();
    throw new Error(`${origin}${path} never got ready: ${errors.join('; ') || (error as Error).message}`);
  }
  return page;
}

async function shot(page: Page, theme: (typeof THEMES)[number]): Promise<Buffer> {
  await page.emulateMedia({ colorScheme: theme });
  // Transitions finished, caret hidden: two shots of one page are then the same.
  return page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
}

/** Where two shots of one state differ, writing a diff image to `shotsDir`; undefined when they are the same. */
function compareShots(name: string, packedPng: Buffer, sourcePng: Buffer): Difference | undefined {
  // Chromium encodes equal pixels to equal bytes: only shots that differ are decoded and compared.
  if (packedPng.equals(sourcePng)) return undefined;
  const [a, b] = [PNG.sync.read(packedPng), PNG.sync.read(sourcePng)];
  if (a.width !== b.width || a.height !== b.height) {
    return { shot: name, pixels: -1, size: `${a.width}×${a.height} vs ${b.width}×${b.height}` };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const pixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0 });
  if (pixels <= EDGE_PIXELS) return undefined;
  writeFileSync(join(shotsDir, `${name}.diff.png`), PNG.sync.write(diff));
  return { shot: name, pixels };
}

export interface Difference {
  /** `<scene>-<state>-<width>-<theme>` */
  shot: string;
  /** Pixels that differ, or the two sizes when they differ. */
  pixels: number;
  size?: string;
}

/**
 * Shoots every state both ways and compares them; writes each packed shot (and a diff image where they differ) to
 * `shotsDir`. Resolves with every shot that differs, and how many shots were compared.
 */
export async function compareScenes(
  browser: Browser,
  packedOrigin: string,
  sourceOrigin: string,
): Promise<{ compared: number; differences: Difference[] }> {
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  const differences: Difference[] = [];
  let compared = 0;
  for (const scene of scenes()) {
    for (const state of scene.states.length > 0 ? scene.states : ['']) {
      const path = `/${scene.name}.html${state ? `?state=${encodeURIComponent(state)}` : ''}`;
      // One page per state and build, resized from the narrow width to the wide one: half the page loads.
      const [packed, source] = await Promise.all([
        openScene(browser, packedOrigin, path, WIDTHS[0]),
        openScene(browser, sourceOrigin, path, WIDTHS[0]),
      ]);
      try {
        for (const width of WIDTHS) {
          await Promise.all([packed, source].map((page) => page.setViewportSize({ width, height: 800 })));
          for (const theme of THEMES) {
            const name = [scene.name, state, width, theme].filter(Boolean).join('-');
            const [packedPng, sourcePng] = [await shot(packed, theme), await shot(source, theme)];
            writeFileSync(join(shotsDir, `${name}.png`), packedPng);
            compared++;
            const difference = compareShots(name, packedPng, sourcePng);
            if (difference) differences.push(difference);
          }
        }
      } finally {
        await packed.context().close();
        await source.context().close();
      }
    }
  }
  return { compared, differences };
}
