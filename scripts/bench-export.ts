/**
 * `npm run bench:export`: the CSV export of a large organization, measured on the server process. The
 * `invitekit-server` CLI runs as its own process on PostgreSQL 15 and on PGlite, over a database seeded with `--size`
 * invitations in acme (scripts/bench-server/seed.ts, all of them pending or expired: the export's default filter
 * takes every one). For each, one export over HTTP on 127.0.0.1: its status and rows, time to first byte, total
 * time, and the server's peak memory during it (RSS: the kernel's high-water mark, reset just before; main-thread
 * heap: sampled every 5 ms by scripts/bench-export/probe.mjs inside the server).
 * With `--baseline <git ref>`, the same database is exported by the server of that commit too (a temporary
 * worktree sharing this checkout's node_modules), in the same run, and the ratios are printed.
 *   npm run bench:export [-- --size 100000 --targets postgres,pglite --baseline <ref>]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '@invitekit/server';
import { type RunningPostgres, startPostgres } from '../tools/postgres.js';
import { type Measure, measureExport } from './bench-export/measure.js';
import { seedBench } from './bench-server/seed.js';

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

async function seeded(target: string, postgres: RunningPostgres | null, cleanup: (() => unknown)[]) {
  if (target === 'postgres') {
    if (!postgres) throw new Error('no PostgreSQL');
    const url = await postgres.createDatabase(`export_${String(size)}`);
    // Seeding is one long statement, past the server's statement timeout.
    const database = await openDatabase(url, { timeouts: { statementMs: 600_000 } });
    await seedBench(database.db, Date.now(), size);
    await database.close();
    return ['--database', url];
  }
  const dir = mkdtempSync(join(tmpdir(), 'invitekit-export-'));
  cleanup.push(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const database = await openDatabase({ pglite: dir });
  await seedBench(database.db, Date.now(), size);
  await database.close();
  return ['--data', dir];
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
    const flags = await seeded(target, postgres, cleanup);
    let before: Measure | undefined;
    for (const [build, dir] of builds) {
      const m = await measureExport(dir, flags, size);
      print(target, build, m, build === 'now' ? before : undefined);
      if (build === 'before') before = m;
    }
  }
} finally {
  for (const step of cleanup) await step();
}
