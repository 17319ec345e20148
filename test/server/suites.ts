/**
 * Runs other test files in a child `node --test` with extra environment (a target server, a store module) and
 * answers its exit code and output, so that one suite written once proves several implementations.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SuiteRun {
  code: number | null;
  output: string;
}

export function runSuite(files: string[], env: Record<string, string>, concurrency = 1): Promise<SuiteRun> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${String(concurrency)}`,
      '--test-reporter=spec',
      ...files,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, output });
    });
  });
}

/** The failing tests' names from a spec report, for a readable assertion message. */
export function failures(output: string): string {
  const failed = output.split('\n').filter((line) => /^\s*✖/.test(line));
  return failed.length > 0 ? failed.join('\n') : output.slice(-4000);
}
