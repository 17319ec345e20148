/**
 * `npm run bench:server`: what each operation of the contract costs as an organization grows, measured from
 * outside. `invitekit-server` runs as its own process (the CLI, with a host's sign-in: bench-server/auth.ts) on
 * PostgreSQL 15 and on PGlite, with 1,000 and with 100,000 invitations in one organization; autocannon drives
 * every operation over HTTP on 127.0.0.1 (reads for a set duration, writes a fixed number of requests, each on
 * records of its own). Beside it: the floor for the list page (bare node:http + pg running invitekit's own list
 * statements), and the statements one request of each operation costs on PostgreSQL (pg_stat_statements).
 * The sizes run side by side and take turns, operation by operation, `--runs` times: a ratio compares figures
 * taken seconds apart, so the load of a shared machine (printed) moves it little. Medians are reported; a ratio is
 * the median of each run's own ratio. Where one request's time goes: scripts/bench-server/profile.ts.
 *   npm run bench:server [-- --sizes 1000,100000 --targets postgres,pglite --duration 2 --runs 3
 *                           --connections 10 --only REGEX --statements --statements-only]
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type RunningPostgres, startPostgres } from '../tools/postgres.js';
import { countStatements, load, once } from './bench-server/load.js';
import { type Operation, operations } from './bench-server/operations.js';
import { type Row, report } from './bench-server/report.js';
import { type Running, type Target, start } from './bench-server/targets.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,100000' },
    targets: { type: 'string', default: 'postgres,pglite' },
    duration: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    statements: { type: 'boolean', default: false },
    'statements-only': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const targets = values.targets.split(',') as Target[];
const runs = Number(values.runs);
const settings = { duration: Number(values.duration), connections: Number(values.connections) };
const only = values.only === undefined ? null : new RegExp(values.only, 'i');
const FLOOR: Operation = {
  name: 'list floor (node:http + pg)',
  method: 'GET',
  path: () => '/',
  admin: false,
  expect: 200,
  flat: true,
};
const load1 = () => loadavg()[0]?.toFixed(2) ?? '?';
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const pause = () => new Promise((resolve) => setTimeout(resolve, 300)); // requests cut off at a deadline drain

function log(row: Row): void {
  const s = row.statements === null ? '' : ` ${String(row.statements)} statements`;
  const bad = row.unexpected ? ` UNEXPECTED ${row.unexpected}` : '';
  process.stderr.write(
    `  ${row.target} ${String(row.size)} ${row.op}: ${row.rps.toFixed(1)}/s p50 ${String(row.p50)} p99 ${String(row.p99)} ms${s}${bad}\n`,
  );
}

/** One request of each operation on a quiet server: its statements (PostgreSQL), or a failure to note. */
async function firstRequests(server: Running, ops: Operation[], rows: Row[]): Promise<Map<string, number | null>> {
  const statements = new Map<string, number | null>();
  for (const op of ops) {
    try {
      if (!server.client) {
        await once(server.url, op, 0);
        statements.set(op.name, null);
        continue;
      }
      const counted = await countStatements(server.client, () => once(server.url, op, 0));
      statements.set(op.name, counted.total);
      if (values.statements) {
        process.stderr.write(`  ${op.name}:\n${counted.statements.map((s) => `    ${s}\n`).join('')}`);
      }
    } catch (error) {
      // Noted under the table; the other operations are still measured.
      const reason = error instanceof Error ? error.message.slice(0, 300) : String(error);
      const row = { op: op.name, target: server.target, size: server.size, statements: null, load: load1(), run: 0 };
      rows.push({ ...row, rps: NaN, p50: NaN, p99: NaN, requests: 0, unexpected: `failed: ${reason}` });
    }
  }
  return statements;
}

/**
 * The list, which is compared with its floor, is measured in 1-second turns, as many as `--runs` turns of
 * `--duration` seconds hold (the same time in all): a burst of load from another job on the machine then falls on
 * a few short turns of both the list and the floor, rather than on one long turn of one of them. Other operations
 * take `--runs` turns of `--duration` seconds.
 */
function turnsOf(name: string): { turns: number; turnSettings: typeof settings } {
  if (name !== 'list') return { turns: runs, turnSettings: settings };
  const turns = runs * Math.max(1, Math.round(settings.duration));
  return { turns, turnSettings: { ...settings, duration: (settings.duration * runs) / turns } };
}

/**
 * A read's servers answer it for a second, unmeasured, before its turns: the first turn otherwise also measures
 * V8 compiling that operation's code (the list's first turn read about a fifth slower than the next). The floor
 * is warmed with the list. Writes are not: each request uses up a record of its own.
 */
async function warmUp(plans: { server: Running; ops: Operation[] }[], name: string): Promise<void> {
  for (const { server, ops } of plans) {
    const op = ops.find((o) => o.name === name);
    if (!op || op.amount !== undefined) continue;
    const warm = { ...settings, duration: 1 };
    await load(server.url, op, 0, warm);
    if (name === 'list' && server.floorUrl) await load(server.floorUrl, FLOOR, 0, warm);
    await pause();
  }
}

async function runTarget(target: Target, postgres: RunningPostgres | null, rows: Row[]): Promise<void> {
  const cleanup: (() => unknown)[] = [];
  try {
    const servers: Running[] = [];
    for (const size of sizes) {
      const started = performance.now();
      servers.push(await start(target, size, postgres, cleanup));
      process.stderr.write(`${target} at ${String(size)}: ready in ${(performance.now() - started).toFixed(0)} ms\n`);
    }
    const plans = servers.map((server) => ({
      server,
      ops: operations(server.size).filter((o) => !only || only.test(o.name)),
    }));
    const counts = new Map<Running, Map<string, number | null>>();
    for (const { server, ops } of plans) counts.set(server, await firstRequests(server, ops, rows));
    if (values['statements-only']) {
      for (const [server, statements] of counts) {
        for (const [op, n] of statements) {
          rows.push({
            op,
            target,
            size: server.size,
            statements: n,
            load: load1(),
            run: 0,
            rps: NaN,
            p50: NaN,
            p99: NaN,
            requests: 0,
            unexpected: '',
          });
        }
      }
      return;
    }
    const names = plans[0]?.ops.map((o) => o.name) ?? [];
    for (const name of names) {
      await warmUp(plans, name);
      const { turns, turnSettings } = turnsOf(name);
      // Every size in turn, `turns` times over: the sizes meet the same moment's load.
      for (let run = 0; run < turns; run++) {
        for (const { server, ops } of plans) {
          const op = ops.find((o) => o.name === name);
          const statements = counts.get(server)?.get(name);
          if (!op || statements === undefined) continue; // its first request failed
          const first = 1 + run * (op.amount ?? 100_000);
          const row = { op: name, target, size: server.size, statements, load: load1(), run };
          const measure = async (url: string, measured: Operation, fields: Partial<Row>) => {
            rows.push({ ...row, ...fields, ...(await load(url, measured, first, turnSettings)) });
            log(rows[rows.length - 1] as Row);
            await pause();
          };
          const floorUrl = name === 'list' ? server.floorUrl : null;
          // The list and its floor take turns going first, so that neither always meets the later moment's load.
          if (floorUrl && run % 2 === 1) await measure(floorUrl, FLOOR, { op: FLOOR.name, statements: null });
          await measure(server.url, op, {});
          if (floorUrl && run % 2 === 0) await measure(floorUrl, FLOOR, { op: FLOOR.name, statements: null });
        }
      }
    }
  } finally {
    for (const step of cleanup) await step();
  }
}

async function main(): Promise<void> {
  const startLoad = loads();
  const postgres = targets.includes('postgres')
    ? await startPostgres({ shared_preload_libraries: 'pg_stat_statements' })
    : null;
  const rows: Row[] = [];
  try {
    for (const target of targets) await runTarget(target, postgres, rows);
  } finally {
    await postgres?.stop();
  }
  process.stdout.write(
    `${new Date().toISOString()}, ${String(cpus().length)} cores, load average ${startLoad} at start, ${loads()} at end; ` +
      `${String(settings.connections)} connections, reads ${String(settings.duration)} s, ${String(runs)} runs each (medians)\n\n`,
  );
  process.stdout.write(report(rows, sizes, targets));
}

await main();
