/**
 * `npm run bench:export`: the CSV export of a large organization, measured on the server process. The
 * `invitekit-server` CLI runs as its own process on PostgreSQL 15 and on PGlite, over a database seeded with `--size`
 * invitations in acme (scripts/bench-server/seed.ts, all of them pending or expired: the export's default filter
 * takes every one), seeded by the measured checkout's own code. For each, one export over HTTP on 127.0.0.1: its status and rows, time to first byte, total
 * time, and the server's peak memory during it (RSS: the kernel's high-water mark, reset just before; main-thread
 * heap: sampled every 5 ms by scripts/bench-export/probe.mjs inside the server).
 * With `--baseline <git ref>`, the same database is exported by the server of that commit too (a temporary
 * worktree sharing this checkout's node_modules), in the same run, and the ratios are printed.
 *   npm run bench:export [-- --size 100000 --targets postgres,pglite --baseline <ref>]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type RunningPostgres, startPostgres } from '../tools/postgres.js';
import { type Measure, measureExport } from './bench-export/measure.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    targets: { type: 'string', default: 'postgres,pglite' },
    baseline: { type: 'string' },
  },
});
const size = Number(values.size);
const targets = values.targets.split(',');

/** A checkout of `ref` beside this one, with this checkout's node_modules (hard links; its own workspace links). */
function baselineCheckout(ref: string, cleanup: (() => unknown)[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'invitekit-export-baseline-'));
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: ROOT, stdio: 'ignore' });
  cleanup.unshift(() => execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' }));
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  return dir;
}

let databases = 0;

/**
 * Seeds a database with the code of checkout `dir` (its own migrations and bench seed: a database migrated by one
 * commit is refused by another that lacks a migration), in a child process there; answers the server's flags.
 */
async function seeded(dir: string, target: string, postgres: RunningPostgres | null, cleanup: (() => unknown)[]) {
  let option: string;
  let flags: string[];
  if (target === 'postgres') {
    if (!postgres) throw new Error('no PostgreSQL');
    option = await postgres.createDatabase(`export_${String(size)}_${String(++databases)}`);
    flags = ['--database', option];
  } else {
    option = mkdtempSync(join(tmpdir(), 'invitekit-export-'));
    cleanup.push(() => {
      rmSync(option, { recursive: true, force: true });
    });
    flags = ['--data', option];
  }
  // Seeding is one long statement, past the server's statement timeout.
  const script = `
    const { seedBench } = await import('./bench-server/seed.ts');
    const { openDatabase } = await import('@invitekit/server');
    const [option, size] = process.argv.slice(-2);
    const database = await openDatabase(option.startsWith('postgres') ? option : { pglite: option },
      { timeouts: { statementMs: 600000 } });
    await seedBench(database.db, Date.now(), Number(size));
    await database.close();`;
  // A file in the checkout (PGlite's worker needs a module with a real URL, not an --eval).
  const file = join(dir, 'scripts', `bench-export-seed-${String(process.pid)}.mts`);
  writeFileSync(file, script);
  try {
    execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', file, option, String(size)], {
      cwd: dir,
      stdio: 'inherit',
    });
  } finally {
    rmSync(file);
  }
  return flags;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ratio = (after: number, before: number | undefined) =>
  before === undefined ? '' : ` (${(after / before).toFixed(2)}×)`;

function print(target: string, build: string, m: Measure, before?: Measure): void {
  process.stdout.write(
    `${target.padEnd(8)} ${build.padEnd(9)} ${String(m.status)} ${String(m.rows).padStart(7)} rows ` +
      `${mb(m.bytes)} MB  first byte ${m.firstByteMs.toFixed(0)} ms${ratio(m.firstByteMs, before?.firstByteMs)}  ` +
      `total ${m.totalMs.toFixed(0)} ms${ratio(m.totalMs, before?.totalMs)}  ` +
      `peak RSS ${mb(m.peakRss)} MB${ratio(m.peakRss, before?.peakRss)} (idle ${mb(m.idleRss)})  ` +
      `peak heap ${mb(m.peakHeap)} MB${ratio(m.peakHeap, before?.peakHeap)}\n`,
  );
}

const cleanup: (() => unknown)[] = [];
try {
  const builds: [string, string][] = [];
  if (values.baseline) builds.push([`before`, baselineCheckout(values.baseline, cleanup)]);
  builds.push(['now', ROOT]);
  const postgres = targets.includes('postgres') ? await startPostgres() : null;
  if (postgres) cleanup.push(() => postgres.stop());
  process.stdout.write(
    `export of ${String(size)} invitations (${values.baseline ? `before = ${values.baseline}` : 'no baseline'})\n`,
  );
  for (const target of targets) {
    let before: Measure | undefined;
    for (const [build, dir] of builds) {
      const m = await measureExport(dir, await seeded(dir, target, postgres, cleanup), size);
      print(target, build, m, build === 'now' ? before : undefined);
      if (build === 'before') before = m;
    }
  }
} finally {
  for (const step of cleanup) await step();
}
