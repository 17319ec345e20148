/**
 * A CPU profile of invitekit-server answering one operation under load (PostgreSQL, one size), to see where a
 * request's time goes: `node --cpu-prof` in the server process, autocannon for a bounded time, then the
 * functions with the most self time. Not part of bench:server; run by hand:
 *   tsx --conditions=source scripts/bench-server/profile.ts [--size 1000] [--op list] [--duration 10] [--dir DIR]
 */
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@invitekit/server';
import { startPostgres } from '../../tools/postgres.js';
import { startServerProcess } from '../../tools/server-process.js';
import { load } from './load.js';
import { operations } from './operations.js';
import { seedBench } from './seed.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000' },
    op: { type: 'string', default: 'list' },
    duration: { type: 'string', default: '10' },
    dir: { type: 'string' },
    top: { type: 'string', default: '40' },
  },
});
const size = Number(values.size);
const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'invitekit-prof-'));
const op = operations(size).find((o) => o.name === values.op);
if (!op) throw new Error(`no operation ${values.op}`);

const postgres = await startPostgres();
try {
  const url = await postgres.createDatabase('prof');
  const database = await openDatabase(url, { timeouts: { statementMs: 600_000 } });
  await seedBench(database.db, Date.now(), size);
  await database.close();
  const server = await startServerProcess(
    ['--port', '0', '--auth', 'scripts/bench-server/auth.ts', '--database', url],
    {},
    60_000,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  );
  await load(server.url, op, 0, { duration: 2, connections: 10 }); // warm up
  const result = await load(server.url, op, 1000, { duration: Number(values.duration), connections: 10 });
  process.stdout.write(`${op.name}: ${result.rps.toFixed(1)}/s p50 ${String(result.p50)} p99 ${String(result.p99)}\n`);
  await server.stop();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    summarize(join(dir, file));
  }
} finally {
  await postgres.stop();
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time per function and, for our own code, inclusive time, in percent of the samples. */
function summarize(file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const name = (n: Node) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(node_modules|packages)\//, '$1/')}:${String(n.callFrame.lineNumber + 1)}`;
  for (const id of profile.samples) {
    const n = byId.get(id);
    if (!n) continue;
    self.set(name(n), (self.get(name(n)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = name(byId.get(cur) as Node);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + 1);
    }
  }
  const n = profile.samples.length;
  const top = Number(values.top);
  const pct = (x: number) => ((100 * x) / n).toFixed(1).padStart(5);
  process.stdout.write(`\n${file}: ${String(n)} samples\nself:\n`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${pct(v)}% ${k}\n`);
  process.stdout.write('inclusive:\n');
  for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) {
    process.stdout.write(`${pct(v)}% ${k}\n`);
  }
}
