/**
 * Runs the `invitekit-server` CLI (packages/server/src/cli.ts) in a child process for tests: waits for its
 * ready line, and stops it (SIGTERM, then SIGKILL) afterwards. Children die with this process too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SERVER_CLI = 'packages/server/src/cli.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  stop(): Promise<number | null>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function startServerProcess(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
  /** Node's own flags (`--cpu-prof`), which NODE_OPTIONS does not take. */
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--conditions=source', '--import', 'tsx', SERVER_CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    }
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`no ready line within ${String(timeoutMs)} ms; stderr: ${err}`));
    }, timeoutMs);
    let ready = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Once ready, the output is only kept: searching all of it again on every chunk of request lines took the
      // load generator of bench:server longer and longer while invitekit (and not the floor, which logs nothing) ran.
      if (ready) return;
      const match = /^invitekit server listening on (http:\/\/127\.0\.0\.1:\d+)\n/m.exec(out);
      if (match?.[1]) {
        ready = true;
        clearTimeout(timer);
        resolve({ url: match[1], child, stdout: () => out, stderr: () => err, stop });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`the server exited with ${String(code)}: ${err}`), { exitCode: code }));
    });
  });
}
