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
  /** From the reporter's summary: how many tests ran and passed (a run of nothing is no proof). */
  tests: number;
  passed: number;
}

/**
 * The child's environment: ours plus `extra`, without NODE_TEST_CONTEXT, which node:test sets in the processes it
 * runs test files in; a `node --test` that inherits it reports to a parent runner instead of running the files.
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env['NODE_TEST_CONTEXT'];
  return env;
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
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(env) },
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
      const count = (name: string) => Number(new RegExp(`^ℹ ${name} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
      resolve({ code, output, tests: count('tests'), passed: count('pass') });
    });
  });
}

/** The reporter's list of failing tests with their errors (or the end of the output), for the assertion message. */
export function failures(output: string): string {
  const at = output.lastIndexOf('failing tests:');
  return (at >= 0 ? output.slice(at) : output.slice(-4000)).slice(0, 8000);
}
