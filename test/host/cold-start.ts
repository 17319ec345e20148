/**
 * Cold start of `invitekit-server`: from spawning the process to the first answered request, on an empty PGlite
 * directory and on an existing (migrated) one. Runs each given CLI entry in turn, alternating, so that the
 * figures of one run share the machine's load; prints medians and the ratio to the first entry (the baseline).
 *   node --import tsx test/host/cold-start.ts [--runs 3] BASELINE_CLI [OTHER_CLI...]
 * A `.ts` entry runs through tsx with the `source` condition (run it from the checkout it belongs to).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../tools/free-port.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' } },
});
const RUNS = Number(values.runs);
// The host's sign-in (nobody, here): --dev-auth would also load the demo data into an empty directory.
const AUTH = join(mkdtempSync(join(tmpdir(), 'invitekit-cold-auth-')), 'auth.mjs');
writeFileSync(AUTH, 'export const authenticate = () => null;\n');
const TIMEOUT_MS = 180_000;

/** Milliseconds from spawn to the first HTTP answer; the process is stopped and awaited afterwards. */
async function coldStart(cli: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const args = cli.endsWith('.ts') ? ['--conditions=source', '--import', 'tsx', cli] : [cli];
  const root = cli.endsWith('.ts') ? resolve(dirname(cli), '../../..') : process.cwd();
  const started = performance.now();
  const child = spawn(process.execPath, [...args, '--port', String(port), '--data', dataDir, '--auth', AUTH], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((done) => child.once('exit', done));
  try {
    for (;;) {
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`${cli} gave no answer in ${TIMEOUT_MS} ms`);
      try {
        // A short deadline per try: a server that listens before it can answer leaves a request hanging.
        const response = await fetch(`http://127.0.0.1:${String(port)}/api/invites/cold-start-probe`, {
          signal: AbortSignal.timeout(1000),
        });
        await response.arrayBuffer();
        return performance.now() - started;
      } catch {
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;
const results = positionals.map((cli) => ({ cli, empty: [] as number[], existing: [] as number[] }));
for (let run = 0; run < RUNS; run++) {
  for (const result of results) {
    const dir = join(mkdtempSync(join(tmpdir(), 'invitekit-cold-')), 'data');
    result.empty.push(await coldStart(resolve(result.cli), dir));
    result.existing.push(await coldStart(resolve(result.cli), dir));
  }
}
const base = results[0];
for (const r of results) {
  const ratio = (kind: 'empty' | 'existing') => (base ? (median(r[kind]) / median(base[kind])).toFixed(2) : '1.00');
  process.stdout.write(
    `${r.cli}\n  empty directory:    median ${(median(r.empty) / 1000).toFixed(1)} s (${ratio('empty')}× baseline)` +
      `  runs ${r.empty.map((x) => (x / 1000).toFixed(1)).join(', ')}\n` +
      `  existing directory: median ${(median(r.existing) / 1000).toFixed(1)} s (${ratio('existing')}× baseline)` +
      `  runs ${r.existing.map((x) => (x / 1000).toFixed(1)).join(', ')}\n`,
  );
}
