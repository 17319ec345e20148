/**
 * `npm run bench:server`: what each operation of the contract costs as an organization grows, measured from
 * outside. `invitekit-server` runs as its own process (the CLI, with a host's sign-in: bench-server/auth.ts) on
 * PostgreSQL 15 and on PGlite, at 1,000 and 100,000 invitations in one organization; autocannon drives every
 * operation over HTTP on 127.0.0.1 (reads for a set duration, writes a fixed number of requests, each on records
 * of its own). In the same run:
 * the floor for the list page (bare node:http + pg running invitekit's own list statements), and the statements
 * one request of each operation costs on PostgreSQL (pg_stat_statements). Ratios are taken within the run: the
 * machine's load (printed) moves absolute figures, not much the ratios.
 *   npm run bench:server [-- --sizes 1000,100000 --targets postgres,pglite --duration 3 --connections 10
 *                           --only REGEX --statements --statements-only]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../packages/server/src/db/connect.js';
import { type RunningPostgres, startPostgres } from '../test/server/postgres.js';
import { startServerProcess } from '../test/server/server-process.js';
import { type LoadResult, countStatements, load, once } from './bench-server/load.js';
import { type Operation, operations } from './bench-server/operations.js';
import { seedBench } from './bench-server/seed.js';
import { type Row, report } from './bench-server/report.js';

type Target = 'postgres' | 'pglite';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,100000' },
    targets: { type: 'string', default: 'postgres,pglite' },
    duration: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    statements: { type: 'boolean', default: false },
    'statements-only': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const targets = values.targets.split(',') as Target[];
const settings = { duration: Number(values.duration), connections: Number(values.connections) };
const only = values.only === undefined ? null : new RegExp(values.only, 'i');
const load1 = () => loadavg()[0]?.toFixed(2) ?? '?';

/** Starts the floor server (floor.ts) and waits for its line. */
function startFloor(url: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'scripts/bench-server/floor.ts', url],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /floor listening on (http:\S+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => {
      reject(new Error(`the floor exited with ${String(code)}`));
    });
  });
}

/** A database of `size` invitations for the target; answers the server's database flags. */
async function prepare(target: Target, size: number, postgres: RunningPostgres | null, cleanup: (() => unknown)[]) {
  if (target === 'postgres' && postgres) {
    const url = await postgres.createDatabase(`bench_${String(size)}`);
    const database = await openDatabase(url);
    await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`.execute(database.db);
    await seedBench(database.db, Date.now(), size);
    await database.close();
    return { flags: ['--database', url], url };
  }
  const dir = mkdtempSync(join(tmpdir(), 'invitekit-bench-'));
  cleanup.push(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const database = await openDatabase({ pglite: dir });
  await seedBench(database.db, Date.now(), size);
  await database.close();
  return { flags: ['--data', dir], url: null };
}

async function runTarget(target: Target, size: number, postgres: RunningPostgres | null, rows: Row[]) {
  const cleanup: (() => unknown)[] = [];
  try {
    const started = performance.now();
    const database = await prepare(target, size, postgres, cleanup);
    const server = await startServerProcess(
      ['--port', '0', '--auth', 'scripts/bench-server/auth.ts', ...database.flags],
      {},
      180_000,
    );
    cleanup.unshift(() => server.stop());
    process.stderr.write(`${target} at ${String(size)}: ready in ${(performance.now() - started).toFixed(0)} ms\n`);
    const client = database.url ? new pg.Client({ connectionString: database.url }) : null;
    if (client) {
      await client.connect();
      cleanup.unshift(() => client.end());
    }
    const add = (op: string, result: LoadResult, statements: number | null) => {
      rows.push({ op, target, size, ...result, statements, load: load1() });
      const s = statements === null ? '' : ` ${String(statements)} statements`;
      const bad = result.unexpected ? ` UNEXPECTED ${result.unexpected}` : '';
      process.stderr.write(
        `  ${op}: ${result.rps.toFixed(1)}/s p50 ${String(result.p50)} p99 ${String(result.p99)} ms${s}${bad}\n`,
      );
    };
    const ops = operations(size).filter((o: Operation) => !only || only.test(o.name));
    // Statements first, one request at a time on a quiet server (no load still draining), then the load.
    const statements = new Map<string, number | null>();
    const failed = new Map<string, string>();
    for (const op of ops) {
      try {
        if (!client) {
          await once(server.url, op, 0);
          continue;
        }
        const counted = await countStatements(client, () => once(server.url, op, 0));
        statements.set(op.name, counted.total);
        if (values.statements) {
          process.stderr.write(`  ${op.name}:\n${counted.statements.map((s) => `    ${s}\n`).join('')}`);
        }
      } catch (error) {
        // Recorded in the table's notes; the other operations are still measured.
        failed.set(op.name, error instanceof Error ? error.message.slice(0, 300) : String(error));
      }
    }
    const none = { rps: NaN, p50: NaN, p99: NaN, requests: 0 };
    for (const [name, reason] of failed) add(name, { ...none, unexpected: `failed: ${reason}` }, null);
    if (values['statements-only']) {
      for (const op of ops.filter((o) => !failed.has(o.name))) {
        add(op.name, { ...none, unexpected: '' }, statements.get(op.name) ?? null);
      }
      return;
    }
    for (const op of ops.filter((o) => !failed.has(o.name))) {
      add(op.name, await load(server.url, op, 1, settings), statements.get(op.name) ?? null);
      await new Promise((resolve) => setTimeout(resolve, 300)); // requests cut off at the deadline drain
    }
    if (database.url && (!only || only.test('list'))) {
      const floor = await startFloor(database.url);
      cleanup.unshift(() => floor.child.kill('SIGTERM'));
      const op: Operation = { name: 'floor', method: 'GET', path: () => '/', admin: false, expect: 200, flat: true };
      add('list floor (node:http + pg)', await load(floor.url, op, 0, settings), null);
    }
  } finally {
    for (const step of cleanup) await step();
  }
}

async function main(): Promise<void> {
  const startLoad = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const postgres = targets.includes('postgres')
    ? await startPostgres({ shared_preload_libraries: 'pg_stat_statements' })
    : null;
  const rows: Row[] = [];
  try {
    for (const size of sizes) for (const target of targets) await runTarget(target, size, postgres, rows);
  } finally {
    await postgres?.stop();
  }
  const endLoad = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  process.stdout.write(
    `${new Date().toISOString()}, ${String(cpus().length)} cores, load average ${startLoad} at start, ${endLoad} at end; ` +
      `${String(settings.connections)} connections, reads ${String(settings.duration)} s each\n\n`,
  );
  process.stdout.write(report(rows, sizes, targets));
}

await main();
