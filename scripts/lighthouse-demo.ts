/**
 * `npm run lighthouse:demo [-- --runs 3]`: Lighthouse (mobile, its default: a mid-range phone on a slow 4G link,
 * simulated) on the server-backed demo's pages, as the README reports them. Starts `npm run demo:server` on a free
 * port with a fresh database, runs Lighthouse's performance category `--runs` times per page, each in a fresh
 * browser profile, and prints the median of each figure. Not part of `npm test`: Lighthouse is fetched by `npx`
 * (lighthouse@13, a large tool the repo does not need to install) and a run takes a few minutes.
 */
import { execFile } from 'node:child_process';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { startDemoServer } from '../tools/demo-server-process.js';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const LIGHTHOUSE = 'lighthouse@13.5.0';
const PAGES = ['/', '/mailbox/', '/login/'];

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, not ${values.runs}`);

interface Figures {
  performance: number;
  cls: number;
  lcpMs: number;
  tbtMs: number;
}

async function lighthouse(url: string): Promise<Figures> {
  const { stdout } = await promisify(execFile)(
    'npx',
    [
      '--yes',
      LIGHTHOUSE,
      url,
      '--quiet',
      '--only-categories=performance',
      '--output=json',
      '--output-path=stdout',
      `--chrome-flags=--headless=new ${chromiumArgs.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
  );
  const report = JSON.parse(stdout) as {
    categories: { performance: { score: number } };
    audits: Record<string, { numericValue: number }>;
  };
  const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    cls: audit('cumulative-layout-shift'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
  };
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const demo = await startDemoServer();
try {
  console.log(
    `\nLighthouse mobile on npm run demo:server (${demo.origin}), median of ${String(runs)} runs per page:\n`,
  );
  console.log(
    `${'page'.padEnd(12)}${'performance'.padStart(12)}${'CLS'.padStart(8)}${'LCP'.padStart(10)}${'TBT'.padStart(10)}`,
  );
  for (const path of PAGES) {
    const results: Figures[] = [];
    for (let i = 0; i < runs; i++) results.push(await lighthouse(`${demo.origin}${path}`));
    const m = (pick: (f: Figures) => number) => median(results.map(pick));
    console.log(
      `${path.padEnd(12)}${String(m((f) => f.performance)).padStart(12)}${m((f) => f.cls)
        .toFixed(3)
        .padStart(
          8,
        )}${`${(m((f) => f.lcpMs) / 1000).toFixed(1)} s`.padStart(10)}${`${String(Math.round(m((f) => f.tbtMs)))} ms`.padStart(10)}` +
        `   (performance per run: ${results.map((f) => f.performance).join(', ')})`,
    );
  }
} finally {
  await demo.stop();
}
